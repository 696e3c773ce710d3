"""FactDesk storage: the SQLite project file, its migrations and one repository per aggregate.

All SQL of FactDesk lives in this package; everything above it sees dataclasses.
"""

from factdesk.storage.database import ProjectFileError, inspect_project_file, open_database

__all__ = ["ProjectFileError", "inspect_project_file", "open_database"]

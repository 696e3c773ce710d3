"""The open project: one SQLite file, its repositories and its settings.

``Project`` is the object every service takes. It owns the sqlite-utils ``Database``
(and so must be used from one thread at a time: the GUI gives it to its database
worker), exposes one repository per aggregate and a ``transaction()`` for writes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from sqlite_utils import Database

from factdesk.model.ratings import RatingScale
from factdesk.model.settings import (
    CHECKER,
    CLAIM_THRESHOLD,
    DEFAULT_CLAIM_THRESHOLD,
    RATING_SCALE,
    ProjectSettings,
)
from factdesk.model.triage import Triage
from factdesk.nlp.name_folding import canonical_key  # pure Python: no spaCy is loaded
from factdesk.nlp.person_names import person_parts
from factdesk.storage.archive import ArchiveRepository
from factdesk.storage.articles import ArticleRepository
from factdesk.storage.backup import (
    UpgradeBackup,
    back_up_before_upgrade,
    back_up_now,
    take_opening_backup,
)
from factdesk.storage.claims import ClaimRepository
from factdesk.storage.database import (
    close_database,
    fold_journal,
    open_database,
    read_only_connection,
    transaction,
)
from factdesk.storage.entities import EntityRepository
from factdesk.storage.matches import MatchRepository
from factdesk.storage.migrations import SCHEMA_VERSION
from factdesk.storage.search import SearchRepository
from factdesk.storage.settings import SettingsRepository
from factdesk.storage.verdicts import VerdictRepository


def _fold_name(name: str) -> str:
    return canonical_key(name)


UNNAMED_CHECKER = "unnamed checker"  # until a name is set (window, or `factdesk settings`)


class Project:
    """A FactDesk project file opened for reading and (unless read-only) writing."""

    def __init__(self, path: Path, db: Database, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.db = db
        self.read_only = read_only
        # why this is a read-only view ("is open elsewhere", "is in a read-only folder
        # ..."), set by :func:`factdesk.core.opening.open_project`; None when editable
        self.view_reason: str | None = None
        self._acting_checker: str | None = None
        self._on_close: list[Callable[[], None]] = []
        # the copy kept before this open upgraded the file to the current schema, if it did
        self.upgrade_backup: UpgradeBackup | None = None
        self.articles = ArticleRepository(db)
        self.claims = ClaimRepository(db)
        self.entities = EntityRepository(db)
        self.matches = MatchRepository(db)
        self.verdicts = VerdictRepository(db)
        self.settings = SettingsRepository(db)
        self.archive = ArchiveRepository(db)
        self.search = SearchRepository(db, fold=_fold_name, person_parts=person_parts)

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False,
             backup: bool = False) -> Project:
        """Open (creating and migrating if allowed) the project at ``path``.

        ``backup`` takes a rotating backup first when the file changed since the last
        one (the window does this on every open; scripts need not). A file of an older
        schema is copied among the backups as it is before it is upgraded, however it
        is opened for writing (``upgrade_backup`` then says where).
        """
        upgrade = None if read_only else back_up_before_upgrade(Path(path))
        db = open_database(Path(path), create=create, read_only=read_only)
        if backup and not read_only:
            take_opening_backup(Path(path), db)
        project = cls(Path(path), db, read_only=read_only)
        project.upgrade_backup = upgrade
        return project

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def upgrade_note(self) -> str:
        """What to tell the checker when this open upgraded the file ("" when it did
        not): from which schema, and where the file as it was is kept."""
        kept = self.upgrade_backup
        if kept is None:
            return ""
        return (f"{self.path.name}: upgraded from schema {kept.schema_version} to "
                f"{SCHEMA_VERSION}; the file as it was is kept in {kept.path} "
                "('factdesk restore' brings it back)")

    def transaction(self) -> AbstractContextManager[Database]:
        """One atomic write: all of it lands, or none of it does (nested: a savepoint).
        See :func:`factdesk.storage.database.transaction`."""
        return transaction(self.db, read_only=self.read_only)

    def back_up(self) -> Path:
        """Take a rotating backup of the project now, changed or not."""
        return back_up_now(self.path, self.db)

    def fold_journal(self) -> None:
        """Fold the write-ahead journal into the project file (before it is moved)."""
        fold_journal(self.db)

    def close(self) -> None:
        # the search warm-up's own connection must be gone for the journal to be folded in
        self.search.stop_warm_up()
        close_database(self.db)
        for release in self._on_close:
            release()
        self._on_close.clear()

    def warm_up_search(self) -> threading.Thread:
        """Build the search's spelling index in the background, on a read-only connection
        of its own (a large project's first search then need not build it); closing the
        project stops it."""
        return self.search.warm_up_in_background(lambda: read_only_connection(self.path))

    def hold_until_closed(self, release: Callable[[], None]) -> None:
        """Call ``release`` once the project is closed (a lock held for this session)."""
        self._on_close.append(release)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # settings with meaning ---------------------------------------------------------------

    @property
    def checker(self) -> str:
        """Who makes the edits: this session's checker (:meth:`act_as`), else the
        project's "checker" setting; never the operating-system account (which says
        nothing about who checked: "root" on a shared machine)."""
        name = self._acting_checker or self.settings.get(CHECKER)
        return str(name) if name else UNNAMED_CHECKER

    def act_as(self, checker: str | None) -> None:
        """Record this session's edits as ``checker``'s (a script run for a colleague),
        without changing the project's checker setting; None: back to the setting."""
        self._acting_checker = checker.strip() if checker and checker.strip() else None

    def rating_scale(self) -> RatingScale:
        return RatingScale.from_json(self.settings.get(RATING_SCALE))

    def claim_threshold(self) -> float:
        """The score from which a sentence is a claim (default: DEFAULT_CLAIM_THRESHOLD)."""
        value = self.settings.get(CLAIM_THRESHOLD)
        return float(value) if value is not None else DEFAULT_CLAIM_THRESHOLD

    def claim_share(self) -> float:
        """The most of an article's sentences shown by default as claims (default:
        DEFAULT_CLAIM_SHARE)."""
        return self.project_settings().claim_share

    def triage(self) -> Triage:
        """The claim threshold and share: what each article shows by default
        (:mod:`factdesk.model.triage`)."""
        return self.project_settings().triage

    def project_settings(self) -> ProjectSettings:
        """Every setting of the project, typed, defaults filled in."""
        return ProjectSettings.from_stored(self.settings.all())

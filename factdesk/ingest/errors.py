"""The one exception type the ingest layer raises: a file that cannot become an article."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file (or pasted text) that could not be turned into an article.

    ``str(error)`` is a message ready for the user, always naming the file first:
    ``"x.png: binary file (PNG image), not text"``. ``path`` is what the caller gave
    (a :class:`~pathlib.Path` or a bare name), ``name`` its file name and ``reason``
    the message without the name.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = path
        self.name = Path(path).name if str(path) else str(path)
        self.reason = reason
        super().__init__(f"{self.name}: {reason}")

"""The open project: one SQLite file, its repositories and its settings.

``Project`` is the object every service takes. It owns the sqlite-utils ``Database``
(and so must be used from one thread at a time: the GUI gives it to its database
worker), exposes one repository per aggregate and a ``transaction()`` for writes.
"""

from __future__ import annotations

import getpass
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from factdesk.model.ratings import RatingScale
from factdesk.storage.archive import ArchiveRepository
from factdesk.storage.articles import ArticleRepository
from factdesk.storage.claims import ClaimRepository
from factdesk.storage.database import open_database
from factdesk.storage.entities import EntityRepository
from factdesk.storage.matches import MatchRepository
from factdesk.storage.search import SearchRepository
from factdesk.storage.settings import SettingsRepository
from factdesk.storage.verdicts import VerdictRepository

DEFAULT_CLAIM_THRESHOLD_KEY = "claim_threshold"


def _fold_name(name: str) -> str:
    from factdesk.nlp.aliases import canonical_key  # pure Python: no spaCy is loaded

    return canonical_key(name)


class Project:
    """A FactDesk project file opened for reading and (unless read-only) writing."""

    def __init__(self, path: Path, db: Database, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.db = db
        self.read_only = read_only
        self._acting_checker: str | None = None
        self._on_close: list[Callable[[], None]] = []
        self.articles = ArticleRepository(db)
        self.claims = ClaimRepository(db)
        self.entities = EntityRepository(db)
        self.matches = MatchRepository(db)
        self.verdicts = VerdictRepository(db)
        self.settings = SettingsRepository(db)
        self.archive = ArchiveRepository(db)
        self.search = SearchRepository(db, fold=_fold_name)

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, read_only: bool = False,
             backup: bool = False) -> Project:
        """Open (creating and migrating if allowed) the project at ``path``.

        ``backup`` takes a rotating backup first when the file changed since the last
        one (the window does this on every open; scripts need not).
        """
        db = open_database(Path(path), create=create, read_only=read_only)
        if backup and not read_only:
            from factdesk.storage.backup import take_backup

            if db.execute("SELECT count(*) FROM articles").fetchone()[0]:
                take_backup(Path(path), db.conn)
        return cls(Path(path), db, read_only=read_only)

    @property
    def name(self) -> str:
        return self.path.stem

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic write: all of it lands, or none of it does.

        The outermost transaction starts with ``BEGIN IMMEDIATE`` so that it takes the
        write lock up front and waits (busy timeout) for another writer, instead of
        failing with "database is locked" when it upgrades from reading to writing.
        Nested ones are savepoints.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic() as db:
                yield db
            return
        conn.execute("BEGIN" if self.read_only else "BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        else:
            conn.execute("COMMIT")

    def close(self) -> None:
        # the search warm-up's own connection must be gone for the journal to be folded in
        self.search.stop_warm_up()
        try:
            self.db.conn.execute("PRAGMA optimize")
        except Exception:  # noqa: BLE001 - closing must not fail on a best-effort hint
            pass
        self.db.close()
        for release in self._on_close:
            release()
        self._on_close.clear()

    def warm_up_search(self) -> threading.Thread:
        """Build the search's spelling index in the background, on a read-only connection
        of its own (a large project's first search then need not build it); closing the
        project stops it."""
        from factdesk.storage.database import read_only_connection

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
        project's "checker" setting, else the login name."""
        name = self._acting_checker or self.settings.get("checker")
        if name:
            return str(name)
        try:
            return getpass.getuser()
        except Exception:  # noqa: BLE001 - no login name on some systems
            return "checker"

    def act_as(self, checker: str | None) -> None:
        """Record this session's edits as ``checker``'s (a script run for a colleague),
        without changing the project's checker setting; None: back to the setting."""
        self._acting_checker = checker.strip() if checker and checker.strip() else None

    def rating_scale(self) -> RatingScale:
        return RatingScale.from_json(self.settings.get("rating_scale"))

    def claim_threshold(self, default: float) -> float:
        value = self.settings.get(DEFAULT_CLAIM_THRESHOLD_KEY)
        return float(value) if value is not None else default

"""Full-text search over articles, claims, rationales and evidence notes (FTS5, bm25).

The user's query is parsed leniently into an FTS5 expression: words, "phrases",
prefix* terms, OR and NOT/-word (operators in capitals, as search engines spell them: a
lower-case "not" is a word to find). Unbalanced quotes are closed, a lone ``*`` or stray
punctuation is dropped, so a malformed query is answered, never crashed on. Every word,
alone, in a "phrase" or with a possessive ("Izyum's"), is expanded with its spelling
variants (the project's entity mentions that share a canonical form, plus the alias
table), so "Izyum" finds "Izium". A person's full name also finds the claims naming
them by surname alone ("Mr. Clapper said") in the articles that establish the full
name (:mod:`factdesk.storage.person_search`).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from factdesk.storage.person_search import PersonParts, SurnameScope, surname_scopes

HIGHLIGHT_OPEN = "\u0002"
HIGHLIGHT_CLOSE = "\u0003"
_TOKEN = re.compile(r'"[^"]*"?|\S+')
_WORD_CHARS = re.compile(r"[^\w\u2019'*-]+", re.UNICODE)

VariantLookup = Callable[[str], list[str]]
COMMON_MATCHES = 4000
OPERATORS = frozenset({"OR", "AND", "NOT"})
#: At most this many spellings of one phrase are searched.
MAX_PHRASE_SPELLINGS = 16


@dataclass(frozen=True)
class SearchHit:
    """One result: what kind of row, its id, its article, and a highlighted snippet."""

    kind: str  # "article", "claim", "rationale", "evidence"
    id: int
    article_id: int
    snippet: str
    rank: float

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "id": self.id, "article": self.article_id,
                "snippet": self.snippet, "rank": round(self.rank, 4)}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text, flags=re.UNICODE) if w]


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _last_word(name: str) -> str:
    """The surname of a name as written: its last word before a generational suffix
    ("James R. Clapper Jr." -> "Clapper"; "Jr." had made "Clapper" find every "Jr.")."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".,").casefold() in _NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else name


def _spellings(words: list[str], variants: VariantLookup | None) -> str:
    """A phrase (or one word) as the FTS5 expression of its spellings: as typed, and with
    each word in turn spelled as a variant ("Zelensky s" also finds "Zelenskyy’s"); every
    word's variants are searched (one word respelled at a time), at most
    :data:`MAX_PHRASE_SPELLINGS` phrases in all."""
    spellings = [" ".join(words)]
    for i, word in enumerate(words):
        found = variants(word) if variants and len(word) > 1 else []
        for variant in found:
            respelled = " ".join(_words(variant))
            if respelled:
                spellings.append(" ".join([*words[:i], respelled, *words[i + 1:]]))
    quoted = [_quote(s) for s in list(dict.fromkeys(spellings))[:MAX_PHRASE_SPELLINGS]]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def build_match_expression(query: str, variants: VariantLookup | None = None) -> str | None:
    """An FTS5 MATCH expression for ``query``, or None when nothing searchable remains."""
    parts: list[str] = []
    pending_op: str | None = None
    for raw in _TOKEN.findall(query.strip()):
        if raw.startswith('"'):
            words = _words(raw.strip('"'))
            if not words:
                continue
            expr = _spellings(words, variants)
        elif raw in OPERATORS:
            pending_op = raw if parts else None
            continue
        else:
            negate = raw.startswith("-") and len(raw) > 1
            cleaned = _WORD_CHARS.sub(" ", raw.lstrip("-")).strip()
            prefix = cleaned.endswith("*")
            words = _words(cleaned)
            if not words:
                continue
            if prefix and len(words) == 1:
                expr = _quote(words[0]) + "*"
            else:
                expr = _spellings(words, variants)
            if negate and parts:
                pending_op = "NOT"
        if parts:
            # FTS5 rejects an implicit AND after a parenthesised group: always say it.
            parts.append(pending_op or "AND")
        pending_op = None
        parts.append(expr)
    if not parts:
        return None
    return " ".join(parts)


class SearchRepository:
    """Runs searches against the project's FTS5 indexes."""

    def __init__(self, db: Database, fold: Callable[[str], str] | None = None,
                 person_parts: PersonParts | None = None) -> None:
        self.db = db
        self.fold = fold or (lambda name: name.casefold())
        # reads a full name in a query (given names, surname): without it, no surname
        # search
        self.person_parts = person_parts
        # the spelling index: read and updated under this lock (by a search, or by the
        # warm-up thread on a connection of its own)
        self._spellings_lock = threading.Lock()
        self._mentions_stamp: tuple[int, int] | None = None
        self._by_text: dict[str, set[str]] = defaultdict(set)
        self._by_key: dict[str, set[str]] = defaultdict(set)
        self._folds: dict[str, str] = {}
        self._warm_up: threading.Thread | None = None
        self._stop_warm_up = threading.Event()

    def _canonicals_of(self, word: str) -> set[str]:
        """The canonical forms of the mentions spelled ``word`` (or ending in it), from
        the spelling index, brought up to date first.

        The index holds the canonical forms of the mentions by their spelling
        (case-folded), and by each word-suffix of their folded spelling ("volodymyr
        zelenskyy" and "zelenskyy"). It is built on first use (or ahead, by
        :meth:`warm_up_in_background`), then kept up to date: mentions only added since
        (an import) are folded in; anything else (mentions replaced or removed, or
        :meth:`forget_mentions` after canonical forms changed) rebuilds it. Folding a
        spelling is the costly part, and each fold is remembered for the session.
        """
        with self._spellings_lock:
            self._update_spellings(self.db.conn)
            return set(self._by_text.get(word.casefold())
                       or self._by_key.get(self.fold(word)) or ())

    def _update_spellings(self, conn: sqlite3.Connection,
                          stop: threading.Event | None = None) -> None:
        """Bring the spelling index up to date with the mentions ``conn`` reads (under
        the lock); a set ``stop`` ends the reading early, the index left to be rebuilt."""
        count, last = conn.execute(
            "SELECT count(*), coalesce(max(id), 0) FROM entity_mentions").fetchone()
        known = self._mentions_stamp
        if known == (count, last):
            return
        since = 0
        if known is not None and last > known[1]:
            added = conn.execute("SELECT count(*) FROM entity_mentions WHERE id > ?",
                                 [known[1]]).fetchone()[0]
            if count == known[0] + added:  # only insertions since: add them
                since = known[1]
        self._mentions_stamp = None  # until read whole
        if not since:
            self._by_text, self._by_key = defaultdict(set), defaultdict(set)
        by_text, by_key, folds = self._by_text, self._by_key, self._folds
        rows = conn.execute(
            "SELECT DISTINCT text, canonical FROM entity_mentions WHERE id > ?", [since])
        for n, (text, canonical) in enumerate(rows):
            if stop is not None and not n % 1000 and stop.is_set():
                return
            by_text[text.casefold()].add(canonical)
            folded = folds.get(text)
            if folded is None:
                folded = folds[text] = self.fold(text)
            words = folded.split(" ")
            for i in range(len(words)):
                by_key[" ".join(words[i:])].add(canonical)
        self._mentions_stamp = (count, last)

    def warm_up_in_background(self, connect: Callable[[], sqlite3.Connection]
                              ) -> threading.Thread:
        """Build the spelling index in a thread, on a connection of its own from
        ``connect`` (a read-only one), so that the first search of a large project does
        not build it (2 s at 300,000 mentions). A search that comes before it is done
        waits for it. :meth:`stop_warm_up` ends it (before the project closes)."""

        def build() -> None:
            with self._spellings_lock:
                if self._stop_warm_up.is_set():
                    return
                try:
                    conn = connect()
                except Exception:  # best effort: the first search builds it
                    return
                try:
                    conn.execute("BEGIN")  # one snapshot for the counts and the rows
                    self._update_spellings(conn, self._stop_warm_up)
                except sqlite3.Error:
                    self._mentions_stamp = None  # half read: the next search rebuilds it
                finally:
                    conn.close()

        self._stop_warm_up.clear()
        self._warm_up = thread = threading.Thread(target=build, name="spelling index",
                                                  daemon=True)
        thread.start()
        return thread

    def stop_warm_up(self) -> None:
        """End a running :meth:`warm_up_in_background` and wait for its connection to be
        closed (so that closing the project can fold its journal into the file)."""
        thread = self._warm_up
        if thread is not None:
            self._stop_warm_up.set()
            thread.join()
            self._warm_up = None

    def forget_mentions(self) -> None:
        """The mentions' canonical forms changed (an alias edit, a project-wide merge;
        called once the change is committed): the next search reads them again."""
        with self._spellings_lock:
            self._mentions_stamp = None

    def spelling_variants(self, word: str) -> list[str]:
        """Other spellings of ``word``: mentions sharing its canonical form, and aliases."""
        canonicals = self._canonicals_of(word)
        for canonical, in self.db.execute(
            "SELECT canonical FROM aliases WHERE variant = ? COLLATE NOCASE", [word]
        ):
            canonicals.add(canonical)
        if not canonicals:
            return []
        marks = ",".join("?" * len(canonicals))
        texts = {r[0] for r in self.db.execute(
            f"SELECT DISTINCT text FROM entity_mentions WHERE canonical IN ({marks})",
            list(canonicals))}
        texts |= {r[0] for r in self.db.execute(
            f"SELECT variant FROM aliases WHERE canonical IN ({marks})", list(canonicals))}
        texts |= canonicals
        # A one-word query stands for one-word spellings (surname or place), not full names.
        single = {_last_word(t) for t in texts} if len(word.split()) == 1 else texts
        return sorted(t for t in single if t.casefold() != word.casefold())

    def search(self, query: str, *, limit: int = 20, kinds: tuple[str, ...] | None = None,
               alias_aware: bool = True) -> list[SearchHit]:
        """Hits for ``query``, best first within each kind (articles, claims, ...).

        Alias-aware, a person's full name also finds, in the claims (and their
        rationales and evidence) of the articles establishing it, the surname alone."""
        expression = build_match_expression(
            query, self.spelling_variants if alias_aware else None)
        if expression is None:
            return []
        wanted = kinds or ("claim", "article", "rationale", "evidence")
        scopes = self.surname_scopes(query) if alias_aware else []
        hits: list[SearchHit] = []
        for kind in wanted:
            found = self._search_safely(kind, expression, query, limit)
            if found is None:
                return []
            if kind != "article" and scopes:
                found = self._with_surnames(kind, found, scopes, limit)
            hits += found
        return hits

    def surname_scopes(self, query: str) -> list[SurnameScope]:
        """The surname searches the full names in ``query`` call for."""
        if self.person_parts is None:
            return []
        return surname_scopes(self.db, query, self.person_parts, self._canonicals_of)

    def _search_safely(self, kind: str, expression: str, query: str, limit: int,
                       scope: SurnameScope | None = None) -> list[SearchHit] | None:
        try:
            return self._search_kind(kind, expression, limit, scope)
        except sqlite3.OperationalError:
            # A query FTS5 still rejects: retry with every term quoted, then give up.
            safe = " ".join(_quote(w) for w in _words(query))
            if not safe:
                return None
            try:
                return self._search_kind(kind, safe, limit, scope)
            except sqlite3.OperationalError:
                return []

    def _with_surnames(self, kind: str, found: list[SearchHit], scopes: list[SurnameScope],
                       limit: int) -> list[SearchHit]:
        """``found`` and the hits of each surname search, best first, each hit once."""
        seen = {hit.id for hit in found}
        merged = list(found)
        for scope in scopes:
            expression = build_match_expression(scope.query, self.spelling_variants)
            if expression is None:
                continue
            for hit in self._search_safely(kind, expression, scope.query, limit, scope) or []:
                if hit.id not in seen:
                    seen.add(hit.id)
                    merged.append(hit)
        if len(merged) == len(found):
            return found
        return sorted(merged, key=lambda hit: hit.rank)[:limit]

    def _is_common(self, fts: str, expression: str) -> bool:
        """Does ``expression`` match so many rows that bm25-ranking them all is slow?"""
        found = self.db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM {fts} WHERE {fts} MATCH ? LIMIT ?)",
            [expression, COMMON_MATCHES + 1],
        ).fetchone()[0]
        return found > COMMON_MATCHES

    def _search_kind(self, kind: str, expression: str, limit: int,
                     scope: SurnameScope | None = None) -> list[SearchHit]:
        fts = {"article": "articles_fts", "claim": "claims_fts", "rationale": "verdicts_fts",
               "evidence": "evidence_fts"}.get(kind)
        if fts is None:
            raise ValueError(f"unknown search kind {kind!r}")
        # A query matching tens of thousands of rows ("the", "said") is answered newest
        # first instead of by bm25: ranking every match would take hundreds of ms.
        order = f"{fts}.rowid DESC" if self._is_common(fts, expression) else "r"
        o, c = HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE
        if kind == "article":
            sql = (f"SELECT a.id, a.id, snippet(articles_fts, 1, '{o}', '{c}', '…', 12), "
                   "bm25(articles_fts, 5.0, 1.0) AS r FROM articles_fts "
                   "JOIN articles a ON a.id = articles_fts.rowid "
                   f"WHERE articles_fts MATCH ? ORDER BY {order} LIMIT ?")
        elif kind == "claim":
            sql = (f"SELECT c.id, c.article_id, snippet(claims_fts, 0, '{o}', '{c}', '…', 16), "
                   "bm25(claims_fts) AS r FROM claims_fts "
                   "JOIN claims c ON c.id = claims_fts.rowid "
                   f"WHERE claims_fts MATCH ? AND c.deleted_at IS NULL ORDER BY {order} LIMIT ?")
        elif kind == "rationale":
            sql = (f"SELECT v.claim_id, c.article_id, "
                   f"snippet(verdicts_fts, 0, '{o}', '{c}', '…', 16), bm25(verdicts_fts) AS r "
                   "FROM verdicts_fts JOIN verdicts v ON v.claim_id = verdicts_fts.rowid "
                   "JOIN claims c ON c.id = v.claim_id "
                   f"WHERE verdicts_fts MATCH ? AND c.deleted_at IS NULL ORDER BY {order} LIMIT ?")
        elif kind == "evidence":
            sql = (f"SELECT e.id, c.article_id, snippet(evidence_fts, -1, '{o}', '{c}', '…', 16),"
                   " bm25(evidence_fts) AS r FROM evidence_fts "
                   "JOIN evidence e ON e.id = evidence_fts.rowid "
                   "JOIN claims c ON c.id = e.claim_id WHERE evidence_fts MATCH ? "
                   f"AND e.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY {order} LIMIT ?")
        params: list[object] = [expression]
        if scope is not None:  # only the claims where the surname stands for the person
            if kind == "article":
                raise ValueError("a surname search is for claims, rationales and evidence")
            condition, ids = scope.sql("c")
            sql = sql.replace(" ORDER BY ", f" AND {condition} ORDER BY ")
            params += ids
        rows = self.db.execute(sql, [*params, limit]).fetchall()
        return [SearchHit(kind, r[0], r[1], r[2], float(r[3])) for r in rows]

    def rebuild(self) -> None:
        """Rebuild every FTS index from its table (``factdesk check --repair``)."""
        for table in ("articles_fts", "claims_fts", "verdicts_fts", "evidence_fts",
                      "archive_fts"):
            self.db.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")

    def integrity_problems(self) -> list[str]:
        """FTS indexes that disagree with their tables."""
        problems = []
        for table in ("articles_fts", "claims_fts", "verdicts_fts", "evidence_fts",
                      "archive_fts"):
            try:
                self.db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{table}: {exc}")
        return problems

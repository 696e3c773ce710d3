"""Article rows: the immutable text snapshots, their metadata and original bytes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby
from operator import itemgetter

from sqlite_utils import Database

from factdesk.model.models import MAX_ANALYSED_CHARS, UNCHECKED, Article
from factdesk.model.outlet_names import OutletNames
from factdesk.model.settings import DEFAULT_CLAIM_SHARE, DEFAULT_CLAIM_THRESHOLD
from factdesk.model.triage import (
    LEAD_FLOOR,
    ArticleCut,
    Triage,
    claim_budget,
    estimate_sentences,
    sentence_count,
)
from factdesk.storage.rows import article_from_row, id_chunks, now_iso

#: Up to this many articles' cuts are read article by article (the index); more, in one
#: pass over every live claim's score.
FEW_ARTICLES = 200


@dataclass(frozen=True)
class ArticleSummary:
    """One line of the articles list: metadata and counts, without the text."""

    id: int
    title: str
    outlet: str
    published: str | None
    url: str
    source_name: str
    claims: int  # live claims, candidates included
    verdicts: int
    analysed: bool = True  # claims detected (False: never yet, or the analysis failed)
    analysis_error: str | None = None  # why the last analysis failed
    shown: int = 0  # of ``claims``, the ones shown by default (see :meth:`summaries`)
    #: not analysed because its text is over MAX_ANALYSED_CHARS: it must be split first,
    #: another extraction alone will not analyse it
    too_long: bool = False
    sentences: int | None = None  # counted when it was last analysed (None: before 0008)
    #: the lowest automatic claim shown by default (:mod:`factdesk.model.triage`)
    cut: ArticleCut = ArticleCut(DEFAULT_CLAIM_THRESHOLD)

    @property
    def candidates(self) -> int:
        """Live claims not shown by default (under the threshold or outside the article's
        budget, not marked, not judged)."""
        return self.claims - self.shown


class ArticleRepository:
    """Reads and writes the ``articles`` and ``article_sources`` tables."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        *,
        title: str,
        outlet: str,
        author: str,
        published: str | None,
        url: str,
        source_name: str,
        text: str,
        text_hash: str,
        raw: bytes,
        title_guessed: bool = False,
    ) -> int:
        """Insert one article (inside the caller's transaction); returns its id."""
        cursor = self.db.execute(
            "INSERT INTO articles (title, outlet, author, published, url, source_name, "
            "imported_at, text, text_hash, title_guessed) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [title, outlet, author, published, url, source_name, now_iso(), text, text_hash,
             int(title_guessed)],
        )
        article_id = int(cursor.lastrowid)
        self.db.execute(
            "INSERT INTO article_sources (article_id, raw) VALUES (?, ?)", [article_id, raw]
        )
        return article_id

    def id_for_hash(self, text_hash: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE text_hash = ?", [text_hash]
        ).fetchone()
        return int(row[0]) if row else None

    def removal_counts(self, article_id: int) -> tuple[int, int, int]:
        """(claims, claims with a verdict or evidence, matches) that removing the article
        would take with it."""
        claims = "SELECT id FROM claims WHERE article_id = ?"
        row = self.db.execute(
            f"SELECT (SELECT count(*) FROM claims WHERE article_id = ?), "
            f"(SELECT count(*) FROM (SELECT claim_id FROM verdicts WHERE claim_id IN ({claims})"
            f" UNION SELECT claim_id FROM evidence WHERE deleted_at IS NULL AND claim_id IN "
            f"({claims}))), "
            f"(SELECT count(*) FROM matches WHERE claim_a IN ({claims}) OR claim_b IN "
            f"({claims}))", [article_id] * 5).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def delete(self, article_id: int) -> None:
        """Delete the article; its claims, their matches, verdicts and evidence, its
        mentions and source bytes go with it (foreign-key cascades)."""
        self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def texts_at_url(self, url: str) -> list[tuple[int, str]]:
        """(id, text) of the articles saved from this web address."""
        if not url:
            return []
        return [(int(r[0]), str(r[1])) for r in self.db.execute(
            "SELECT id, text FROM articles WHERE url = ? AND url != '' ORDER BY id", [url])]

    def get(self, article_id: int) -> Article | None:
        rows = list(self.db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
        return article_from_row(rows[0]) if rows else None

    def raw_bytes(self, article_id: int) -> bytes | None:
        row = self.db.execute(
            "SELECT raw FROM article_sources WHERE article_id = ?", [article_id]
        ).fetchone()
        return bytes(row[0]) if row else None

    def all(self) -> list[Article]:
        return [article_from_row(r) for r in self.db.query("SELECT * FROM articles ORDER BY id")]

    def iter_all(self) -> Iterator[Article]:
        for row in self.db.query("SELECT * FROM articles ORDER BY id"):
            yield article_from_row(row)

    def ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY id")]

    def ids_needing_extraction(self) -> list[int]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT id FROM articles WHERE extracted_at IS NULL ORDER BY id"
            )
        ]

    def mark_extracted(self, article_id: int, sentences: int | None = None) -> None:
        """Record that the article was analysed, with its number of ``sentences`` (the
        claim budget's base; None keeps the one stored)."""
        self.db.execute(
            "UPDATE articles SET extracted_at = ?, analysis_error = NULL, "
            "sentence_count = coalesce(?, sentence_count) WHERE id = ?",
            [now_iso(), sentences, article_id],
        )

    def mark_not_analysed(self, article_id: int, error: str) -> None:
        """Record that the article's analysis failed (its earlier claims, if any, stay):
        it shows as not analysed, and the next extraction tries it again."""
        self.db.execute(
            "UPDATE articles SET extracted_at = NULL, analysis_error = ? WHERE id = ?",
            [error, article_id],
        )

    def analysis_errors(self) -> dict[int, str]:
        """Article id -> why its last analysis failed, for those it did."""
        return {int(r[0]): str(r[1]) for r in self.db.execute(
            "SELECT id, analysis_error FROM articles WHERE analysis_error IS NOT NULL")}

    def update_metadata(self, article_id: int, **fields: str | None) -> None:
        allowed = {"title", "outlet", "author", "published", "url"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot change article fields {sorted(unknown)}")
        if not fields:
            return
        assignments = ", ".join(f"{name} = ?" for name in fields)
        self.db.execute(
            f"UPDATE articles SET {assignments} WHERE id = ?", [*fields.values(), article_id]
        )

    def published(self, article_id: int) -> str | None:
        """The article's ISO publication date, or None when unknown (text not read)."""
        row = self.db.execute("SELECT published FROM articles WHERE id = ?",
                              [article_id]).fetchone()
        return row[0] if row and row[0] else None

    def outlet_names(self) -> OutletNames:
        """Every article's outlet now, and the names it had before (from the history of
        outlet edits, oldest first): a stored difference is told with the names now."""
        current = {r[0]: r[1] or "" for r in self.db.execute("SELECT id, outlet FROM articles")}
        former: dict[int, list[str]] = {}
        if self.db["history"].exists():
            for aid, old, new in self.db.execute(
                    "SELECT entity_id, old, new FROM history WHERE entity = 'article' "
                    "AND field = 'outlet' ORDER BY id"):
                names = former.setdefault(aid, [])
                names += [n for n in (old, new) if n and n not in names]
        return OutletNames(current, {aid: tuple(n) for aid, n in former.items()})

    def outlet_and_date(self, article_id: int) -> tuple[str, str | None] | None:
        """(outlet, ISO publication date or None) of an article, without reading its
        text; None when there is no such article."""
        row = self.db.execute("SELECT outlet, published FROM articles WHERE id = ?",
                              [article_id]).fetchone()
        return (row[0] or "", row[1] or None) if row else None

    def text_length(self, article_ids: Iterable[int]) -> int:
        """Characters of text in the given articles, together."""
        return sum(self.text_lengths(article_ids).values())

    def text_lengths(self, article_ids: Iterable[int]) -> dict[int, int]:
        """Characters of text of each of the given articles (by id; missing ids left out),
        without reading the texts."""
        lengths: dict[int, int] = {}
        for chunk, marks in id_chunks(article_ids):
            lengths.update(self.db.execute(
                f"SELECT id, length(text) FROM articles WHERE id IN ({marks})",
                chunk).fetchall())
        return {article_id: int(length or 0) for article_id, length in lengths.items()}

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def summaries(self, triage: Triage | None = None,
                  cuts: Mapping[int, ArticleCut] | None = None) -> list[ArticleSummary]:
        """Every article with its counts of live claims, of those shown by default, and of
        rated claims, by date, and its triage cut (``triage``: the project's claim
        threshold and share; the defaults when None).

        What is shown by default follows :mod:`factdesk.model.triage`: an article shows
        ``min(claims over the threshold, its budget)`` automatic claims, and every claim
        marked by hand or judged (rated, or moved on from "to check"). ``cuts``: cuts
        an earlier call returned, of articles whose claims, sentence count and the
        settings have not changed since (after a verdict edit: all of them; after a claim
        edit: all but its article's), which spares reading their claims' scores; the
        others are computed. Counted once per table, not once per article: live claims
        from the partial index ``claims_live_scores``, verdicts (few) claim by claim.
        """
        triage = triage or Triage(DEFAULT_CLAIM_THRESHOLD, DEFAULT_CLAIM_SHARE)
        counts: dict[int, tuple[int, int, int]] = {}  # live, automatic, automatic passing
        for aid, total, automatic, passing in self.db.execute(
                "SELECT article_id, count(*), sum(origin != 'manual'), "
                "sum(origin != 'manual' AND score >= ?) "
                "FROM claims WHERE deleted_at IS NULL GROUP BY article_id",
                [triage.threshold]):
            counts[aid] = (int(total), int(automatic or 0), int(passing or 0))
        rows = self.db.execute(
            "SELECT id, title, outlet, published, url, source_name, extracted_at IS NOT NULL, "
            "analysis_error, CASE WHEN analysis_error IS NULL THEN 0 "
            f"ELSE length(text) > ? END, {self._sentence_column} FROM articles "
            "ORDER BY published IS NULL, published, id", [MAX_ANALYSED_CHARS]).fetchall()
        estimates = self._estimated_sentences(
            [row[0] for row in rows if row[9] is None and row[0] in counts])
        sentences = {row[0]: sentence_count(row[9], estimates.get(row[0], 0)) for row in rows}
        budgets = {aid: claim_budget(n, triage.share) for aid, n in sentences.items()}
        known = cuts or {}
        cuts = {**known, **self.triage_cuts(triage, {
            aid: sentences[aid] for aid, (_, _, passing) in counts.items()
            if aid in budgets and passing > budgets[aid] and aid not in known})}
        # a known cut keeps its lead; the others' are read (after a claim edit: its
        # article's only)
        unknown = [aid for aid in counts if aid not in known]
        leads = self.leads(LEAD_FLOOR, unknown if len(unknown) <= FEW_ARTICLES else None)
        shown: dict[int, int] = {}
        for aid, (total, automatic, passing) in counts.items():
            # the cut admits exactly the budget's best of the passing claims, and the
            # lead on top of them when the threshold or the budget leaves it out
            shown[aid] = total - automatic + min(passing, budgets.get(aid, passing))
            if aid not in known:
                cut = (cuts.get(aid) or triage.open_cut()).with_lead(leads.get(aid))
                if cut.lead is not None or aid in cuts:
                    cuts[aid] = cut
            shown[aid] += aid in cuts and cuts[aid].lead_on_top()
        for aid, claim_id, score, start in self.db.execute(
                "SELECT article_id, id, score, start FROM claims WHERE id IN (SELECT claim_id "
                "FROM verdicts WHERE rating IS NOT NULL OR status != ?) "
                "AND deleted_at IS NULL AND origin != 'manual'",
                [UNCHECKED]):
            cut = cuts.get(aid) or triage.open_cut()
            if not cut.admits(score, start, claim_id) and aid in shown:  # judged: shown anyway
                shown[aid] += 1
        rated = dict(self.db.execute(
            "SELECT aid, count(*) FROM (SELECT (SELECT c.article_id FROM claims c "
            "WHERE c.id = v.claim_id AND c.deleted_at IS NULL) AS aid FROM verdicts v "
            "WHERE v.rating IS NOT NULL) WHERE aid IS NOT NULL GROUP BY aid").fetchall())
        return [ArticleSummary(aid, title, outlet, published, url, source,
                               counts.get(aid, (0, 0, 0))[0], rated.get(aid, 0), bool(done),
                               error, shown.get(aid, 0), bool(too_long), stored,
                               cuts.get(aid) or triage.open_cut())
                for aid, title, outlet, published, url, source, done, error, too_long,
                stored in rows]

    @cached_property
    def _sentence_column(self) -> str:
        """``sentence_count``, or NULL in a project from before migration 0008 opened
        read-only (it cannot be upgraded, and reads without the column). Read once: the
        schema of an open project does not change."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
        return "sentence_count" if "sentence_count" in columns else "NULL"

    def _estimated_sentences(self, article_ids: list[int]) -> dict[int, int]:
        """The sentence count read from the text of articles with none stored."""
        estimates: dict[int, int] = {}
        for chunk, marks in id_chunks(article_ids):
            for aid, text in self.db.execute(
                    f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk):
                estimates[aid] = estimate_sentences(text or "")
        return estimates

    def leads(self, floor: float, article_ids: Iterable[int] | None = None,
              ) -> dict[int, tuple[float, int, int]]:
        """Each article's lead (:func:`factdesk.model.triage.lead_of`) that is live and
        scores at least ``floor``, as ``(score, start, claim id)`` by article id: its first
        detected claim after the headline (the title's paragraph, which opens the text
        unless the title was guessed from the first sentence). Deleted claims count in
        finding it, so deleting the lead promotes no other sentence."""
        rows = self.db.execute(
            "SELECT c.article_id, c.score, c.start, c.id, c.deleted_at IS NULL FROM articles a "
            "JOIN claims c ON c.id = (SELECT f.id FROM claims f WHERE f.article_id = a.id "
            "AND f.origin = 'detected' AND f.start > CASE WHEN a.title_guessed THEN -1 "
            "ELSE length(a.title) END ORDER BY f.start, f.id LIMIT 1)")
        return {aid: (score, start, cid) for aid, score, start, cid, live in rows
                if live and score >= floor}

    def triage_cuts(self, triage: Triage, sentences: Mapping[int, int]) -> dict[int, ArticleCut]:
        """The triage cut (:func:`factdesk.model.triage.article_cut`) of each article in
        ``sentences`` (article id -> its sentence count), from its live automatic claims
        over the threshold; the others' budget does not bind (their cut is the threshold's,
        :meth:`Triage.open_cut`)."""
        cuts: dict[int, ArticleCut] = {}
        if not sentences:
            return cuts
        query = ("SELECT article_id, score, start, id FROM claims WHERE deleted_at IS NULL "
                 "AND origin != 'manual' AND score >= ?")
        if len(sentences) <= FEW_ARTICLES:  # e.g. after a claim edit: its article only
            marks = ",".join("?" * len(sentences))
            rows = self.db.execute(f"{query} AND article_id IN ({marks}) ORDER BY article_id",
                                   [triage.threshold, *sentences])
        else:
            rows = self.db.execute(f"{query} ORDER BY article_id", [triage.threshold])
        for aid, group in groupby(rows, key=itemgetter(0)):
            if aid in sentences:
                cuts[aid] = triage.cut([(score, start, cid) for _, score, start, cid in group],
                                       sentences[aid])
        return cuts

"""Cross-source matching of a project's claims: retrieve, re-rank, explain, store.

For each claim of the given articles, candidates come from the in-memory term index
over every other article's claims (never an all-pairs scan), are re-ranked by the
learned pair model, and the ones above the "related" threshold are stored with their
relation (same fact, related, or conflicting = same fact with incompatible details)
and the discrepancies explained. The checker's decisions win: a decision is never
changed and a rejected pair is never suggested again. A decided pair is judged again
whatever retrieval finds (on its own, as ``factdesk compare`` judges two claims), and its
relation, score and differences are refreshed; one the analysis no longer relates is
kept, marked so (:mod:`factdesk.model.match_changes` tells the checker what changed).

A claim pair that fails to be judged is left unsuggested, and an article whose matching
fails keeps its earlier suggestions; each is reported (``failures``), and the run goes on.
"""

from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from factdesk.core.batch_gc import fewer_collections
from factdesk.core.claim_index import INDEXES
from factdesk.core.failures import ArticleFailure, error_text
from factdesk.core.pair_rating import (
    PairScore,
    RatePairs,
    Unrelated,
    decide_rating,
    ranking_event_of,
    rate_pairs,
)
from factdesk.core.project import Project
from factdesk.matching.article_context import ArticleContext
from factdesk.matching.candidate_index import CandidateIndex
from factdesk.matching.claim_vectors import embed_for_pairs, unit_vectors
from factdesk.matching.contradictions import charge_query
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.event_frames import EventFrame, event_frame
from factdesk.matching.number_discrepancies import toll_query
from factdesk.matching.pair_features import PairInput
from factdesk.matching.pair_inputs import pair_input
from factdesk.matching.pair_model import PairScorer
from factdesk.matching.respelling import name_respellings
from factdesk.matching.semantic_index import SemanticIndex
from factdesk.matching.story_names import StoryNames
from factdesk.model.models import Claim, MatchDraft, published_date
from factdesk.model.outlet_names import OutletNames, outlet_token, with_templates
from factdesk.nlp.person_identity import ArticlePeople, article_people

CANDIDATES_PER_CLAIM = 12
#: Nearest claims by meaning added to each claim's term candidates (those with few
#: shared words), and the cosine of the int8 vectors they need.
SEMANTIC_CANDIDATES = 3
SEMANTIC_FLOOR = 0.6
MAX_MATCHES_PER_CLAIM = 8

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
log = logging.getLogger(__name__)


def project_respellings(project: Project) -> dict[str, str]:
    """:func:`name_respellings` of the project's mentions (read once per matching run)."""
    return name_respellings(project.entities.respelled())


#: With worker processes: articles whose pairs are sent to be rated ahead of deciding.
#: Far enough ahead that the workers rate while this process retrieves and decides (60
#: BASIL articles, two workers: matching took 0.70-0.74 s at 60 ahead against 0.76-0.92 s
#: at 6); a prepared article holds only its claims and candidate pairs.
LOOKAHEAD_ARTICLES = 32


def _key(a: Claim, b: Claim) -> tuple[int, int]:
    return (a.id, b.id) if a.id < b.id else (b.id, a.id)


class PairJudge:
    """Decides candidate pairs for one matching run, rating each unordered pair once.

    The pair model is symmetric and both articles of a pair query the index, so ratings
    are cached by unordered claim pair (always computed lower id first). Parsed claims,
    their pair-model inputs and facts are cached by claim id. With ``rate_async`` (a
    process pool's), :meth:`request` sends pairs to be rated ahead of :meth:`judge`.
    """

    MAX_CACHED_CLAIMS = 20_000  # parsed claims, inputs and facts kept during one run

    def __init__(
        self, project: Project, scorer: PairScorer, rate_async: RatePairs | None = None,
        semantic: SemanticIndex | None = None,
    ) -> None:
        self.project = project
        self.semantic = semantic
        self.scorer = scorer
        self.rate_async = rate_async
        self.run = uuid.uuid4().hex
        self._claims: dict[int, Claim] = {}
        self._respellings = project_respellings(project)
        self._inputs: dict[int, PairInput] = {}
        self._vectors: dict[int, np.ndarray] = {}  # unit sentence vectors
        self._facts: dict[int, ClaimFacts] = {}
        self._articles: dict[int, tuple[str, date | None]] = {}  # outlet, date
        # the people each article names: who a surname alone is there
        self._people: dict[int, tuple[tuple[str, str], ...]] = {}
        self.stories = StoryNames(self._frames_of)  # the names of each story
        self._ratings: dict[tuple[int, int], PairScore | Unrelated] = {}
        self.failed_pairs: list[tuple[Claim, Claim, BaseException]] = []  # not compared
        self._pending: dict[tuple[int, int], Future[list[PairScore | Unrelated]]] = {}
        self._batches: dict[Future[list[PairScore | Unrelated]], list[tuple[int, int]]] = {}

    def claims(self, claim_ids: Sequence[int]) -> dict[int, Claim]:
        """Live claims by id (parsed once per run)."""
        if len(self._claims) > self.MAX_CACHED_CLAIMS:
            self._claims.clear()
            self._inputs.clear()
            self._vectors.clear()
            self._facts.clear()
        missing = [i for i in claim_ids if i not in self._claims]
        if missing:
            self._claims.update(self.project.claims.get_many(sorted(missing)))
        return {i: self._claims[i] for i in claim_ids if i in self._claims}

    def remember(self, claims: Sequence[Claim]) -> None:
        for claim in claims:
            self._claims.setdefault(claim.id, claim)

    def _input(self, claim: Claim) -> PairInput:
        found = self._inputs.get(claim.id)
        if found is None:
            found = self._inputs[claim.id] = pair_input(
                claim, self._respellings, self.vector(claim), self.roster(claim.article_id))
        return found

    def vector(self, claim: Claim) -> np.ndarray:
        """The claim's unit sentence vector: its indexed codes, else computed now."""
        return self.vectors([claim])[0]

    def vectors(self, claims: Sequence[Claim]) -> np.ndarray:
        """:meth:`vector` of each claim, stacked; made once per claim and run, those of
        one article at once (its claims are the queries, then each is in pairs)."""
        missing = list({c.id: c for c in claims if c.id not in self._vectors}.values())
        if missing:
            indexed: list[tuple[Claim, np.ndarray]] = []
            unindexed: list[Claim] = []
            for claim in missing:
                codes = (self.semantic.codes_of(claim.id) if self.semantic is not None
                         else None)
                if codes is None:
                    unindexed.append(claim)
                else:
                    indexed.append((claim, codes))
            if indexed:
                units = unit_vectors(np.stack([codes for _, codes in indexed]))
                self._vectors.update((c.id, v) for (c, _), v in zip(indexed, units, strict=True))
            for claim in unindexed:  # one at a time, as the pair model was given them
                self._vectors[claim.id] = embed_for_pairs([claim.text])[0]
        return np.stack([self._vectors[c.id] for c in claims])

    def facts(self, claim: Claim) -> ClaimFacts:
        found = self._facts.get(claim.id)
        if found is None:
            if claim.article_id not in self._articles:  # not its text: outlet and date
                outlet, published = (self.project.articles.outlet_and_date(claim.article_id)
                                     or ("", None))
                self._articles[claim.article_id] = (outlet, published_date(published))
            day = self._articles[claim.article_id][1]
            # the outlet as a token of its article: a difference is stored as a template
            # and told with the outlet's name of the moment (factdesk.model.outlet_names)
            found = self._facts[claim.id] = ClaimFacts.from_claim(
                claim, day, outlet_token(claim.article_id), self.people(claim.article_id))
        return found

    def _frames_of(self, article_id: int) -> list[EventFrame]:
        """The event frames of all the article's claims (for its story's names)."""
        return [event_frame(self.facts(c)) for c in self.project.claims.for_article(article_id)]

    def people(self, article_id: int) -> tuple[tuple[str, str], ...]:
        """(text, canonical) of the article's person mentions (read once per run)."""
        found = self._people.get(article_id)
        if found is None:
            if len(self._people) > self.MAX_CACHED_CLAIMS:
                self._people.clear()
            found = self._people[article_id] = tuple(self.project.entities.people(article_id))
        return found

    def roster(self, article_id: int) -> ArticlePeople:
        """:class:`~factdesk.nlp.person_identity.ArticlePeople` of the article."""
        return article_people(self.people(article_id))

    def _todo(self, pairs: Sequence[tuple[Claim, Claim, float | None]]
              ) -> dict[tuple[int, int], tuple[PairInput, PairInput]]:
        todo: dict[tuple[int, int], tuple[PairInput, PairInput]] = {}
        for a, b, _ in pairs:
            key = _key(a, b)
            if key not in self._ratings and key not in self._pending and key not in todo:
                lo, hi = (a, b) if a.id < b.id else (b, a)
                todo[key] = (self._input(lo), self._input(hi))
        return todo

    def request(self, pairs: Sequence[tuple[Claim, Claim, float | None]]) -> None:
        """Start rating ``pairs`` in the background (no-op without ``rate_async``)."""
        if self.rate_async is None:
            return
        todo = self._todo(pairs)
        if not todo:
            return
        keys = list(todo)
        start = 0
        for size, future in self.rate_async(list(todo.values()), self.run):
            batch = keys[start:start + size]
            start += size
            self._batches[future] = batch
            for key in batch:
                self._pending[key] = future

    def _collect(self, keys: Iterable[tuple[int, int]]) -> None:
        for key in keys:
            future = self._pending.get(key)
            if future is None:
                continue
            batch = self._batches.pop(future)
            self._ratings.update(zip(batch, future.result(), strict=True))
            for done in batch:
                self._pending.pop(done, None)

    def judge(
        self, pairs: Sequence[tuple[Claim, Claim, float | None]]
    ) -> list[tuple[float, str | None, list[dict]]]:
        """:func:`rate_claims` and :func:`decide_claims` of each (claim, other, term
        similarity), batched."""
        self.request(pairs)
        self._collect(_key(a, b) for a, b, _ in pairs)
        todo = self._todo(pairs)
        if todo:
            self._ratings.update(zip(todo, rate_pairs(self.scorer, list(todo.values())),
                                     strict=True))
        out = []
        for a, b, term in pairs:
            try:
                out.append(self._judge_one(a, b, term))
            except Exception as exc:  # one pair never stops the run
                log.warning("claims %s and %s not compared", a.id, b.id, exc_info=True)
                self.failed_pairs.append((a, b, exc))
                out.append((0.0, None, []))  # not suggested
        return out

    def _judge_one(self, a: Claim, b: Claim, term: float | None
                   ) -> tuple[float, str | None, list[dict]]:
        key = _key(a, b)
        rating = self._ratings[key]
        facts_a, facts_b = self.facts(a), self.facts(b)
        story = self.stories.story(a.article_id, b.article_id)
        decision = decide_rating(*rating[:2], facts_a, facts_b, self.scorer, term, rating[2],
                                 ranking_event=ranking_event_of(rating), story=story)
        if isinstance(rating, Unrelated) and decision[1] is not None:
            # the bounds allow a dated event: rate the pair exactly and decide again
            lo, hi = (a, b) if a.id < b.id else (b, a)
            rating = self._ratings[key] = rate_pairs(
                self.scorer, [(self._input(lo), self._input(hi))], exact=True)[0]
            decision = decide_rating(*rating[:2], facts_a, facts_b, self.scorer, term,
                                     rating[2], ranking_event=ranking_event_of(rating),
                                     story=story)
        names = OutletNames({aid: self._articles[aid][0] for aid in (a.article_id, b.article_id)})
        return decision[0], decision[1], with_templates(decision[2], names)

    def cancel(self) -> None:
        """Drop the ratings still queued (after a cancelled run)."""
        for future in self._batches:
            future.cancel()
        self._batches.clear()
        self._pending.clear()


@dataclass
class _Prepared:
    """One article's claims and candidate pairs (claim, other, term similarity, owner)."""

    article_id: int
    claims: list[Claim]
    pairs: list[tuple[Claim, Claim, float | None]]
    owners: list[int]
    decided: set[tuple[int, int]] = field(default_factory=set)  # pairs the checker decided


@dataclass
class DecidedPairs:
    """The checker's decisions of one run, by pair and by claim."""

    decisions: dict[tuple[int, int], str]
    by_claim: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for a, b in self.decisions:
            self.by_claim.setdefault(a, []).append(b)
            self.by_claim.setdefault(b, []).append(a)

    def get(self, key: tuple[int, int]) -> str | None:
        return self.decisions.get(key)

    def __bool__(self) -> bool:
        return bool(self.decisions)


@dataclass
class _Judged:
    """One article's judged pairs: the suggestions to store (decided pairs among them),
    and the decided pairs the analysis no longer relates (claim, claim, score)."""

    drafts: list[MatchDraft]
    unrelated: list[tuple[int, int, float]]


def merge_candidates(by_terms: Sequence[tuple[int, float]],
                     by_meaning: Sequence[tuple[int, float]]
                     ) -> list[tuple[int, float | None]]:
    """The term index's candidates (with their term similarity), then the semantic
    index's others, with a term similarity of 0: below the term index's top they share
    no rare words worth a "related" suggestion on graded similarity alone (on BASIL dev
    that alone made 0.8 points of best matches come from other events)."""
    merged: list[tuple[int, float | None]] = list(by_terms)
    known = {cid for cid, _ in by_terms}
    merged += [(cid, 0.0) for cid, _ in by_meaning if cid not in known]
    return merged


#: Candidates a claim telling whether someone was charged, or counting the people one
#: harm struck, gets from a query on that alone and its names
#: (:func:`~factdesk.matching.contradictions.charge_query`,
#: :func:`~factdesk.matching.number_discrepancies.toll_query`), as many as from its
#: terms: those of other stories are dropped unrated as the others are (in the 75 BASIL
#: events' project, the shooting's "Six people ... were injured" is the 9th hit of
#: "striking four people"'s query; 17 of 5,134 claims ask one).
FOCUSED_CANDIDATES = CANDIDATES_PER_CLAIM


def _focused_query(claim: Claim) -> list[str]:
    terms = claim.lemmas.split()
    return charge_query(claim.text, terms) or toll_query(
        terms, (q.get("unit") for q in claim.quantities))


def _with_focused_candidates(index: CandidateIndex, claims: Sequence[Claim],
                             results: list[list[tuple[int, float]]], article_id: int,
                             ) -> list[list[tuple[int, float]]]:
    """``results`` with, for each claim on charges or a toll, the other articles' claims
    that share the charge or the harm's words and its names ("no formal charges have
    been filed yet" / "Sayoc has been charged with five federal crimes"; "striking four
    people" / "Six people ... were injured": not among each other's term candidates)."""
    asks = [(i, terms) for i, c in enumerate(claims) if (terms := _focused_query(c))]
    if not asks:
        return results
    more = index.query_many([terms for _, terms in asks], exclude_article=article_id,
                            k=FOCUSED_CANDIDATES)
    results = list(results)
    for (i, _), hits in zip(asks, more, strict=True):
        known = {cid for cid, _ in results[i]}
        # a term similarity of 0, as the semantic index's: the charge or the harm alone
        # is no shared vocabulary worth a "related" suggestion on graded similarity
        results[i] = [*results[i], *((cid, 0.0) for cid, _ in hits if cid not in known)]
    return results


def _prepare(project: Project, index: CandidateIndex, judge: PairJudge,
             context: ArticleContext, decided: DecidedPairs,
             article_id: int) -> _Prepared:
    claims = project.claims.for_article(article_id)
    judge.remember(claims)
    results = index.query_many([c.lemmas.split() for c in claims],
                               exclude_article=article_id, k=CANDIDATES_PER_CLAIM)
    results = _with_focused_candidates(index, claims, results, article_id)
    if judge.semantic is not None and claims:
        vectors = judge.vectors(claims)
        nearest = judge.semantic.query_many(vectors, exclude_article=article_id,
                                            k=SEMANTIC_CANDIDATES, floor=SEMANTIC_FLOOR)
        results = [merge_candidates(hits, near) for hits, near in
                   zip(results, nearest, strict=True)]
    decided_ids = {cid for c in claims for cid in decided.by_claim.get(c.id, ())}
    others = judge.claims(sorted({cid for hits in results for cid, _ in hits} | decided_ids))
    prepared = _Prepared(article_id, claims, [], [])
    same_story: dict[int, bool] = {}  # other article -> whether it covers this story
    for i, claim in enumerate(claims):
        # the checker's pairs, judged on their own (no retrieval, no story filter)
        for other_id in decided.by_claim.get(claim.id, ()):
            other = others.get(other_id)
            if other is None or other.article_id == article_id:
                continue
            prepared.pairs.append((claim, other, None))
            prepared.owners.append(i)
            prepared.decided.add(_key(claim, other))
    for i, (claim, hits) in enumerate(zip(claims, results, strict=True)):
        for other_id, term_similarity in hits:
            other = others.get(other_id)
            if other is None or other.article_id == article_id:
                continue
            if decided and decided.get(_key(claim, other)) is not None:
                continue  # judged above
            covers = same_story.get(other.article_id)
            if covers is None:
                covers = same_story[other.article_id] = context.same_story(
                    article_id, other.article_id)
            if not covers:
                continue  # a look-alike from an article about something else: not rated
            prepared.pairs.append((claim, other, term_similarity))
            prepared.owners.append(i)
    return prepared


def match_articles(
    project: Project,
    article_ids: Sequence[int] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    rate_async: RatePairs | None = None,
    failures: list[ArticleFailure] | None = None,
) -> int:
    """Match the claims of ``article_ids`` (default: all) against the whole project.

    An article whose matching fails, or a claim pair that cannot be compared, is added
    to ``failures`` (when given; always logged) and the run goes on with the next.

    Suggestions are kept only between articles about the same story
    (:mod:`factdesk.matching.article_context`).

    Articles are stored in order, up to :data:`STORE_ARTICLES` of them per transaction,
    each in its own savepoint (an article whose writing fails leaves the others written).
    With ``rate_async`` (worker processes), the pairs of the next
    :data:`LOOKAHEAD_ARTICLES` articles are rated in the background meanwhile. Returns
    how many suggestions were written (a pair found from both of its articles is written
    twice, the later write replacing the earlier).
    """
    with fewer_collections():
        return _match_articles(project, article_ids, progress, cancelled, rate_async,
                               failures if failures is not None else [])


def _failure(project: Project, article_id: int, error: str) -> ArticleFailure:
    article = project.articles.get(article_id)
    return ArticleFailure(article_id, article.title if article else "", error, "matching")


def _match_articles(project: Project, article_ids: Sequence[int] | None,
                    progress: ProgressCallback | None, cancelled: CancelCheck | None,
                    rate_async: RatePairs | None, failures: list[ArticleFailure]) -> int:
    index = INDEXES.get(project)
    judge = PairJudge(project, PairScorer.load(), rate_async, INDEXES.semantic(project))
    context = ArticleContext(project.claims.article_terms, index.idf, project.articles.published)
    ids = list(article_ids) if article_ids is not None else project.articles.ids()
    decided = DecidedPairs(project.matches.decided_pairs())
    lookahead = LOOKAHEAD_ARTICLES if rate_async is not None else 0
    queue: deque[_Prepared] = deque()
    found_this_run: dict[int, list[MatchDraft]] = {}  # by the claim not yet matched
    upcoming = iter(ids)
    writes = _Writes(project, failures)
    try:
        for done in range(1, len(ids) + 1):
            if cancelled is not None and cancelled():
                break
            while len(queue) <= lookahead:
                article_id = next(upcoming, None)
                if article_id is None:
                    break
                try:
                    queue.append(_prepare(project, index, judge, context, decided,
                                          article_id))
                    judge.request(queue[-1].pairs)
                except Exception as exc:  # one article never stops the run
                    log.warning("article %s not matched", article_id, exc_info=True)
                    failures.append(_failure(project, article_id, error_text(exc)))
                    if queue and queue[-1].article_id == article_id:
                        queue.pop()
            if not queue:
                continue
            item = queue.popleft()
            try:
                writes.add(item, _judge(judge, item, found_this_run))
            except Exception as exc:  # one article never stops the run
                log.warning("article %s not matched", item.article_id, exc_info=True)
                failures.append(_failure(project, item.article_id, error_text(exc)))
            for a, b, exc in judge.failed_pairs:
                failures.append(_failure(project, item.article_id,
                                         f"claims {a.id} and {b.id}: {error_text(exc)}"))
            judge.failed_pairs.clear()
            if progress:
                progress(done, len(ids), f"matching article {item.article_id}")
        writes.flush()
    finally:
        judge.cancel()
    return writes.stored


#: Articles whose suggestions are written in one transaction (each in a savepoint):
#: a project file's commit waits for the disk (60 BASIL articles: 60 commits took
#: 0.3-0.6 s of wall time on the shared machine, against 8 at this size).
STORE_ARTICLES = 8


class _Writes:
    """The judged articles' suggestions, written in order, :data:`STORE_ARTICLES` per
    transaction. An article's writes are: forget its claims' undecided suggestions,
    then save its drafts (a later article's may replace an earlier one's rows, so the
    order is kept)."""

    def __init__(self, project: Project, failures: list[ArticleFailure]) -> None:
        self.project = project
        self.failures = failures
        self.pending: list[tuple[_Prepared, _Judged]] = []
        self.stored = 0

    def add(self, item: _Prepared, judged: _Judged) -> None:
        self.pending.append((item, judged))
        if len(self.pending) >= STORE_ARTICLES:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        with self.project.transaction():
            for item, judged in pending:
                try:
                    with self.project.transaction():  # a savepoint: this article only
                        self.project.matches.remove_undecided_for_claims(
                            [c.id for c in item.claims])
                        self.stored += self.project.matches.save_suggestions(judged.drafts)
                        self.project.matches.mark_unrelated(judged.unrelated)
                except Exception as exc:  # one article never stops the run
                    log.warning("article %s not matched", item.article_id, exc_info=True)
                    self.failures.append(_failure(self.project, item.article_id,
                                                  error_text(exc)))


def _judge(judge: PairJudge, item: _Prepared, found_this_run: dict[int, list[MatchDraft]]
           ) -> _Judged:
    """Judge one article's candidate pairs: the suggestions to store for its claims.

    A pair found this run from its other article is kept (retrieval is not symmetric:
    this claim may rank it below its own candidates): ``found_this_run`` holds the new
    pairs by the claim whose article is still to come. The checker's decided pairs are
    always stored (outside each claim's :data:`MAX_MATCHES_PER_CLAIM`), or marked
    unrelated when the analysis no longer relates them."""
    per_claim: list[list[MatchDraft]] = [[] for _ in item.claims]
    decided: list[MatchDraft] = []
    unrelated: list[tuple[int, int, float]] = []
    results = judge.judge(item.pairs)
    failed = {_key(a, b) for a, b, _ in judge.failed_pairs}  # not judged: left as they are
    for (claim, other, _), owner, (score, relation, found) in zip(
            item.pairs, item.owners, results, strict=True):
        a, b = _key(claim, other)
        if (a, b) in item.decided:
            if (a, b) in failed:
                continue
            if relation is None:
                unrelated.append((a, b, score))
            else:
                decided.append(MatchDraft(a, b, score, relation, tuple(found)))
        elif relation is not None:
            per_claim[owner].append(MatchDraft(a, b, score, relation, tuple(found)))
    drafts: list[MatchDraft] = list(decided)
    for scored in per_claim:
        scored.sort(key=lambda d: d.score, reverse=True)
        drafts.extend(scored[:MAX_MATCHES_PER_CLAIM])
    mine = {c.id for c in item.claims}
    new = {(d.claim_a, d.claim_b) for d in drafts} | {(a, b) for a, b, _ in unrelated}
    carried = [d for c in item.claims for d in found_this_run.pop(c.id, ())
               if (d.claim_a, d.claim_b) not in new]
    for d in drafts:
        if (d.claim_a, d.claim_b) in item.decided:
            continue  # judged again from its other article
        for claim_id in (d.claim_a, d.claim_b):
            if claim_id not in mine:
                found_this_run.setdefault(claim_id, []).append(d)
    return _Judged(drafts + carried, unrelated)

"""Cross-source matching of a project's claims: retrieve, re-rank, explain, store.

For each claim of the given articles, candidates come from the in-memory term index
over every other article's claims (never an all-pairs scan), are re-ranked by the
learned pair model, and the ones above the "related" threshold are stored with their
relation (same fact, related, or conflicting = same fact with incompatible details)
and the discrepancies explained. The checker's decisions win: decided pairs are never
overwritten and a rejected pair is never suggested again.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from datetime import date

from factdesk.core.models import Article, Claim, MatchDraft
from factdesk.core.project import Project
from factdesk.matching.candidate_index import CandidateIndex
from factdesk.matching.discrepancies import ClaimFacts
from factdesk.matching.pair_features import PairInput, extract_numbers
from factdesk.matching.pair_model import PairScorer
from factdesk.matching.relations import decide

CANDIDATES_PER_CLAIM = 12
MAX_MATCHES_PER_CLAIM = 8
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]", re.UNICODE)

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]


class ProjectIndexCache:
    """One candidate index per project file, kept up to date incrementally."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._indexes: dict[str, tuple[CandidateIndex, set[int]]] = {}

    def get(self, project: Project) -> CandidateIndex:
        key = str(project.path.resolve())
        with self._lock:
            index, seen = self._indexes.get(key, (None, set()))
            if index is None:
                index = CandidateIndex()
                seen = set()
            # Only ids are read for every claim; terms only for claims the index lacks.
            live = project.claims.live_ids()
            fresh = [(claim_id, article_id, lemmas.split()) for claim_id, article_id, lemmas
                     in project.claims.retrieval_terms(sorted(live - seen))]
            if fresh:
                index.add_many(fresh)
            for gone in seen - live:
                index.remove(gone)
            self._indexes[key] = (index, live)
            return index


INDEXES = ProjectIndexCache()


def pair_input(claim: Claim) -> PairInput:
    """The pair model's view of a stored claim (no re-parsing needed)."""
    terms = claim.lemmas.split()
    lemmas = tuple(t for t in terms if ":" not in t)
    tokens = tuple(w.lower() for w in _WORD.findall(claim.text))
    entities = tuple(t[4:].replace("_", " ") for t in terms if t.startswith("ent:"))
    numbers = tuple(float(q["value"]) for q in claim.quantities
                    if q.get("value") is not None) or extract_numbers(tokens)
    return PairInput(text=claim.text, lemmas=lemmas, tokens=tokens, entities=entities,
                     numbers=numbers, speaker=claim.speaker)


def _article_date(article: Article | None) -> date | None:
    try:
        return date.fromisoformat(article.published[:10]) if article and article.published \
            else None
    except ValueError:
        return None


def _needs_similarity(probability: float, scorer: PairScorer) -> bool:
    """Whether :func:`~factdesk.matching.relations.decide` reads the graded similarity."""
    return probability < scorer.same_threshold


def _decide(
    probability: float, similarity: float | None, facts_a: ClaimFacts, facts_b: ClaimFacts,
    scorer: PairScorer, term_similarity: float | None,
) -> tuple[float, str | None, list[dict]]:
    relation = decide(probability, 0.0 if similarity is None else similarity, facts_a, facts_b,
                      same_threshold=scorer.same_threshold,
                      related_threshold=scorer.related_threshold,
                      term_similarity=term_similarity)
    return relation.score, relation.relation, [d.as_dict() for d in relation.discrepancies]


def _facts(claim: Claim, article: Article | None) -> ClaimFacts:
    return ClaimFacts.from_claim(claim, _article_date(article), article.outlet if article
                                 else "")


def compare_claims(
    a: Claim, b: Claim, article_a: Article | None, article_b: Article | None,
    scorer: PairScorer | None = None, term_similarity: float | None = None,
) -> tuple[float, str | None, list[dict]]:
    """(score, relation or None when unrelated, discrepancies as dicts) for two claims.

    The decision is :func:`factdesk.matching.relations.decide`'s, from the pair model's
    calibrated probability, the graded STS similarity and the claims' facts.
    """
    scorer = scorer or PairScorer.load()
    pa, pb = pair_input(a), pair_input(b)
    probability = scorer.score(pa, pb)
    similarity = scorer.similarity(pa, pb) if _needs_similarity(probability, scorer) else None
    return _decide(probability, similarity, _facts(a, article_a), _facts(b, article_b),
                   scorer, term_similarity)


PairScoring = Callable[[list[tuple[PairInput, PairInput]]], list[float]]


class PairJudge:
    """Scores candidate pairs for one matching run, each unordered pair only once.

    The pair model is symmetric, and the two articles of a pair both query the index, so
    scores and graded similarities are cached by unordered claim pair (and always
    computed lower id first). Parsed claims, their pair-model inputs and facts are
    cached by claim id. ``score_many`` / ``similarity_many`` may be replaced (e.g. by a
    process pool's) to spread the model over several cores.
    """

    MAX_CACHED_CLAIMS = 50_000

    def __init__(
        self,
        project: Project,
        scorer: PairScorer,
        score_many: PairScoring | None = None,
        similarity_many: PairScoring | None = None,
    ) -> None:
        self.project = project
        self.scorer = scorer
        self.score_many = score_many or scorer.score_many
        self.similarity_many = similarity_many or scorer.similarity_many
        self._claims: dict[int, Claim] = {}
        self._inputs: dict[int, PairInput] = {}
        self._facts: dict[int, ClaimFacts] = {}
        self._articles: dict[int, Article | None] = {}
        self._scores: dict[tuple[int, int], float] = {}
        self._similarities: dict[tuple[int, int], float] = {}

    def claims(self, claim_ids: Sequence[int]) -> dict[int, Claim]:
        """Live claims by id (parsed once per run)."""
        if len(self._claims) > self.MAX_CACHED_CLAIMS:
            self._claims.clear()
            self._inputs.clear()
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
            found = self._inputs[claim.id] = pair_input(claim)
        return found

    def facts(self, claim: Claim) -> ClaimFacts:
        found = self._facts.get(claim.id)
        if found is None:
            if claim.article_id not in self._articles:
                self._articles[claim.article_id] = self.project.articles.get(claim.article_id)
            found = self._facts[claim.id] = _facts(claim, self._articles[claim.article_id])
        return found

    def _fill(self, cache: dict[tuple[int, int], float], pairs: Sequence[tuple[Claim, Claim]],
              compute: PairScoring) -> None:
        todo: dict[tuple[int, int], tuple[Claim, Claim]] = {}
        for a, b in pairs:
            lo, hi = (a, b) if a.id < b.id else (b, a)
            key = (lo.id, hi.id)
            if key not in cache and key not in todo:
                todo[key] = (lo, hi)
        if todo:
            values = compute([(self._input(lo), self._input(hi)) for lo, hi in todo.values()])
            cache.update(zip(todo, values, strict=True))

    def judge(
        self, pairs: Sequence[tuple[Claim, Claim, float | None]]
    ) -> list[tuple[float, str | None, list[dict]]]:
        """:func:`compare_claims` of each (claim, other, term similarity), batched."""
        scorer = self.scorer
        self._fill(self._scores, [(a, b) for a, b, _ in pairs], self.score_many)

        def key(a: Claim, b: Claim) -> tuple[int, int]:
            return (a.id, b.id) if a.id < b.id else (b.id, a.id)

        scores = [self._scores[key(a, b)] for a, b, _ in pairs]
        self._fill(self._similarities,
                   [(a, b) for (a, b, _), p in zip(pairs, scores, strict=True)
                    if _needs_similarity(p, scorer)], self.similarity_many)
        return [_decide(p, self._similarities.get(key(a, b)), self.facts(a), self.facts(b),
                        scorer, term)
                for (a, b, term), p in zip(pairs, scores, strict=True)]


def match_articles(
    project: Project,
    article_ids: Sequence[int] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    judge: PairJudge | None = None,
) -> int:
    """Match the claims of ``article_ids`` (default: all) against the whole project.

    Returns how many suggestions were written (a pair found from both of its articles
    is written twice, the later write replacing the earlier).
    """
    index = INDEXES.get(project)
    judge = judge or PairJudge(project, PairScorer.load())
    ids = list(article_ids) if article_ids is not None else project.articles.ids()
    decided = project.matches.decided_pairs()
    stored = 0
    for done, article_id in enumerate(ids, 1):
        if cancelled is not None and cancelled():
            break
        claims = project.claims.for_article(article_id)
        judge.remember(claims)
        results = index.query_many([c.lemmas.split() for c in claims],
                                   exclude_article=article_id, k=CANDIDATES_PER_CLAIM)
        others = judge.claims(sorted({cid for hits in results for cid, _ in hits}))
        pairs: list[tuple[Claim, Claim, float | None]] = []
        owners: list[int] = []
        for i, (claim, hits) in enumerate(zip(claims, results, strict=True)):
            for other_id, term_similarity in hits:
                other = others.get(other_id)
                if other is None or other.article_id == article_id:
                    continue
                if decided.get((min(claim.id, other.id), max(claim.id, other.id))) \
                        == "rejected":
                    continue
                pairs.append((claim, other, term_similarity))
                owners.append(i)
        per_claim: list[list[MatchDraft]] = [[] for _ in claims]
        for (claim, other, _), owner, (score, relation, found) in zip(
                pairs, owners, judge.judge(pairs), strict=True):
            if relation is not None:
                a, b = sorted((claim.id, other.id))
                per_claim[owner].append(MatchDraft(a, b, score, relation, tuple(found)))
        drafts: list[MatchDraft] = []
        for scored in per_claim:
            scored.sort(key=lambda d: d.score, reverse=True)
            drafts.extend(scored[:MAX_MATCHES_PER_CLAIM])
        with project.transaction():
            project.matches.remove_undecided_for_claims([c.id for c in claims])
            stored += project.matches.save_suggestions(drafts)
        if progress:
            progress(done, len(ids), f"matching article {article_id}")
    return stored

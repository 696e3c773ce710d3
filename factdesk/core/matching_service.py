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
from factdesk.matching.discrepancies import ClaimFacts, find_discrepancies, is_conflicting
from factdesk.matching.pair_features import PairInput, extract_numbers
from factdesk.matching.pair_model import PairScorer

CANDIDATES_PER_CLAIM = 12
RELATED_SIMILARITY = 0.45  # graded STS similarity (0-1) above which a pair is "related"
RELATED_TERM_SIMILARITY = 0.1  # ... if it also shares this much IDF-weighted vocabulary
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


def compare_claims(
    a: Claim, b: Claim, article_a: Article | None, article_b: Article | None,
    scorer: PairScorer | None = None, term_similarity: float | None = None,
) -> tuple[float, str | None, list[dict]]:
    """(score, relation or None when unrelated, discrepancies as dicts) for two claims.

    "Same fact" is the pair model's call (MRPC-trained, calibrated). Outlets often
    report one fact in quite different words, so a pair the model does not call the
    same is still "related" when the graded STS similarity is high and the two share
    enough rare terms (retrieval cosine); its score is then the graded similarity.
    """
    scorer = scorer or PairScorer.load()
    pa, pb = pair_input(a), pair_input(b)
    score = scorer.score(pa, pb)
    if score < scorer.related_threshold:
        similarity = scorer.similarity(pa, pb)
        if similarity < RELATED_SIMILARITY or (
            term_similarity is not None and term_similarity < RELATED_TERM_SIMILARITY
        ):
            return score, None, []
        score = max(score, similarity * scorer.related_threshold / RELATED_SIMILARITY * 0.99)
    facts_a = ClaimFacts.from_claim(a, _article_date(article_a), article_a.outlet if article_a
                                    else "")
    facts_b = ClaimFacts.from_claim(b, _article_date(article_b), article_b.outlet if article_b
                                    else "")
    found = find_discrepancies(facts_a, facts_b)
    relation = "same fact" if score >= scorer.same_threshold else "related"
    if relation == "same fact" and is_conflicting(found):
        relation = "conflicting"
    return score, relation, [d.as_dict() for d in found]


def match_articles(
    project: Project,
    article_ids: Sequence[int] | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Match the claims of ``article_ids`` (default: all) against the whole project."""
    index = INDEXES.get(project)
    scorer = PairScorer.load()
    ids = list(article_ids) if article_ids is not None else project.articles.ids()
    decided = project.matches.decided_pairs()
    articles: dict[int, Article | None] = {}

    def article(aid: int) -> Article | None:
        if aid not in articles:
            articles[aid] = project.articles.get(aid)
        return articles[aid]

    stored = 0
    for done, article_id in enumerate(ids, 1):
        if cancelled is not None and cancelled():
            break
        claims = project.claims.for_article(article_id)
        results = index.query_many([c.lemmas.split() for c in claims],
                                   exclude_article=article_id, k=CANDIDATES_PER_CLAIM)
        wanted = {cid for hits in results for cid, _ in hits}
        others = project.claims.get_many(sorted(wanted))
        drafts: list[MatchDraft] = []
        for claim, hits in zip(claims, results, strict=True):
            scored = []
            for other_id, term_similarity in hits:
                other = others.get(other_id)
                if other is None or other.article_id == article_id:
                    continue
                pair = tuple(sorted((claim.id, other.id)))
                if decided.get(pair) == "rejected":
                    continue
                score, relation, found = compare_claims(
                    claim, other, article(article_id), article(other.article_id), scorer,
                    term_similarity)
                if relation is not None:
                    scored.append(MatchDraft(pair[0], pair[1], score, relation, tuple(found)))
            scored.sort(key=lambda d: d.score, reverse=True)
            drafts.extend(scored[:MAX_MATCHES_PER_CLAIM])
        with project.transaction():
            project.matches.remove_undecided_for_claims([c.id for c in claims])
            stored += project.matches.save_suggestions(drafts)
        if progress:
            progress(done, len(ids), f"matching article {article_id}")
    return stored

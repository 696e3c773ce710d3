"""Running FactDesk's spaCy pipeline over articles and turning the result into drafts.

:class:`ClaimExtractor` builds the pipeline once (the base English model plus the
FactDesk components), runs ``nlp.pipe`` in batches (optionally in several processes),
and returns, per article, the claim drafts (offsets, context, kind, score, speaker,
quantities, times, entities, retrieval terms) and the entity mentions. Canonical entity
forms are assigned afterwards at project level, where every spelling is known.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from factdesk.model.anchoring import context_for as context
from factdesk.model.models import ClaimDraft, MentionDraft
from factdesk.model.settings import DEFAULT_CLAIM_THRESHOLD
from factdesk.model.triage import ArticleCut, shown_by_default
from factdesk.nlp.claim_kinds import check_worthiness
from factdesk.nlp.doc_view import DocView
from factdesk.nlp.headline_case import names_in_text, sentence_cased
from factdesk.nlp.model import resolve_model_name
from factdesk.nlp.name_folding import canonical_key, strip_possessive
from factdesk.nlp.person_names import first_reference_names, introduced_name
from factdesk.nlp.quantities import extract_quantities
from factdesk.nlp.references import titles_before
from factdesk.nlp.times import extract_times
from factdesk.nlp.worthiness import CANDIDATE_FLOOR, WorthinessScorer

if TYPE_CHECKING:
    from spacy.language import Language

MENTION_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT"})
_PERSON_LIKE = frozenset({"PERSON", "ORG", "NORP"})  # labels a person's surname gets
#: Articles per ``nlp.pipe`` batch. News articles parse faster in small batches than in
#: spaCy's default of 256 (``bench/nlp_throughput.py`` times both).
EXTRACTION_BATCH_SIZE = 16


@dataclass(frozen=True)
class ArticleAnalysis:
    """What the pipeline found in one article."""

    article_id: int
    claims: tuple[ClaimDraft, ...]
    mentions: tuple[MentionDraft, ...]
    sentences: int = 0  # how many sentences the article has (claims are some of them)


def retrieval_terms(span: Any, entity_keys: Iterable[str], numbers: Iterable[float]) -> str:
    """Space-separated terms for candidate retrieval: lemmas, entity and number keys."""
    terms = [
        t.lemma_.lower()
        for t in span
        if (t.is_alpha or t.like_num) and not t.is_stop and len(t.text) > 1
    ]
    terms += [f"ent:{k.replace(' ', '_')}" for k in entity_keys if k]
    terms += [f"num:{n:g}" for n in numbers]
    return " ".join(terms)


class ClaimExtractor:
    """Loads the pipeline lazily (thread-safe) and analyses articles."""

    def __init__(self, model: str | None = None, threshold: float | None = None) -> None:
        """``threshold``: the score from which a claim is shown by default; candidates are
        kept from :data:`CANDIDATE_FLOOR` (or from the threshold, when it is lower)."""
        self.model_name = resolve_model_name(model)
        self.threshold = DEFAULT_CLAIM_THRESHOLD if threshold is None else float(threshold)
        self._nlp: Language | None = None
        self._lock = threading.Lock()

    @property
    def nlp(self) -> Language:
        with self._lock:
            if self._nlp is None:
                self._nlp = build_pipeline(self.model_name,
                                           min(CANDIDATE_FLOOR, self.threshold))
            return self._nlp

    def analyse(
        self,
        articles: Iterable[tuple[int, str, date | None]],
        *,
        batch_size: int = EXTRACTION_BATCH_SIZE,
        n_process: int = 1,
    ) -> Iterator[ArticleAnalysis]:
        """(article id, text, date) in, one :class:`ArticleAnalysis` out per article."""
        items = ((text, (article_id, day, text)) for article_id, text, day in articles)
        batch: list[tuple[Any, ArticleAnalysis]] = []
        for doc, (article_id, day, text) in self.nlp.pipe(
            items, as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            batch.append((doc, analysis_from_doc(doc, article_id, day, text)))
            if len(batch) >= batch_size:
                yield from self._headlines_read(batch)
                batch = []
        yield from self._headlines_read(batch)

    def _headlines_read(self, batch: list[tuple[Any, ArticleAnalysis]]
                        ) -> Iterator[ArticleAnalysis]:
        """The analyses of ``batch`` with their title-case claims read in sentence case
        (:meth:`_headline_read`), the batch's recased texts parsed together (one short
        parse an article, each on its own, cost ~5 ms: 0.3 s on 60 articles)."""
        jobs = [(i, j, recased) for i, (doc, analysis) in enumerate(batch)
                for j, draft in enumerate(analysis.claims)
                if (recased := sentence_cased(doc, draft.start, draft.end, None,
                                              draft.text)) is not None]
        parses = self.nlp.pipe([recased for _, _, recased in jobs], disable=_NOT_FOR_NAMES)
        read = {(i, j): parsed for (i, j, _), parsed in zip(jobs, parses, strict=True)}
        for i, (_, analysis) in enumerate(batch):
            if any(key[0] == i for key in read):
                analysis = replace(analysis, claims=tuple(
                    _read_in_sentence_case(draft, read[(i, j)]) if (i, j) in read else draft
                    for j, draft in enumerate(analysis.claims)))
            yield analysis

    def _headline_read(self, doc: Any, draft: ClaimDraft, offset: int = 0,
                       names: frozenset[str] | None = None) -> ClaimDraft:
        """``draft`` with its entities and retrieval terms from a parse of its text in
        sentence case, when it is in title case (:mod:`factdesk.nlp.headline_case`):
        "Marijuana Law" is no person, "Sue" no part of "Oklahoma". ``offset``: where
        ``doc`` starts in the article; ``names``: the article's (None: ``doc``'s)."""
        recased = sentence_cased(doc, draft.start - offset, draft.end - offset, names)
        if recased is None:
            return draft
        return _read_in_sentence_case(draft, self.nlp(recased, disable=_NOT_FOR_NAMES))

    def analyse_span(self, text: str, start: int, end: int, day: date | None,
                     score: float, origin: str) -> ClaimDraft:
        """The draft of a claim marked by hand (or moved) at ``text[start:end]``.

        Only the paragraph around the span and the one before it are parsed (at most
        :data:`SPAN_CONTEXT` characters either side), which is enough for its sentence's
        kind and speaker (a span inside a quotation takes the quotation's speaker).
        The kind and speaker are those of the sentence the span overlaps most; the
        offsets, text and context are the span's own. ``score`` is kept for a claim the
        checker marked; a detected claim whose boundaries were moved is scored again, on
        its new words, as detection scores a sentence.
        """
        lo, hi = excerpt_bounds(text, start, end)
        doc = self.nlp(text[lo:hi])
        span = doc.char_span(start - lo, end - lo, alignment_mode="expand")
        if span is None or not len(span):
            raise ValueError("the span covers no words")
        best, overlap = None, 0
        for sentence in doc.spans.get("sentences", []):
            shared = min(sentence.end_char, span.end_char) - max(sentence.start_char,
                                                                  span.start_char)
            if shared > overlap:
                best, overlap = sentence, shared
        kind = best._.claim_kind if best is not None else "other"
        speaker = best._.speaker if best is not None else None
        if origin == "detected":
            score = check_worthiness(WorthinessScorer.load().score_one(text[start:end]))
        draft = claim_draft(span, DocView(doc), day, kind, score, speaker, origin, offset=lo)
        if (span.start_char, span.end_char) == (start - lo, end - lo):  # its own words
            body = text[:start] + "\n" + text[end:]  # the names the whole article writes
            draft = self._headline_read(doc, draft, offset=lo, names=names_in_text(body))
        prefix, suffix = context(text, start, end)
        return replace(draft, start=start, end=end, text=text[start:end], prefix=prefix,
                       suffix=suffix)

    def score_sentences(self, sentences: list[str]) -> list[dict[str, Any]]:
        """For ``factdesk score``: one result per input line (score, claim, kind)."""
        results = []
        for doc in self.nlp.pipe(sentences, batch_size=256):
            spans = list(doc.spans.get("sentences", []))
            if not spans:
                results.append({"score": 0.0, "claim": False, "kind": "other", "reason": "",
                                "speaker": None})
                continue
            best = max(spans, key=lambda s: s._.claim_score)
            results.append(
                {
                    "score": round(float(best._.claim_score), 4),
                    "claim": shown_by_default(best._.claim_score, 0, "detected",
                                              ArticleCut(self.threshold), claim_id=0),
                    "kind": best._.claim_kind,
                    "reason": best._.claim_reason,
                    "speaker": best._.speaker,
                }
            )
        return results


SPAN_CONTEXT = 1_500  # characters parsed either side of a hand-marked claim, at most


def excerpt_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph(s) around ``text[start:end]`` and the paragraph before them (it may
    introduce the quotation the span is in: "Zelenskiy had this to say:"), cut to
    :data:`SPAN_CONTEXT` either side (at a sentence end, ". ", where there is one within
    that reach)."""
    lo = text.rfind("\n\n", 0, start)
    if lo > 0:  # and the paragraph before, which may name the speaker of a quotation
        before = text.rfind("\n\n", 0, lo)
        lo = 0 if before < 0 else before + 2
    else:
        lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", end)
    hi = len(text) if hi < 0 else hi
    if start - lo > SPAN_CONTEXT:
        cut = start - SPAN_CONTEXT
        stop = text.find(". ", cut, start)
        lo = stop + 2 if stop >= 0 else cut
    if hi - end > SPAN_CONTEXT:
        cut = end + SPAN_CONTEXT
        stop = text.rfind(". ", end, cut)
        hi = stop + 1 if stop >= 0 else cut
    return lo, hi


def build_pipeline(model_name: str | None, floor: float = CANDIDATE_FLOOR) -> Language:
    """A private copy of the base pipeline with FactDesk's components added; sentences
    scoring at least ``floor`` are kept as claim candidates."""
    # imports spaCy (~2 s): only when a pipeline is built; importing registers the factories
    from factdesk.nlp.apostrophes import make_apostrophe_reader  # noqa: F401 (registers)
    from factdesk.nlp.pipeline_components import add_abbreviations

    nlp = importlib.import_module(resolve_model_name(model_name)).load()
    add_abbreviations(nlp)
    nlp.add_pipe("factdesk_apostrophes", first=True)  # "O’Neill" read as "O'Neill"
    nlp.add_pipe("factdesk_sentences", before="parser")
    nlp.add_pipe("factdesk_entities", after="ner")
    nlp.add_pipe("factdesk_claims", last=True, config={"floor": floor})
    return nlp


def analysis_from_doc(doc: Any, article_id: int, day: date | None,
                      text: str | None = None) -> ArticleAnalysis:
    """Claim and mention drafts from a processed ``Doc`` (of ``text``, when given)."""
    view = DocView(doc, text)  # doc.text and doc.ents are rebuilt on each access: read once
    mentions = []
    titled = []  # the mentions with the titles before them: "President" of "Trump"
    for e in view.ents:
        if e.label_ in MENTION_LABELS and (name := _clean_entity(view.span_text(e))):
            mentions.append(MentionDraft(e.start_char, e.end_char, name, e.label_, ""))
            titles = titles_before(e) if e.label_ == "PERSON" else []
            titled.append((" ".join([*titles, name]), e.label_))
    # "Mr. Trump" in an article that introduced "Donald Trump Jr." is the son;
    # "President Trump" is not
    introduced = first_reference_names(titled)
    # the spellings alias resolution may join to a person (a surname tagged as a place,
    # "Verderosa" GPE, it joins to no one)
    mentioned = {strip_possessive(m.text) for m in mentions if m.label in _PERSON_LIKE}
    claims = []
    for span in doc.spans.get("claims", []):
        ext = span._  # one accessor for the three attributes
        speaker = ext.speaker
        if speaker and introduced:
            # a surname the NER tagged nowhere here as a person may be has no canonical
            # form of its own
            speaker = introduced_name(speaker, introduced,
                                      strip_possessive(speaker) in mentioned)
        claims.append(claim_draft(span, view, day, ext.claim_kind, float(ext.claim_score),
                                  speaker, "detected"))
    return ArticleAnalysis(article_id, tuple(claims), tuple(mentions),
                           len(doc.spans.get("sentences", [])))


def claim_draft(span: Any, view: Any, day: date | None, kind: str, score: float,
                speaker: str | None, origin: str, offset: int = 0) -> ClaimDraft:
    """The draft of one claim span: its quantities, times, entities and retrieval terms.

    ``view`` is the document's :class:`~factdesk.nlp.doc_view.DocView`; ``offset`` is
    where the parsed document starts in the article (for a parsed excerpt).
    """
    quantities = extract_quantities(span, view=view)
    times = extract_times(span, day, view=view)
    entities = tuple(
        {"text": _clean_entity(view.span_text(e)), "label": e.label_, "canonical": ""}
        for e in view.ents_within(span.start, span.end)
        if e.label_ in MENTION_LABELS
    )
    prefix, suffix = context(view.text, span.start_char, span.end_char)
    numbers = [q.value for q in quantities if q.value is not None]
    return ClaimDraft(
        start=span.start_char + offset,
        end=span.end_char + offset,
        text=view.text[span.start_char:span.end_char],
        prefix=prefix,
        suffix=suffix,
        kind=kind,
        score=score,
        speaker=speaker,
        origin=origin,
        quantities=tuple(q.as_dict() for q in quantities),
        times=tuple(t.as_dict() for t in times),
        entities=entities,
        lemmas=retrieval_terms(span, [], numbers),
    )


#: Components a sentence-case reading of a headline does without: its names and terms
#: need no claim detection.
_NOT_FOR_NAMES = ["factdesk_claims"]


def _read_in_sentence_case(draft: ClaimDraft, parsed: Any) -> ClaimDraft:
    """``draft`` with the entities and retrieval terms of ``parsed``, the parse of its
    text in sentence case (:meth:`ClaimExtractor._headline_read`)."""
    numbers = [q["value"] for q in draft.quantities if q.get("value") is not None]
    entities = tuple(
        {"text": name, "label": e.label_, "canonical": ""} for e in parsed.ents
        if e.label_ in MENTION_LABELS and (name := _clean_entity(e.text))
        and any(c.isupper() for c in name))  # "marijuana" read as a place: no name
    return replace(draft, entities=entities, lemmas=retrieval_terms(parsed[:], [], numbers))


def _clean_entity(text: str) -> str:
    # an editor's brackets inside a quote ("[special prosecutor Robert] Mueller") are no
    # part of the name
    text = text.replace("[", "").replace("]", "")
    text = text.strip().strip("\u201c\u201d\"'")
    for suffix in ("\u2019s", "'s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip()


def _canonical_of(entity: dict[str, str], canonical: dict[str, str]) -> str:
    """An entity's canonical form: its spelling's; for a spelling no mention uses (a
    claim read by hand from an excerpt), the current form of its earlier canonical."""
    found = canonical.get(entity["text"])
    if found is None and entity.get("canonical"):
        found = canonical.get(entity["canonical"], entity["canonical"])
    return found or entity["text"]


def with_canonical_entities(draft: ClaimDraft, canonical: dict[str, str]) -> ClaimDraft:
    """A copy of ``draft`` whose entities carry canonical forms and retrieval keys."""
    entities = tuple({**e, "canonical": _canonical_of(e, canonical)} for e in draft.entities)
    keys = [canonical_key(e["canonical"]) for e in entities]
    base_terms = " ".join(t for t in draft.lemmas.split() if not t.startswith("ent:"))
    extra = " ".join(f"ent:{k.replace(' ', '_')}" for k in dict.fromkeys(keys) if k)
    speaker = canonical.get(draft.speaker, draft.speaker) if draft.speaker else None
    return replace(draft, entities=entities, speaker=speaker,
                   lemmas=f"{base_terms} {extra}".strip())

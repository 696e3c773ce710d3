"""FactDesk's spaCy pipeline components, registered with ``@Language.factory``.

- ``factdesk_sentences`` (before the parser): news-text sentence boundaries. A line
  break always ends a sentence (a headline or dateline is never fused to the first
  sentence); a lower-case word after an ellipsis does not start one.
- ``factdesk_claims`` (after NER): finds quotes and reported speech with their speakers
  (:mod:`factdesk.nlp.speakers`), classifies each sentence (:mod:`factdesk.nlp.claim_kinds`),
  scores its check-worthiness and puts the claims in ``doc.spans["claims"]`` with
  ``span._.claim_kind``, ``span._.claim_score``, ``span._.speaker``.

This module imports spaCy at module level, so only :mod:`factdesk.nlp.pipeline` imports
it, lazily, when the pipeline is first built.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from factdesk.nlp.claim_kinds import classify_sentences

for _name, _default in (("claim_kind", "other"), ("claim_score", 0.0), ("speaker", None),
                        ("is_quote", False)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


@Language.factory("factdesk_sentences")
def make_sentence_rules(nlp: Language, name: str) -> NewsSentenceRules:
    return NewsSentenceRules()


class NewsSentenceRules:
    """Presets sentence starts the parser then respects."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text_with_ws[len(prev.text):] or ("\n" in prev.text and
                                                              prev.is_space):
                if not token.is_space:
                    token.is_sent_start = True
            elif prev.text in ("…", "...") and token.is_lower and token.i > 1:
                token.is_sent_start = False
        return doc


@Language.factory(
    "factdesk_claims",
    default_config={"threshold": 0.36, "min_tokens": 4},
)
def make_claim_detector(
    nlp: Language, name: str, threshold: float, min_tokens: int
) -> ClaimDetector:
    return ClaimDetector(threshold=threshold, min_tokens=min_tokens)


class ClaimDetector:
    """Marks check-worthy sentences as claims with kind, score and speaker."""

    def __init__(self, threshold: float, min_tokens: int) -> None:
        self.threshold = threshold
        self.min_tokens = min_tokens
        self._scorer = None

    @property
    def scorer(self):  # noqa: ANN201 - WorthinessScorer, loaded on first use
        if self._scorer is None:
            from factdesk.nlp.worthiness import WorthinessScorer

            self._scorer = WorthinessScorer.load()
        return self._scorer

    def __call__(self, doc: Doc) -> Doc:
        sentences, claims = [], []
        for a in classify_sentences(doc, self.scorer):
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is None:
                continue
            span._.claim_kind = a.kind
            span._.claim_score = a.score
            span._.speaker = a.speaker
            span._.is_quote = a.is_quote
            sentences.append(span)
            if a.score >= self.threshold and a.n_tokens >= self.min_tokens:
                claims.append(span)
        doc.spans["sentences"] = sentences
        doc.spans["claims"] = claims
        return doc

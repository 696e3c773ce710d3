"""FactDesk's spaCy pipeline components, registered with ``@Language.factory``.

- ``factdesk_sentences`` (before the parser): news-text sentence boundaries. A line
  break always ends a sentence (a headline or dateline is never fused to the first
  sentence); so does the dash after a dateline or label opening a paragraph
  ("KANSAS CITY, Mo. — ", "UPDATE: "), which the parser would otherwise take for the
  subject; a lower-case word after an ellipsis does not start one, nor does a
  possessive or the word after it ("Izium’s mayor"), nor the word after a title
  abbreviation ("former Cong. John Smith", "Sen.", "Gov.", "Rep.") or after a state or
  country abbreviation followed by a name or a lower-case word ("Kansas City, Mo., police",
  "the U.S. Senate"). :func:`add_abbreviations` keeps those abbreviations one token.
- ``factdesk_entities`` (after NER): relabels a brand the NER took for a person ("a
  $43,000 Rolex watch") as a product, where the parse shows it is a thing
  (:mod:`factdesk.nlp.entity_fixes`).
- ``factdesk_claims`` (after NER): finds quotes and reported speech with their speakers
  (:mod:`factdesk.nlp.speakers`), classifies each sentence (:mod:`factdesk.nlp.claim_kinds`),
  scores its check-worthiness and puts the claim candidates (score at least the candidate
  floor, four words or more, not a lead-in ending in a colon nor a dateline) in
  ``doc.spans["claims"]`` with ``span._.claim_kind``, ``span._.claim_score``,
  ``span._.claim_reason`` and ``span._.speaker``. Whether a candidate is shown by default
  is decided later, against the project's threshold (:func:`factdesk.nlp.worthiness.is_shown`).

This module imports spaCy at module level, so only :mod:`factdesk.nlp.pipeline` imports
it, lazily, when the pipeline is first built.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token

from factdesk.nlp.claim_kinds import classify_sentences
from factdesk.nlp.entity_fixes import things_tagged_as_people
from factdesk.nlp.quote_tails import after_quoted_question
from factdesk.nlp.short_quotes import keep_short_quotations_whole
from factdesk.nlp.worthiness import CANDIDATE_FLOOR, WorthinessScorer

for _name, _default in (("claim_kind", "other"), ("claim_score", 0.0), ("speaker", None),
                        ("is_quote", False), ("claim_reason", "")):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


def add_abbreviations(nlp: Language) -> None:
    """Keep every title and place abbreviation one token ("Cong." would be "Cong" + ".")."""
    for abbreviation in TITLE_ABBREVIATIONS | PLACE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


@Language.factory("factdesk_sentences")
def make_sentence_rules(nlp: Language, name: str) -> NewsSentenceRules:
    return NewsSentenceRules()


#: Titles before a name: the word after them never starts a sentence.
TITLE_ABBREVIATIONS = frozenset(
    """Cong. Sen. Sens. Gov. Govs. Rep. Reps. Gen. Lt. Col. Sgt. Capt. Cmdr. Adm. Maj.
    Dr. Mr. Mrs. Ms. Prof. Rev. Gov.-elect Sen.-elect Atty. Supt. Insp. Amb. Pres.
    Hon.""".split())
#: Places abbreviated in news style: a sentence may end on them, but not before a name or
#: a lower-case word ("the U.S. Capitol", "Springfield, Mo., police").
PLACE_ABBREVIATIONS = frozenset(
    """U.S. U.K. U.N. E.U. D.C. N.Y. N.J. N.C. S.C. N.H. N.M. N.D. S.D. W.Va. R.I.
    Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md.
    Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. Okla. Ore. Pa. Tenn. Tex. Va. Vt.
    Wash. Wis. Wyo. St. Ft. Mt.""".split())
_NAME_TAGS = frozenset({"NNP", "NNPS"})

#: What ends a dateline: the dashes outlets print (em "—", en "–", HuffPost's horizontal
#: bar "―", the figure dash "‒", a doubled or single hyphen) and a label's colon.
_DASHES = frozenset({"—", "–", "―", "‒", "--", "-", ":"})
_POSSESSIVES = frozenset({"'s", "’s"})
_OPENING_QUOTES = frozenset({"“", '"', "‘", "«", "'"})
_CLOSING_QUOTES = frozenset({"”", '"', "’", "»", "'"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "…", "..."})
_DATELINE_TOKENS = 12


def dateline_end(doc: Doc, start: int) -> int | None:
    """Where the text after a dateline or label opening a paragraph at token ``start``
    begins ("KANSAS CITY, Mo. — ...", "WASHINGTON (Reuters) - ...", "UPDATE: ..."), or
    None. The opening is capital letters, abbreviations, numbers and brackets, up to a
    dash or colon, and starts with a word in capitals; or, as AP, Reuters and AFP also
    print it, a place in title case whose wire service in brackets stands right before
    the dash ("Denver (AP) – ", "Kharkiv, Ukraine (Reuters) - ")."""
    first = next((t for t in doc[start:start + 3] if t.is_alpha), None)
    if first is None or len(first.text) < 2 or not first.text[:1].isupper():
        return None
    for token in doc[start:start + _DATELINE_TOKENS]:
        if token.text in _DASHES:
            if not first.is_upper and not _wire_service_before(doc, token.i):
                return None  # "Obama - the senator - said": no dateline
            nxt = token.i + 1
            # "UN-backed": a hyphen inside a word; a dash may touch both words
            # ("WASHINGTON—Joining", as some outlets print it)
            spaced = token.text in ("-", ":")
            if nxt >= len(doc) or doc[nxt].is_space or (spaced and not token.whitespace_):
                return None
            if token.text == "-" and not doc[token.i - 1].whitespace_:
                return None
            # what follows starts a sentence: "— Leaders", "- The", ": “We"
            if doc[nxt].text[:1].isupper() or doc[nxt].text[:1] in "“\"‘'":
                return nxt
            if token.text != ":":
                return None  # "UPDATE: 7:19 p.m. -- The ...": the label goes on
        if token.is_space and "\n" in token.text:
            return None
        if not (token.is_upper or token.is_punct or token.like_num or token.is_space
                or token.text[:1].isupper() or any(c.isdigit() for c in token.text)
                or (token.text.endswith(".") and len(token.text) <= 5)):
            return None
    return None


def _wire_service_before(doc: Doc, i: int) -> bool:
    """Whether a wire service's name in brackets ends right before token ``i``: "(AP)",
    "(Reuters)", "(AFP)": one to three capitalised words."""
    if i < 3 or doc[i - 1].text != ")":
        return False
    opening = next((j for j in range(i - 2, max(i - 6, 0), -1) if doc[j].text == "("), None)
    inside = doc[opening + 1:i - 1] if opening is not None else []
    return 1 <= len(inside) <= 3 and all(t.is_alpha and t.text[:1].isupper() for t in inside)


#: Place abbreviations that modify the word after them ("U.S. Sen. Marco Rubio").
_COUNTRIES = frozenset({"U.S.", "U.K.", "U.N.", "E.U."})


def _ends_a_place(doc: Doc, prev: Token, token: Token) -> bool:
    """Whether ``prev``, a state abbreviation closing a "City, St." place ("Concord,
    Calif.", "Washington, D.C."), ends its sentence before ``token``: a capitalised word,
    no title abbreviation, with no comma between ("Kansas City, Mo., police" goes on).
    On BASIL dev every such place before a capitalised word ends its sentence."""
    return (prev.text in PLACE_ABBREVIATIONS and prev.text not in _COUNTRIES
            and prev.i >= 2 and doc[prev.i - 1].text == ","
            and doc[prev.i - 2].text[:1].isupper()
            and token.text[:1].isupper() and token.text not in TITLE_ABBREVIATIONS
            and bool(prev.whitespace_))


class NewsSentenceRules:
    """Presets sentence starts the parser then respects."""

    def __call__(self, doc: Doc) -> Doc:
        starts = [0]
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text_with_ws[len(prev.text):] or ("\n" in prev.text and
                                                              prev.is_space):
                if not token.is_space:
                    token.is_sent_start = True
                    starts.append(token.i)
            elif prev.text in ("…", "...") and token.is_lower and token.i > 1:
                token.is_sent_start = False
            elif (prev.text in _CLOSING_QUOTES and prev.i > 0
                  and doc[prev.i - 1].text in ("!", "?") and token.text[:1].islower()):
                # "Who are you!" the congressman demands.: a quoted exclamation or
                # question goes on in its sentence when what follows is lower-case
                token.is_sent_start = False
            elif after_quoted_question(doc, token.i):
                # '"Is this fair?" Smith asked.': the name and speech verb after a quoted
                # question or exclamation attribute it; they start no sentence
                token.is_sent_start = False
            elif (token.text in _CLOSING_QUOTES and not prev.whitespace_
                  and prev.text in _SENTENCE_ENDS):
                # ...wasted another week." at a paragraph's end: the closing mark ends
                # the quoted sentence; it is not a sentence of its own
                token.is_sent_start = False
            elif (token.text[:1].islower() and token.is_alpha and prev.i > 0
                  and (prev.text in _CLOSING_QUOTES or prev.text in (")", "]"))
                  and doc[prev.i - 1].text[-1:] in ".!?"):
                # '... public events." added Lauten', '(R-Wisc.) to task': a lower-case
                # word after a closed quotation or bracket goes on in its sentence
                token.is_sent_start = False
            elif prev.text in _OPENING_QUOTES and not prev.whitespace_ and prev.i == starts[-1]:
                # “We lost 30 tanks. …: the quotation mark opening a paragraph starts its
                # first sentence; it is not a sentence of its own
                token.is_sent_start = False
            elif _ends_a_place(doc, prev, token):
                # "... in Washington, D.C. Jackson's wife spent": a state closing a
                # "City, St." place ends its sentence before a capital
                token.is_sent_start = True
            elif prev.text in TITLE_ABBREVIATIONS or (
                    prev.text in PLACE_ABBREVIATIONS and (token.tag_ in _NAME_TAGS
                                                          or not token.text[:1].isupper())):
                token.is_sent_start = False
            elif (prev.text == ":" and prev.i > 0 and doc[prev.i - 1].text in ("!", "?")
                  and not doc[prev.i - 1].whitespace_):
                # "It's About the Money!: How You Can Get Out of Debt": a title's own
                # "!" or "?" before its subtitle's colon ends no sentence
                token.is_sent_start = False
                prev.is_sent_start = False
            elif token.lower_ in _POSSESSIVES and not prev.whitespace_ and prev.is_alpha:
                # "Izium’s mayor said": a possessive binds what stands on both sides of it
                token.is_sent_start = False
                if token.i + 1 < len(doc):
                    doc[token.i + 1].is_sent_start = False
        keep_short_quotations_whole(doc)  # “No. No he won’t. We’ll stop it.”: one reply
        for start in starts:  # a dateline is not part of the sentence it opens
            end = dateline_end(doc, start) if len(doc) else None
            if end is not None:
                doc[end].is_sent_start = True
        return doc


@Language.factory("factdesk_entities")
def make_entity_fixes(nlp: Language, name: str) -> EntityFixes:
    return EntityFixes()


class EntityFixes:
    """Relabels the PERSON entities the parse shows to be things."""

    def __call__(self, doc: Doc) -> Doc:
        things = {(e.start, e.end): label for e, label in things_tagged_as_people(doc)}
        if things:
            doc.ents = [Span(doc, e.start, e.end, label=things[(e.start, e.end)])
                        if (e.start, e.end) in things else e for e in doc.ents]
        return doc


@Language.factory(
    "factdesk_claims",
    default_config={"floor": CANDIDATE_FLOOR, "min_tokens": 4},
)
def make_claim_detector(
    nlp: Language, name: str, floor: float, min_tokens: int
) -> ClaimDetector:
    return ClaimDetector(floor=floor, min_tokens=min_tokens)


class ClaimDetector:
    """Marks claim candidates with kind, reason, score and speaker."""

    def __init__(self, floor: float, min_tokens: int) -> None:
        self.floor = floor
        self.min_tokens = min_tokens
        self._scorer = None

    @property
    def scorer(self):  # WorthinessScorer, loaded on first use
        if self._scorer is None:
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
            span._.claim_reason = a.reason
            sentences.append(span)
            if a.score >= self.floor and a.n_tokens >= self.min_tokens and \
                    not span.text.rstrip().endswith(":") and \
                    dateline_end(doc, span.start) != span.end:
                claims.append(span)
        doc.spans["sentences"] = sentences
        doc.spans["claims"] = claims
        return doc

"""Finding the quantities a claim states: value or range, qualifier and counted unit.

Numbers come from spaCy's CARDINAL/QUANTITY/MONEY/PERCENT entities, from duration-like
DATE entities ("nearly six months"), from ages ("Zelensky, 44,") and from stray
``like_num`` tokens; rules on top read the qualifier ("more than", "about", "nearly",
"hundreds of"), turn number words into values and find the counted noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from factdesk.nlp.doc_view import DocView
from factdesk.nlp.number_idioms import is_idiom

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

QUALIFIERS: tuple[str, ...] = ("exact", "lower_bound", "upper_bound", "approximate", "vague")

NUMERIC_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
TIME_LABELS = frozenset({"DATE", "TIME"})

_UNITS_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen").split()
SMALL_NUMBERS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_WORDS)} | {
    w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety"
                                    .split(), 2)}
SCALES: dict[str, float] = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "bn": 1e9, "m": 1e6, "k": 1e3,
}
# word -> (low, high) on its own; followed by a scale word it is multiplied.
PLURAL_SCALES: dict[str, tuple[float, float]] = {
    "tens": (20.0, 99.0), "dozens": (24.0, 99.0), "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0), "thousands": (2000.0, 9999.0),
    "millions": (2e6, 9_999_999.0), "billions": (2e9, 9_999_999_999.0),
}
VAGUE_WORDS: dict[str, tuple[float | None, float | None]] = {
    "several": (3.0, 9.0), "few": (2.0, 5.0), "couple": (2.0, 3.0), "handful": (2.0, 9.0),
    "many": (None, None), "numerous": (None, None), "countless": (None, None),
    "multiple": (2.0, None),
}
LOWER_BOUND = (
    "no fewer than", "no less than", "not less than", "not fewer than", "in excess of",
    "upwards of", "more than", "greater than", "at least", "well over", "just over",
    "over", "above", "exceeding", "beyond",
)
UPPER_BOUND = (
    "no more than", "not more than", "fewer than", "less than", "a maximum of",
    "as many as", "at most", "just under", "up to", "under", "below",
)
NEAR_UPPER = ("nearly", "almost", "just shy of", "just short of")
APPROXIMATE = (
    "more or less", "an estimated", "estimated", "approximately", "approx", "roughly",
    "around", "about", "close to", "circa", "some", "~", "an average of", "on average",
)
TRAILING = {
    "or more": "lower_bound", "plus": "lower_bound", "+": "lower_bound",
    "or so": "approximate", "or thereabouts": "approximate", "odd": "approximate",
    "or fewer": "upper_bound", "or less": "upper_bound",
}
_TIME_UNIT_WORDS = "second minute hour day week fortnight month year decade".split()
TIME_UNITS = frozenset([*_TIME_UNIT_WORDS, *(w + "s" for w in _TIME_UNIT_WORDS),
                        "century", "centuries"])
RELATIVE_TIME_WORDS = frozenset(
    "ago later earlier past last next recent this coming previous following".split())
RELATIVE_AFTER = frozenset({"ago", "after", "before", "later", "earlier", "since", "from"})
CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₴": "hryvnias",
            "₽": "roubles", "us$": "dollars"}
# counted nouns that name the same thing in casualty reporting, and abbreviations
UNIT_SYNONYMS: dict[str, str] = dict.fromkeys(
    ("people", "person", "body", "corpse", "civilian", "victim", "dead", "casualty",
     "resident", "individual"), "people") | {
    "km": "kilometer", "kilometre": "kilometer", "%": "percent", "per cent": "percent",
    "metre": "meter", "m": "meter", "kg": "kilogram", "serviceman": "soldier",
    "troop": "soldier", "servicemen": "soldier",
}
APPROX_MARGIN = 0.15
NEAR_MARGIN = 0.15
_NUMBER_TOKEN = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_NUMBER_SUFFIX = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn)$", re.IGNORECASE)
_AGE = re.compile(r"^(\d{1,3})-years?-old$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """One stated quantity; ``low``/``high`` bound the values the wording allows."""

    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None

    def as_dict(self) -> dict[str, Any]:
        """The fields by name, in order (``dataclasses.asdict``, without its deep copy
        of values that are all immutable)."""
        return {name: getattr(self, name) for name in _QUANTITY_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return cls(str(data["text"]), int(data["start"]), int(data["end"]),
                   _opt_float(data.get("value")), _opt_float(data.get("low")),
                   _opt_float(data.get("high")), str(data.get("qualifier", "exact")),
                   data.get("unit"))

    @property
    def unit_key(self) -> str | None:
        """The unit folded for comparison: singular, abbreviations and synonyms merged."""
        return unit_key(self.unit)

    def describe(self) -> str:
        """The quantity as a reader would say it, with its unit when not in the text."""
        if self.unit and self.unit.lower() not in self.text.lower():
            joiner = " of " if self.text.split()[-1].lower() in PLURAL_SCALES else " "
            return f"{self.text}{joiner}{self.unit}"
        return self.text


_QUANTITY_FIELDS = tuple(f.name for f in fields(Quantity))


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def unit_key(unit: str | None) -> str | None:
    """Fold a unit or counted noun to a comparable key ("bodies" -> "people")."""
    if not unit:
        return None
    word = unit.lower().strip()
    if word in UNIT_SYNONYMS:
        return UNIT_SYNONYMS[word]
    singular = _singular(word)
    return UNIT_SYNONYMS.get(singular, singular)


def _singular(word: str) -> str:
    irregular = {"people": "people", "men": "man", "women": "woman", "children": "child",
                 "servicemen": "serviceman", "centuries": "century", "feet": "foot"}
    if word in irregular:
        return irregular[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def parse_number(words: list[str]) -> float | None:
    """Value of a run of number words/digits ("1,200", "six", "a dozen", "2.5 million")."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        word = raw.lower().strip()
        if word in {"and", "-", "a", "an"}:
            if word in {"a", "an"}:
                current = current or 1.0
            continue
        for piece in word.split("-") if "-" in word and not word.startswith("-") else [word]:
            suffix = _NUMBER_SUFFIX.match(piece)
            if _NUMBER_TOKEN.match(piece):
                current += float(piece.replace(",", ""))
            elif suffix:
                current += float(suffix.group(1)) * SCALES[suffix.group(2).lower()]
            elif piece in SMALL_NUMBERS:
                current += SMALL_NUMBERS[piece]
            elif piece == "dozen":
                current = (current or 1.0) * 12
            elif piece == "hundred":
                current = (current or 1.0) * 100
            elif piece in SCALES and len(piece) > 2:
                total += (current or 1.0) * SCALES[piece]
                current = 0.0
            elif piece == "half":
                current += 0.5
            else:
                return None
            seen = True
    return total + current if seen else None


def _is_number_text(low: str) -> bool:
    """Is ``low`` (a token's lower-case form) a number word or digits?"""
    if low.isalpha():  # no digit, sign or hyphen: only the names of numbers can match
        return (low in SMALL_NUMBERS or low in SCALES and len(low) > 2
                or low in {"dozen", "half"})
    return bool(
        _NUMBER_TOKEN.match(low)
        or _NUMBER_SUFFIX.match(low)
        or low in SMALL_NUMBERS
        or low in SCALES and len(low) > 2
        or low in {"dozen", "half"}
        or all(part in SMALL_NUMBERS for part in low.split("-") if part) and "-" in low
    )


def _is_number_word(tok: Token) -> bool:
    return _is_number_text(tok.lower_)


def _is_vague_word(tok: Token) -> bool:
    return tok.lower_ in PLURAL_SCALES or tok.lower_ in VAGUE_WORDS


def _is_count_text(low: str) -> bool:
    """Is ``low`` a number word or a vague count ("hundreds", "several")? Only such
    tokens can start a quantity outside the entities (see :func:`_stray_ok`)."""
    return low in PLURAL_SCALES or low in VAGUE_WORDS or _is_number_text(low)


def _match_prefix(words: list[str], phrases: tuple[str, ...]) -> str | None:
    joined = " ".join(words)
    for phrase in phrases:
        if joined == phrase or joined.endswith(" " + phrase):
            return phrase
    return None


def _leading_qualifier(words: list[str]) -> tuple[str | None, int]:
    """(qualifier, number of words) of a qualifier phrase ending these words."""
    for phrases, name in ((LOWER_BOUND, "lower_bound"), (UPPER_BOUND, "upper_bound"),
                          (NEAR_UPPER, "near_upper"), (APPROXIMATE, "approximate")):
        phrase = _match_prefix(words, phrases)
        if phrase:
            return name, len(phrase.split())
    return None, 0


def _opening_qualifier(words: list[str]) -> int:
    """How many of ``words`` a qualifier phrase opening them takes ("as many as 500":
    3), when a number or vague count follows it; else 0."""
    longest = 0
    for phrases in (LOWER_BOUND, UPPER_BOUND, NEAR_UPPER, APPROXIMATE):
        for phrase in phrases:
            n = phrase.count(" ") + 1
            if n > longest and len(words) > n and " ".join(words[:n]) == phrase \
                    and _is_count_text(words[n]):
                longest = n
    return longest


class _Builder:
    """Turns one candidate token range into a :class:`Quantity`."""

    def __init__(self, doc: Doc, start: int, end: int) -> None:
        self.doc = doc
        self.start = start
        self.end = end

    def build(self) -> Quantity | None:
        doc = self.doc
        tokens = list(doc[self.start:self.end])
        # qualifier words inside the candidate, before the first number/vague token; a
        # qualifier that opens it is read whole, even with a vague word in it ("as many
        # as 1.5 million": the model's entity holds it, and "many" is no count there)
        opening = _opening_qualifier([t.lower_ for t in tokens])
        first_num = next((i for i, t in enumerate(tokens)
                          if i >= opening and (_is_number_word(t) or _is_vague_word(t)
                                               or t.text in CURRENCY)), None)
        if first_num is None:
            return None
        inner = [t.lower_ for t in tokens[:first_num]]
        qualifier, _ = _leading_qualifier(inner) if inner else (None, 0)
        start = self.start
        if qualifier is None:
            before = [t.lower_ for t in doc[max(0, self.start - 4):self.start]]
            qualifier, used = _leading_qualifier(before) if before else (None, 0)
            start = self.start - used
        end = self.end
        after = " ".join(t.lower_ for t in doc[self.end:self.end + 2])
        phrase = next((p for p in TRAILING if after == p or after.startswith(p + " ")), None)
        trailing = TRAILING[phrase] if phrase else None
        if phrase:
            end = self.end + len(phrase.split())
        body = tokens[first_num:]
        number_words: list[str] = []
        vague: tuple[float | None, float | None] | None = None
        unit_tokens: list[Token] = []
        currency: str | None = None
        range_values: list[float] = []
        for tok in body:
            low = tok.lower_
            if tok.text in CURRENCY or low in CURRENCY:
                currency = CURRENCY.get(tok.text, CURRENCY.get(low))
            elif low in PLURAL_SCALES and vague is None and not number_words:
                vague = PLURAL_SCALES[low]
            elif low in VAGUE_WORDS and vague is None and not number_words:
                vague = VAGUE_WORDS[low]
            elif vague is not None and low in SCALES and len(low) > 2:
                vague = _scale_range(vague, SCALES[low])
            elif vague is not None and low in PLURAL_SCALES:
                vague = _scale_range(vague, PLURAL_SCALES[low][0] / 2)
            elif _is_number_word(tok) or (low in {"a", "an"} and not number_words):
                number_words.append(tok.text)
            elif low in {"and", "to", "-", "–", "—"} and number_words:
                value = parse_number(number_words)
                if value is not None and low != "and" or _next_is_number(tok):
                    if value is not None:
                        range_values.append(value)
                    number_words = []
                else:
                    number_words.append(tok.text)
            elif low in {"of", "a", "an"}:
                continue
            elif tok.pos_ in {"NOUN", "PROPN", "SYM", "ADJ"} or low == "%":
                unit_tokens.append(tok)
        value = parse_number(number_words) if number_words else None
        if range_values and value is not None:
            range_values.append(value)
        if value is None and vague is None and not range_values:
            return None
        qual, val, lo, hi = _resolve(qualifier, trailing, value, vague, range_values)
        unit = self._unit(unit_tokens, currency)
        span_start = doc[start].idx
        span_end = doc[end - 1].idx + len(doc[end - 1].text)
        return Quantity(doc[start:end].text, span_start, span_end, val, lo, hi, qual, unit)

    def _unit(self, unit_tokens: list[Token], currency: str | None) -> str | None:
        if currency:
            return currency
        inner = [t for t in unit_tokens if t.pos_ in {"NOUN", "PROPN", "SYM"} or t.text == "%"]
        if inner:
            word = inner[-1].lower_
            return "percent" if word in {"%", "per", "cent"} else word
        return counted_noun(self.doc, self.start, self.end)


def _next_is_number(tok: Token) -> bool:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and _is_number_word(nxt)


def _scale_range(rng: tuple[float | None, float | None], scale: float) -> tuple[float | None,
                                                                                 float | None]:
    low, high = rng
    return (None if low is None else low * scale,
            None if high is None else (high + 1) * scale - 1)


def _resolve(
    qualifier: str | None,
    trailing: str | None,
    value: float | None,
    vague: tuple[float | None, float | None] | None,
    range_values: list[float],
) -> tuple[str, float | None, float | None, float | None]:
    """(qualifier, value, low, high) from the parsed pieces."""
    if range_values:
        return "approximate", None, min(range_values), max(range_values)
    if vague is not None:
        low, high = vague
        if value is not None and low is not None and high is not None:
            low, high = low * value, high * value
        if qualifier == "lower_bound":
            high = None
        return "vague", None, low, high
    assert value is not None
    qualifier = qualifier or trailing
    if qualifier == "lower_bound":
        return "lower_bound", value, value, None
    if qualifier == "upper_bound":
        return "upper_bound", value, None, value
    if qualifier == "near_upper":
        return "upper_bound", value, value * (1 - NEAR_MARGIN), value
    if qualifier == "approximate":
        margin = value * APPROX_MARGIN
        if value >= 1 and value == int(value):
            margin = max(margin, 1.0)
        return "approximate", value, value - margin, value + margin
    return "exact", value, value, value


def counted_noun(doc: Doc, start: int, end: int) -> str | None:
    """The noun a number counts: its head ("450 dead people"), or "of" + noun."""
    tokens = list(doc[start:end])
    numeric = [t for t in tokens if _is_number_word(t) or _is_vague_word(t)]
    if not numeric:
        return None
    for tok in numeric:
        head = tok.head
        if tok.dep_ in {"nummod", "quantmod", "amod", "compound"} and head.i >= end \
                and head.pos_ in {"NOUN", "PROPN"}:
            return head.lower_
    for tok in [*reversed(numeric), *tokens]:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is None or pobj.pos_ == "PRON":
                    continue
                return _possessed(doc, pobj) or pobj.lower_
    # no parse link: the next noun after a few adjectives ("six bodies")
    i = end
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
    while i < len(doc) and i < end + 4 and doc[i].pos_ in {"ADJ", "DET", "NUM"}:
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN":
        return _possessed(doc, doc[i]) or doc[i].lower_
    return None


def _possessed(doc: Doc, tok: Token) -> str | None:
    """For "civilians' bodies" given "civilians": "bodies"."""
    i = tok.i + 1
    if i < len(doc) and doc[i].text in {"'", "’", "'s", "’s"}:
        j = i + 1
        while j < len(doc) and doc[j].pos_ == "ADJ":
            j += 1
        if j < len(doc) and doc[j].pos_ == "NOUN":
            return doc[j].lower_
    return None


def _is_duration(ent: Span) -> bool:
    words = {t.lower_ for t in ent}
    if not words & TIME_UNITS or words & RELATIVE_TIME_WORDS:
        return False
    if not any(_is_number_word(t) or _is_vague_word(t) for t in ent):
        return False
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is None or nxt.lower_ not in RELATIVE_AFTER


def _age(ent: Span) -> Quantity | None:
    """"Zelensky, 44," or "a 44-year-old man" as an age in years."""
    doc = ent.doc
    text = ent.text
    match = _AGE.match(text.replace(" ", ""))
    if match:
        value = float(match.group(1))
    elif text.isdigit() and len(text) <= 3 and 0 < int(text) < 130:
        prev = doc[ent.start - 1] if ent.start > 0 else None
        before = doc[ent.start - 2] if ent.start > 1 else None
        if not (prev is not None and prev.text == "," and before is not None
                and (before.ent_type_ == "PERSON" or ent.root.dep_ == "appos")):
            return None
        value = float(text)
    else:
        return None
    return Quantity(text, ent.start_char, ent.end_char, value, value, value, "exact",
                    "years old")


#: Entity labels of a name: a number in one numbers something, it counts nothing
#: ("Amendment 64" LAW, "Route 66" FAC, "Flight 370" PRODUCT).
NAME_LABELS = frozenset({"LAW", "FAC", "PRODUCT", "ORG", "EVENT", "WORK_OF_ART", "GPE",
                         "LOC", "PERSON", "NORP"})


def names_something(tok: Token) -> bool:
    """Whether a number token is part of a name, not a figure: inside a name entity, or
    in digits right after the capitalised noun it numbers ("Amendment 64", "Route 66",
    "Flight 370", "Chapter 11", "Title 9"; not "Some 500 people", whose number counts the
    noun after it)."""
    if tok.ent_type_ in NAME_LABELS:
        return True
    head = tok.head
    return tok.text[:1].isdigit() and head.i == tok.i - 1 and head.is_title \
        and head.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"nummod", "appos", "compound",
                                                            "npadvmod"}


def _stray_ok(tok: Token) -> bool:
    """Is a like_num token outside entities a count (not a year, a date part, a pronoun)?"""
    low = tok.lower_
    if _is_vague_word(tok):
        if low == "many" and tok.dep_ not in {"amod", "nummod"}:
            return False
        if low in {"few", "couple", "handful"} and tok.dep_ not in {"amod", "nummod", "dobj",
                                                                     "nsubj", "pobj"}:
            return False
        return True
    if not _is_number_word(tok):
        return False
    if low == "one" or low in SMALL_NUMBERS:
        return tok.dep_ in {"nummod", "quantmod"}
    if re.fullmatch(r"\d{4}", low) and 1800 <= int(low) <= 2100:
        return tok.dep_ == "nummod" and tok.head.pos_ == "NOUN"
    return True


def extract_quantities(span: Span | Doc, *, view: DocView | None = None) -> list[Quantity]:
    """Every quantity stated in ``span`` (a Span or a Doc), in text order.

    ``view`` (of ``span``'s document) saves re-reading the document for each span.
    """
    doc: Doc = getattr(span, "doc", span)
    lo_tok = getattr(span, "start", 0)
    hi_tok = getattr(span, "end", len(doc))
    found: list[Quantity] = []
    covered: set[int] = set()
    if view is None or view.doc is not doc:
        view = DocView(doc)
    date_ranges = view.date_ranges

    def in_date(tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in date_ranges)

    for ent in view.ents_within(lo_tok, hi_tok):
        covered.update(range(ent.start, ent.end))
        quantity: Quantity | None = None
        if ent.label_ in NUMERIC_LABELS:
            if ent.label_ == "CARDINAL" and (_is_partitive_one(ent) or _idiom(ent)):
                continue
            if any(in_date(t) for t in ent):
                continue
            numbers = [t for t in ent if t.like_num]
            if numbers and all(names_something(t) for t in numbers):
                continue  # "Amendment 64" tagged CARDINAL "64": a name's number
            start, end = _extend_range(doc, ent.start, ent.end)
            covered.update(range(start, end))
            quantity = _Builder(doc, start, end).build()
        elif ent.label_ in TIME_LABELS:
            quantity = _age(ent)
            if quantity is None and _is_duration(ent):
                quantity = _Builder(doc, ent.start, ent.end).build()
        if quantity is not None:
            found.append(quantity)
    # Stray counts: only a number or vague word passes _stray_ok, so only those tokens
    # are looked at (found once per document), not every token of the span.
    next_free = lo_tok
    for i in view.tokens_where(_is_count_text, lo_tok, hi_tok):
        if i < next_free:
            continue  # inside the quantity just read
        tok = doc[i]
        if i in covered or tok.ent_type_ or in_date(tok) or not _stray_ok(tok) \
                or names_something(tok) or _token_idiom(doc, i):
            continue
        j = i + 1
        while j < hi_tok and j not in covered and (_is_number_word(doc[j]) or (
                doc[j].lower_ == "of" and j + 1 < hi_tok and doc[j + 1].lower_ in SCALES)):
            j += 1
        quantity = _Builder(doc, i, j).build()
        if quantity is not None:
            found.append(quantity)
        next_free = j
    found.sort(key=lambda q: q.start)
    return found


def _token_idiom(doc: Doc, i: int) -> bool:
    """Whether the number word at token ``i`` counts nothing ("zero in on", "at one
    point", "no one": :mod:`factdesk.nlp.number_idioms`)."""
    start = max(i - 1, 0)
    return is_idiom([t.text for t in doc[start:i + 3]], i - start)


def _idiom(ent: Span) -> bool:
    """A one-word number entity that counts nothing (spaCy tags "zero" of "zero in on"
    CARDINAL)."""
    return len(ent) == 1 and _token_idiom(ent.doc, ent.start)


def _is_partitive_one(ent: Span) -> bool:
    """"one of the largest cities" is not a count of one."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return ent.text.lower() == "one" and nxt is not None and nxt.lower_ == "of"


def _extend_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Join "between 400" + "and 450" (and "400 to 450") into one candidate."""
    if end + 1 < len(doc) and doc[end].lower_ in {"and", "to", "-", "–"} \
            and _is_number_word(doc[end + 1]):
        first = doc[start].lower_
        if first == "between" or doc[end].lower_ in {"to", "-", "–"}:
            stop = end + 2
            while stop < len(doc) and _is_number_word(doc[stop]):
                stop += 1
            return start, stop
    return start, end

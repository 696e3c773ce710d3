"""Names compared in one spelling: which words of a claim are other spellings of a name.

The project merges the spellings of a name (``Zelenskyy``, ``Zelenskiy``, ``Zelensky``)
into one canonical form (:mod:`factdesk.nlp.aliases`); the pair model should see those
claims' words alike too. This module says which written words are *spellings* of their
canonical word (not a plural, a demonym or another name the merge took along) and
rewrites a text with them; :func:`factdesk.matching.pair_inputs.pair_input` applies it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rapidfuzz import fuzz

from factdesk.nlp.name_folding import strip_possessive

#: Endings by which a name's word and its canonical form's may differ without being
#: spellings of one word: plurals and demonyms ("Russian" / "Russians", "Clinton" /
#: "Clintons", "Arizona" / "Arizonan", "Ukraine" / "Ukrainian", "Israel" / "Israeli").
_OTHER_WORD_ENDINGS = frozenset({"s", "es", "n", "an", "ns", "ans", "i", "is", "ian", "ians",
                                 "ese", "ish", "ite", "ites", "ic"})
#: Similarity (rapidfuzz ratio, accents removed) from which two words are spellings of one
#: ("Zelenskiy" / "Zelensky" 94, "Izyum" / "Izium" 80; "Trump" / "John" is a merge of names,
#: not a spelling).
_SPELLING_SIMILARITY = 75.0
#: A word of a name: letters, joined by apostrophes or hyphens ("O'Brien", "Jean-Luc").
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower())
                   if not unicodedata.combining(c))


def _other_word(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` (or ``a`` less its last letter) with a plural or demonym
    ending: "russian" / "russians", "ukraine" / "ukrainian"."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    for stem in (short, short[:-1]):
        if stem and long.startswith(stem) and long[len(stem):] in _OTHER_WORD_ENDINGS:
            return True
    return False


def is_respelling(written: str, canonical: str) -> bool:
    """Whether two words are spellings of one ("Zelenskiy" / "Zelensky", "Pena" / "Peña"),
    not one word ("Kyiv's" / "Kyiv"), two words ("Russian" / "Russians", "Ukraine" /
    "Ukrainian") or two names ("Bill" / "William").

    Only the words of names the project has merged into one are asked, so two names one
    letter apart ("Iran" / "Iraq") are taken for spellings: keeping them apart is the
    merging's work (:mod:`factdesk.nlp.aliases`)."""
    written, canonical = strip_possessive(written), strip_possessive(canonical)
    if not (_NAME_WORD.fullmatch(written) and _NAME_WORD.fullmatch(canonical)):
        return False
    if written.lower() == canonical.lower():
        return False
    a, b = _unaccented(written), _unaccented(canonical)
    if a == b:
        return True  # accents only
    if _other_word(a, b):
        return False
    return fuzz.ratio(a, b) >= _SPELLING_SIMILARITY


def is_other_word_form(a: str, b: str) -> bool:
    """Whether two words are one word with and without a plural or demonym ending
    ("Republicans" / "Republican", "Ukraine" / "Ukrainian"), not two spellings of it."""
    a, b = _unaccented(strip_possessive(a)), _unaccented(strip_possessive(b))
    return a != b and _other_word(a, b)


def _word_spellings(text: str, canonical: str) -> Iterator[tuple[str, str]]:
    """(lower-cased written word, canonical word) of a name whose canonical form has as
    many words, for the words that are other spellings (:func:`is_respelling`)."""
    written, standard = text.split(), canonical.split()
    if len(written) == len(standard):
        yield from ((strip_possessive(w).lower(), strip_possessive(c))
                    for w, c in zip(written, standard, strict=True) if is_respelling(w, c))


def canonical_spellings(entities: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Lower-cased words of a claim's names (its entities: ``text``, ``canonical``)
    spelled otherwise than their canonical form, each with the canonical word as the
    canonical form writes it ("zelenskiy" -> "Zelensky", "izyum" -> "Izium").

    Only names whose canonical form has as many words are mapped, word for word: a
    surname merged with a full name ("Zelenskiy" / "Volodymyr Zelensky") is left as
    written."""
    spellings: dict[str, str] = {}
    for entity in entities:
        text, canonical = entity.get("text") or "", entity.get("canonical") or ""
        if canonical and text != canonical:
            spellings.update(_word_spellings(text, canonical))
    return spellings


#: Shortest word of a name that :func:`name_respellings` respells where the language
#: model did not see a name (shorter ones, "US", are also common words).
MIN_RESPELLED_WORD = 4


def name_respellings(respelled: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The project's spelling variants as words: (spelling, canonical form) pairs of its
    mentions to lower-cased written word -> canonical word, for words of letters only of
    at least :data:`MIN_RESPELLED_WORD` letters that have one canonical word."""
    words: dict[str, str | None] = {}
    for text, canonical in respelled:
        for written, standard in _word_spellings(text, canonical):
            if len(written) < MIN_RESPELLED_WORD or not written.isalpha():
                continue
            words[written] = standard if words.get(written, standard) == standard else None
    return {w: c for w, c in words.items() if c is not None}


def respelled(text: str, spellings: Mapping[str, str]) -> str:
    """``text`` with the words of ``spellings`` replaced (whole words, any case)."""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(spellings, key=len,
                                                                     reverse=True)))
                         + r")\b", re.IGNORECASE)
    return pattern.sub(lambda m: spellings.get(m.group(0).lower(), m.group(0)), text)


#: A word of letters, and where it starts.
_LETTERS = re.compile(r"[^\W\d_]+")


def names_known_elsewhere(text: str, respellings: Mapping[str, str],
                          exclude: Iterable[str] = ()) -> tuple[dict[str, str], str]:
    """The words of ``text`` that ``respellings`` (:func:`name_respellings`) knows as
    another spelling of a name, where they are written as a name: capitalised and not the
    text's first word ("Mark my words" is no name). Returns those words (lower-cased, with
    their canonical word) and the text with those occurrences, and only those, respelled.

    A word also written in lower case elsewhere in the text is respelled where it is
    capitalised only; the caller leaves its lemma alone."""
    skip = set(exclude)
    found: dict[str, str] = {}
    pieces: list[str] = []
    last = 0
    for match in _LETTERS.finditer(text):
        word = match.group(0)
        low = word.lower()
        if (match.start() == 0 or not word[0].isupper() or low in skip
                or low not in respellings):
            continue
        found[low] = respellings[low]
        pieces += [text[last:match.start()], respellings[low]]
        last = match.end()
    return found, "".join(pieces) + text[last:] if pieces else text

"""The pair model's view of a stored claim: its text with names in their canonical
spelling, lemmas, tokens, entities, numbers, people and places, and its sentence
vector, read from what extraction stored (no re-parsing)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from factdesk.matching.pair_features import PairInput, extract_numbers, frame_keys
from factdesk.matching.respelling import canonical_spellings, names_known_elsewhere, respelled
from factdesk.nlp.headline_case import recase, whole_title_case
from factdesk.nlp.person_identity import ArticlePeople, article_people

if TYPE_CHECKING:
    import numpy as np

    from factdesk.model.models import Claim

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=4096)  # one pattern per name; re's own cache is shared and small
def _written_word(word: str) -> re.Pattern[str]:
    """The word written as a word, in any case."""
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


def pair_input(claim: Claim, respellings: dict[str, str] | None = None,
               vector: np.ndarray | None = None, people: ArticlePeople | None = None
               ) -> PairInput:
    """The pair model's view of a stored claim (no re-parsing needed).

    Names are compared in their canonical spelling: two outlets' "Zelenskiy went to
    Izyum" and "Zelensky went to Izium" are the same words to the pair model, as they
    are to the retrieval index (whose entity keys are canonical). The claim's own names
    are respelled; so are the words that ``respellings`` (the project's variants,
    :func:`~factdesk.matching.respelling.name_respellings`) knows where they are written as names (capitalised, not
    first), for names the language model did not see as such in this sentence.
    ``vector`` is the claim's unit sentence vector (of its stored codes); ``people``:
    the people its article names (:class:`~factdesk.nlp.person_identity.ArticlePeople`),
    who tell who a surname alone is (the claim's own names stand for them if not
    given). A headline in title case is read in sentence case
    (:func:`~factdesk.nlp.headline_case.recase`), keeping the capitals of the words of
    its names: capitalised common nouns read as names to the model."""
    terms = claim.lemmas.split()
    lemmas = tuple(t for t in terms if ":" not in t)
    text = claim.text
    if whole_title_case(text.split()):  # as in sentence case: its names keep their capitals
        text = recase(text, (w for e in claim.entities
                             for w in _WORD.findall(str(e.get("text", "")))))
    spellings = canonical_spellings(claim.entities)
    if spellings:
        text = respelled(text, spellings)
    if respellings:
        known, text = names_known_elsewhere(text, respellings, exclude=spellings)
        # its lemma too, unless the word is still written as it was somewhere
        spellings.update((w, c) for w, c in known.items()
                         if not _written_word(w).search(text))
    if spellings:
        lemmas = tuple(spellings[t].lower() if t in spellings else t for t in lemmas)
    tokens = tuple(w.lower() for w in _WORD.findall(text))
    entities = tuple(t[4:].replace("_", " ") for t in terms if t.startswith("ent:"))
    numbers = tuple(float(q["value"]) for q in claim.quantities
                    if q.get("value") is not None) or extract_numbers(tokens)
    if people is None:
        people = article_people(tuple(
            (str(e.get("text", "")), str(e.get("canonical") or ""))
            for e in claim.entities if e.get("label") == "PERSON"))
    persons, places = frame_keys(
        ((str(e.get("canonical") or e.get("text", "")), str(e.get("label", "")),
          str(e.get("text", ""))) for e in claim.entities), people, claim.text)
    return PairInput(text=text, lemmas=lemmas, tokens=tokens, entities=entities,
                     numbers=numbers, speaker=claim.speaker, vector=vector,
                     persons=persons, places=places)

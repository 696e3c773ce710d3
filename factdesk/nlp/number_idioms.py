"""Number words that count nothing: idioms and pronouns ("zero in on", "one of the",
"at one point", "no one", "the same one", "second-guess", "on the one hand").

Read from the words alone (no parse), so that the quantities of a claim
(:mod:`factdesk.nlp.quantities`) and the values the pair model compares
(:mod:`factdesk.matching.number_values`) skip them alike: "the FBI was reaching out to
retailers to zero in on where the elements of the bombs were made" states no figure 0,
and "one of the two officers" counts two officers, not one.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Words after "zero" that make it a verb or a phrase, not a count ("zero in on the
#: source", "zero tolerance", "zero-sum").
_AFTER_ZERO = frozenset({"in", "tolerance", "sum"})
#: Words after "one" that make it a partitive, a reciprocal or a manner, not a count of
#: one: "one of the suspects", "one another", "one by one", "one-on-one", "one-sided",
#: "a one-time payment" (the hyphenated forms are split at their hyphens).
_AFTER_ONE = frozenset({"of", "another", "by", "on", "sided", "time", "off", "way"})
#: Words before "one" that make it a pronoun or part of a phrase: "no one", "the same
#: one", "this one", "each one", "at one point" (with :data:`_AT_ONE`), "number one".
_BEFORE_ONE = frozenset("""no any every each the this that which same another other
    new last first such someone number""".split())
#: Scale words after "one": "the one hundred senators" counts.
_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
#: "at one point", "at one time", "at one stage", "at one moment": once, not one.
_AT_ONE = frozenset({"point", "time", "stage", "moment"})
#: Ordinals and words read as a number elsewhere that begin a compound verb:
#: "second-guess", "second-guessing".
_GUESS = frozenset({"guess", "guessed", "guesses", "guessing"})


def _word(words: Sequence[str], index: int) -> str:
    """The word at ``index`` lower-cased, skipping a hyphen token ("one - on"), or ""."""
    if 0 <= index < len(words):
        return words[index].lower().replace("’", "'")
    return ""


def is_idiom(words: Sequence[str], index: int) -> bool:
    """Whether the number word at ``index`` of ``words`` (tokens of one sentence, hyphens
    as tokens of their own or not) is part of an idiom or a pronoun, not a quantity."""
    word = _word(words, index)
    step = 2 if _word(words, index + 1) == "-" else 1
    after = _word(words, index + step)
    back = 2 if _word(words, index - 1) == "-" else 1
    before = _word(words, index - back)
    if back == 2 and before == "on" and word == "one":
        return True  # the second "one" of "one-on-one"
    if word == "zero":
        return after in _AFTER_ZERO
    if word == "second":
        return after in _GUESS
    if word != "one" or after in _SCALES:
        return False
    if after in _AFTER_ONE or before in _BEFORE_ONE:
        return True
    if before == "at" and after in _AT_ONE:
        return True
    # "on the one hand" ("the" above covers it), "one day" is a day: left to the times
    return False

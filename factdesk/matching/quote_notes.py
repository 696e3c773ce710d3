"""How two outlets' quotations of one speaker are told apart (pure text, no models).

- A programme's or paper's name in quotation marks after a quote ("Sen. Rand Paul said on
  "Fox & Friends."", "he told “Meet the Press.”") is not the speaker's words
  (:func:`is_title_quote`).
- Quotations much alike are one quote worded differently; less alike, they may as well be
  two remarks made on two occasions as one told differently (:func:`wording_note`).
- A translation is offered as a reason only when neither sentence marks its speaker as an
  American politician (:func:`may_be_translated`): "translation" of Rand Paul's words
  told a checker nothing.
"""

from __future__ import annotations

import re

_TITLE_BEFORE = re.compile(r"\b(?:on|in|to|told|at|of)\s+(?:[A-Z][\w'’.&-]*\s+){0,3}$")
_TITLE_WORD = re.compile(r"^(?:[A-Z0-9&][\w'’.&:!?-]*|of|the|and|a|an|in|on|for|to|with)$")


def is_title_quote(text: str, match: re.Match[str]) -> bool:
    """Whether a quoted stretch is a title (a programme, a paper: "Fox & Friends", "Meet
    the Press") named after "on", "told", "in": a few capitalised words, not a remark."""
    words = match.group(1).strip(" .,!?").split()
    return (0 < len(words) <= 6 and all(_TITLE_WORD.match(w) for w in words)
            and _TITLE_BEFORE.search(text[: match.start()]) is not None)


#: A speaker of American politics ("Sen.", "Rep.", "R-Ky.", "D-Conn."): quoted in
#: English, never translated.
_ENGLISH_SPEAKER = re.compile(
    r"\b(?:Sen|Rep|Gov|Sens|Reps)\.\s|\b[RDI]-[A-Z][A-Za-z]{1,4}\.?(?=[,)\s])")


def may_be_translated(*texts: str) -> bool:
    """Whether a quote's two wordings may be two translations: not when a sentence marks
    its speaker as an American politician ("Sen. Rand Paul, R-Ky., said")."""
    return not any(_ENGLISH_SPEAKER.search(t) for t in texts)


#: Wording alike from which two quotations are told as one quote worded differently;
#: below it they may as well be two remarks (Rand Paul on "Fox & Friends" and to the
#: Capitol press: 47-51% alike).
ONE_QUOTE_MIN = 70.0


def wording_note(wa: str, wb: str, texts: tuple[str, str], speaker: str | None,
                 similarity: float) -> str:
    """The note on one speaker's words quoted differently by outlets ``wa`` and ``wb``
    in sentences ``texts``: one quote worded differently when much alike, else two
    remarks or one told differently; a translation only when it may be one."""
    translated = may_be_translated(*texts)
    if similarity >= ONE_QUOTE_MIN:
        how = "another translation, or edited" if translated else "edited or misquoted"
        by = f" by {speaker}" if speaker else ""
        return (f"{wa} and {wb} render the quote{by} differently ({similarity:.0f}% "
                f"similar) — the same quote is worded differently ({how}?).")
    one = ("one remark translated or paraphrased differently" if translated
           else "one remark paraphrased")
    return (f"{wa} and {wb} quote {speaker or 'the speaker'} in different words "
            f"({similarity:.0f}% alike in wording): two remarks, or {one}; check which "
            "words were said.")

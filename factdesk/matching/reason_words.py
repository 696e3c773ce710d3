"""The words of a one-line reason as a checker reads them, not as the matcher keeps them.

The event frames (:mod:`factdesk.matching.event_frames`) compare claims by lemmas and
canonical names; the reason shown with a suggestion must read as the claim is written:

* a shared word is shown as the claim writes it ("addressed", not "address"; "sat",
  not "sit"): :func:`surface_forms` aligns the claim's stored content lemmas (one per
  content token, in reading order) with the words of its text, an inflection of the
  lemma ("address" / "addressed") or, for an irregular form, the one unmatched word in
  the same gap that begins alike ("sit" / "sat", "misspeak" / "misspoke");
* a word that only describes ("suspicious", "eastern", "allegedly": an adjective or an
  adverb and never a noun or a verb, :func:`is_modifier`) or a time of day ("morning",
  :data:`TIME_NOUNS`) is not shown as what was done; a time of day is told with the
  shared day instead ("Friday morning");
* a figure both claims give of the same thing ("23 states" / "23 states and the
  District"; "a 60-day suspension" / "suspended for 60 days") is shown as ``a`` writes
  it, with its noun (:func:`shown_figures`): the detail a checker looks for first;
* days and months are capitalised; a name that another shown name contains ("New York"
  beside "New York City") is left out (:func:`without_contained`).

Display only: nothing here changes which matches are suggested, their relation or score.

``weights/modifier_words.txt.gz`` lists the 17,921 lower-case words that are an adjective
or an adverb and neither a noun nor a verb in WordNet, as spaCy's English lemmatizer
tables give them (``lemma_index`` of ``en_core_web_sm`` 3.8; WordNet licence, MIT
tables): ``adj | adv - noun - verb``, alphabetic words only.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources

from factdesk.matching.discrepancies import ClaimFacts, measure_of
from factdesk.nlp.name_folding import canonical_key

#: Times of day and spans of time: when, not what was done.
TIME_NOUNS = frozenset(
    "morning afternoon evening night midnight noon dawn dusk overnight weekend week "
    "month day hour minute second season decade century today tonight yesterday "
    "tomorrow".split())
_DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december".split())
#: Words of a person's title: written with a capital ("Attorney General", "Director of
#: National Intelligence") they are part of a name, not what was done.
TITLE_WORDS = frozenset(
    "attorney general secretary director majority minority leader whip speaker senator "
    "sen rep representative chairman chairwoman chair governor gov mayor president "
    "vice commissioner chief judge justice officer agent sheriff deputy minister "
    "state national intelligence".split())
_WORD = re.compile(r"[^\W_]+")

_YEAR = re.compile(r"^(?:19|20)\d\d$")
#: The pieces a hyphen joins before and after a word ("Opa-" "locka").
_JOINED_BEFORE = re.compile(r"(?:[^\W_]+[-\u2010\u2011])+$")
_JOINED_AFTER = re.compile(r"(?:[-\u2010\u2011][^\W_]+)+")


@cache
def _modifiers() -> frozenset[str]:
    path = resources.files("factdesk.matching") / "weights" / "modifier_words.txt.gz"
    return frozenset(gzip.decompress(path.read_bytes()).decode().split())


def is_modifier(lemma: str) -> bool:
    """Whether ``lemma`` only describes (an adjective or adverb, never a noun or verb)."""
    return lemma.casefold() in _modifiers()


def _inflections(lemma: str) -> set[str]:
    """The regular inflections of ``lemma`` (and the lemma)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", lemma + "ing",
             lemma + "n", lemma + "en"}
    if lemma.endswith("e"):
        forms |= {lemma[:-1] + "ing", lemma[:-2] + "ying" if lemma.endswith("ie") else ""}
    if lemma.endswith("y") and len(lemma) > 2:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _common_prefix(x: str, y: str) -> int:
    n = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        n += 1
    return n


def _align(lemmas: list[str], words: list[str]) -> dict[int, int]:
    """Lemma index -> word index: the longest in-order matching of lemmas to words
    that inflect them, then each lemma left over to the unmatched word of its gap
    that begins most alike (an irregular form)."""
    n, m = len(lemmas), len(words)
    folded = [w.casefold() for w in words]
    forms = [_inflections(lemma) for lemma in lemmas]
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + 1 if folded[j] in forms[i]
                           else max(table[i + 1][j], table[i][j + 1]))
    pairs: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        if folded[j] in forms[i] and table[i][j] == table[i + 1][j + 1] + 1:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    taken = set(pairs.values())
    gaps = {i: (max((pairs[k] for k in pairs if k < i), default=-1),
                min((pairs[k] for k in pairs if k > i), default=m))
            for i in range(n) if i not in pairs}
    for i, (before, after) in gaps.items():
        alone = sum(gap == (before, after) for gap in gaps.values()) == 1
        best, best_common = None, 0
        for j in range(before + 1, after):
            word = folded[j]
            if j in taken or len(word) < 2 or not word.isalpha():
                continue
            common = _common_prefix(lemmas[i], word)
            # "misspeak" / "misspoke"; one letter only for the one left in its gap and
            # of its shape ("sit" / "sat")
            if (common >= 2 or alone and common == 1 and word[-1] == lemmas[i][-1]
                    and abs(len(word) - len(lemmas[i])) <= 1) and common > best_common:
                best, best_common = j, common
        if best is not None:
            pairs[i] = best
            taken.add(best)
    return pairs


def surface_forms(facts: ClaimFacts) -> dict[str, tuple[str, int]]:
    """Lemma -> (the word the claim writes for it, its place in the text), read once per
    claim (kept on the instance, as :func:`~factdesk.matching.event_frames.event_frame`
    is). A lemma not found in the text is left out."""
    found = facts.__dict__.get("_surface_forms")
    if found is None:
        lemmas = list(facts.lemmas)
        spans = [(w.group(), w.start()) for w in _WORD.finditer(facts.text)]
        found = {}
        text = facts.text
        for i, j in _align(lemmas, [w for w, _ in spans]).items():
            word, start = spans[j]
            before = _JOINED_BEFORE.search(text[:start])
            after = _JOINED_AFTER.match(text[start + len(word):])
            if (before or after) and (before.group() if before else word)[:1].isupper():
                # the whole written name: "Opa-locka" (not "war-torn" for a shared "war")
                start -= len(before.group()) if before else 0
                word = (before.group() if before else "") + word + (
                    after.group() if after else "")
            if start == 0 and word[:1].isupper() and word[1:2].islower() \
                    and lemmas[i][:1].islower():
                word = word[:1].lower() + word[1:]  # a sentence's first word
            found.setdefault(lemmas[i], (word, start))
        facts.__dict__["_surface_forms"] = found
    return found


def shown_actions(shared: tuple[str, ...], a: ClaimFacts) -> list[str]:
    """The shared action lemmas as ``a`` writes them, in its reading order, without the
    words that only describe or say when."""
    forms = surface_forms(a)
    words: dict[str, int] = {}
    for lemma in shared:
        if is_modifier(lemma) or lemma in TIME_NOUNS:
            continue
        word, at = forms.get(lemma, (lemma, len(a.text)))
        if at > 0 and word[:1].isupper() and lemma in TITLE_WORDS:
            continue  # "Attorney General Eric Holder"
        words.setdefault(word, at)
    return sorted(words, key=lambda w: words[w])


def shown_when(shared: tuple[str, ...], a: ClaimFacts, b: ClaimFacts) -> list[str]:
    """The shared days, months and years as written ("Friday", "2008"), with a shared
    time of day that follows a day in ``a`` ("Friday morning"), in ``a``'s order."""
    forms = surface_forms(a)
    both = set(a.lemmas) & set(b.lemmas)
    times = both & TIME_NOUNS
    shown: dict[str, int] = {}
    for lemma in shared:
        word, at = forms.get(lemma, (lemma, len(a.text)))
        word = word.capitalize() if lemma in _DAYS_AND_MONTHS else word
        after = a.text[at + len(word):].split(None, 1) if at < len(a.text) else []
        if after and after[0].casefold().strip(".,;:") in times:
            word += " " + after[0].strip(".,;:")
        shown.setdefault(word, at)
    for lemma in sorted(both):
        if _YEAR.match(lemma):
            shown.setdefault(lemma, forms.get(lemma, ("", len(a.text)))[1])
    return sorted(shown, key=lambda w: shown[w])


#: Smallest figure written in words ("five") that is shown: small counts are in every
#: other sentence; a figure written in digits is shown whatever its size.
_FIGURE_WORDS_MIN = 10.0
#: The word after a figure that holds its unit, which is what it measures ("60-day"
#: "suspension").
_NEXT_WORD = re.compile(r"\s+([^\W\d_]{3,})\b")


def shown_figures(a: ClaimFacts, b: ClaimFacts) -> list[str]:
    """The exact figures both claims give of the same thing (the same value, measuring
    the same kind of thing of the same noun:
    :func:`~factdesk.matching.discrepancies.measure_of`), as ``a`` writes them with
    their noun ("23 states", "60-day suspension", "$60 million"), in ``a``'s order."""
    theirs = {(q.value, measure_of(b, q)) for q in b.quantities
              if q.qualifier == "exact" and q.value is not None}
    shown: dict[str, int] = {}
    for q in a.quantities:
        if q.qualifier != "exact" or q.value is None or not q.text \
                or (q.value, measure_of(a, q)) not in theirs:
            continue
        if q.value < _FIGURE_WORDS_MIN and not any(c.isdigit() for c in q.text):
            continue
        word, at = q.text, max(a.text.find(q.text), 0)
        if not word[:1].isalnum() or word.endswith("%"):
            pass  # "$60 million", "12%": the sign is the unit
        elif q.unit and q.unit.casefold() not in word.casefold():
            word = f"{word} {q.unit}"
        elif re.search(r"\d-[^\W\d_]+$", word) and (
                noun := _NEXT_WORD.match(a.text, at + len(q.text))):
            word = f"{word} {noun.group(1)}"  # "60-day suspension"
        shown.setdefault(word, at)
    return sorted(shown, key=lambda w: shown[w])


def without_contained(names: list[str]) -> list[str]:
    """``names`` without one whose words another name contains ("New York" beside "New
    York City"; "Clinton" beside "Hillary Clinton"), in order."""
    keys = [f" {canonical_key(n)} " for n in names]
    return [name for i, name in enumerate(names)
            if not any(i != k and keys[i] != other and keys[i] in other
                       for k, other in enumerate(keys))
            and keys[i] not in keys[:i]]

"""Which words of a claim are negated, denied or opposed, read from its words alone
(no parse is needed at matching time): "did not visit", "never served", "refused to
sign", "criticised the requirement", "plans shouldn't be required", and the words that
do not count ("not only", a contrast after a comma, a defining relative clause: "a
country that has not ratified").

Used by :mod:`factdesk.matching.contradictions` to find a claim and its denial across
two outlets.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

WORD_PATTERN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
#: Negators of a verb or adjective. "no" and "none" negate a noun's existence ("no
#: racism", "no tax"), which another claim mentioning the noun does not contradict.
NEGATORS = frozenset({"not", "never", "cannot"})
#: Words between a negator and what it negates ("has not yet been found"); an article
#: ends the search ("not a war of choosing" denies an identity, not an act).
_BETWEEN = frozenset("""be been being is are was were am have has had do does did will would
    shall should can could may might must yet ever even so really actually also still
    always officially formally directly personally""".split())
#: Words that deny what follows as well, though no negator: "failure to pass" says what
#: "don't pass" says (they keep a claim from contradicting a negation; they are not
#: flagged themselves). "non" is "non-" ("non-citizen parents": not citizens), split
#: from its word at the hyphen by :func:`words_of`.
_DENYING = frozenset("""failure fail fails failed failing refuse refuses refused refusing
    decline declines declined declining unable without lack lacks lacked no non""".split())
#: Words whose denial passes on to the verb after "to": "will not be allowed to
#: discriminate" denies discriminating as well. Only in the denials (two claims that both
#: deny it agree), not flagged: "did not want to visit" / "visited" may both be so.
_PASSES_ON = frozenset("""allowed permitted able going supposed""".split())
#: Words that oppose what follows: "criticised the requirement" takes the stance that
#: "plans shouldn't be required" states. They deny their object only against a negation
#: of what should be ("shouldn't", "must not"): "condemned the attack" tells that the
#: attack happened, so it still contradicts "did not attack". Not "question" or "doubt"
#: (a doubt about what is so, and "the question of" is mostly neutral), nor a bare
#: "fight" (in the news mostly combat: "fighting in Izium"; "fight against" is caught by
#: "against"); "object" only before "to" (else the noun). "rejected" and "opposed" are
#: also opposite directions (approved / rejected): that check reads only the denials.
_OPPOSING = frozenset("""criticise criticises criticised criticising criticize criticizes
    criticized criticizing criticism criticisms critic critics oppose opposes opposed
    opposing opposition opponent opponents objected objecting objection objections reject
    rejects rejected rejecting rejection condemn condemns condemned condemning
    condemnation denounce denounces denounced denouncing denunciation decry decries decried
    decrying deplore deplores deplored deploring protest protests protested protesting
    slam slams slammed slamming against""".split())
_OPPOSING_BEFORE_TO = frozenset({"object", "objects"})  # "objects to", not "an object to"
#: Words between an opposing word and its object ("criticism of a requirement",
#: "protested against the plan").
_OBJECT_LEAD = frozenset("""the a an of to against his her their its our this that these
    those such any""".split())
#: Modals that tell what should be, not what is ("plans shouldn't be required", "must not
#: be allowed", "should be required"): a negation of what should be contradicts only a
#: statement of what should be, and a negation of what is only a statement of what is
#: ("shouldn't be required" / "the law requires"; "I shouldn't have used" / "I used").
_NORMATIVE = frozenset({"should", "must", "ought", "shall", "need"})
_MODAL_REACH = 3  # at most this many words from the modal to the word ("should have been used")
#: After the negated word, these make "not … until/before" a time, not a denial ("did not
#: enter Izium until Saturday" says it entered on Saturday).
_TEMPORAL = frozenset({"until", "till", "before"})
#: Just after a negator, these make "not only … (but also)" add, not deny ("not only
#: criticized his conduct but also his use of email" says it criticized both).
_ADDITIVE = frozenset({"only", "just", "merely", "simply"})
_REACH = 4  # at most this many words from the negator to the negated word
FUNCTION_WORDS = frozenset("""the a an and or but of in on at to for from by with as that this
    these those it its his her their they he she we you i there here what which who whom
    whose when where why how said says say told tell""".split()) | _BETWEEN
def words_of(text: str) -> list[str]:
    return [w.replace("’", "'") for w in WORD_PATTERN.findall(text)]


def same_word(a: str, b: str) -> bool:
    """Forms of one word: "visit" / "visited", "die" / "died" (a shared stem, crudely)."""
    if a == b:
        return True
    shortest = min(len(a), len(b))
    if shortest < 3:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= min(4, shortest) and common >= shortest - 1


def _is_negator(word: str) -> bool:
    return word in NEGATORS or word.endswith("n't")


def opposes(low: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` opposes what follows ("criticised the plan")."""
    word = low[index]
    return word in _OPPOSING or (
        word in _OPPOSING_BEFORE_TO and low[index + 1:index + 2] == ["to"]
        and (index == 0 or low[index - 1] not in _OBJECT_LEAD))  # not "an object to throw"


def under_normative(low: Sequence[str], index: int) -> bool:
    """Whether the word at ``index`` tells what should be, not what is: a modal's
    negation ("shouldn't") or a word just after a modal ("should not", "should be
    required", "must not be allowed")."""
    if low[index].endswith("n't") and low[index][:-3] in _NORMATIVE:
        return True
    return any(low[k] in _NORMATIVE for k in range(max(index - _MODAL_REACH, 0), index))


def negated_words(words: Sequence[str], denying: bool = False,
                  contrasts: Collection[int] = ()) -> list[tuple[int, int]]:
    """(negator index, negated word index) of each negation in ``words`` (with
    ``denying``, also of each word that denies what follows, "failure to pass", or
    opposes it, "criticism of a requirement": tell them apart with :func:`opposes`).
    A negator in ``contrasts`` opens a contrast ("officials, not political advisers":
    :func:`contrast_negators`): it denies what follows only with ``denying``."""
    found = []
    low = [w.lower() for w in words]
    for i, word in enumerate(low):
        opposing = denying and opposes(low, i)
        if not (_is_negator(word) or (denying and word in _DENYING) or opposing):
            continue
        if i + 1 < len(low) and low[i + 1] in _ADDITIVE:
            continue  # "not only criticized"
        if i in contrasts and not denying:
            continue  # "X, not Y" sets one thing against another, denies no statement
        start = i + 1
        while start < len(low):
            j = _denied_after(words, low, start, denying, opposing)
            if j is None:
                break
            found.append((i, j))
            if not (denying and not opposing and low[j] in _PASSES_ON
                    and low[j + 1:j + 2] == ["to"]):
                break
            start = j + 2  # "not allowed to discriminate": discriminating is denied too
    return found


def _denied_after(words: Sequence[str], low: Sequence[str], start: int, denying: bool,
                  opposing: bool) -> int | None:
    """The index of the word a negator (or denying word) just before ``start`` denies,
    or None."""
    for j in range(start, min(start + _REACH, len(words))):
        # auxiliaries and adverbs stand between ("did not immediately respond")
        if low[j] in _BETWEEN or low[j].endswith("ly") or (denying and low[j] == "to"):
            continue
        if opposing and low[j] in _OBJECT_LEAD:
            continue  # "criticism of a requirement"
        # a name denies an identity ("not Obama's war"), not an act; "not … until
        # Saturday" dates the act
        if low[j] not in FUNCTION_WORDS and not _is_negator(low[j]) and (
                denying or not words[j][:1].isupper()) and (
                denying or not _TEMPORAL & set(low[j + 1:j + 7])):
            return j
        return None
    return None


#: Marks before a negator that make it open a contrast: "intelligence officials, not
#: political advisers" (also after a dash).
_CONTRAST_MARKS = frozenset(",—–")


def contrast_negators(text: str) -> frozenset[int]:
    """Indices (in :func:`words_of` order) of the "not" that follow a comma or a dash:
    "X, not Y" sets one thing against another ("intelligence officials, not political
    advisers, drove the debate"), it does not deny that Y is so."""
    found = []
    previous_end = 0
    for index, match in enumerate(WORD_PATTERN.finditer(text)):
        if match.group().lower() == "not" and _CONTRAST_MARKS & set(
                text[previous_end:match.start()]):
            found.append(index)
        previous_end = match.end()
    return frozenset(found)


#: Relative pronouns that open a clause describing the noun before them.
_RELATIVES = frozenset({"who", "which"})
#: How many words after its pronoun count as in a defining clause ("who do not hold").
_CLAUSE_REACH = 4


def defining_clause_words(text: str) -> frozenset[int]:
    """Indices (in :func:`words_of` order) of the first words of each defining relative
    clause: "parents who aren't citizens", "drivers who do not hold a licence". Such a
    clause says which people or things are meant, not what happened: its negation
    contradicts only another defining clause ("parents who are citizens"), never a
    statement of the event ("birthright citizenship"). A clause set off by a comma or a
    dash ("Zelensky, who did not visit Izium, said") states something, as a main clause
    does."""
    words = list(WORD_PATTERN.finditer(text))
    low = [m.group().lower() for m in words]
    found: set[int] = set()
    for k in range(1, len(words) - 1):
        # "parents who aren't": the pronoun follows its noun and is the clause's subject
        # (a verb, an auxiliary or a negator follows); "the event in which he said" and
        # "which he denied" tell of an event
        after = low[k + 1].replace("’", "'")
        if low[k] in _RELATIVES and low[k - 1] not in FUNCTION_WORDS and (
                after in _BETWEEN or _is_negator(after) or after not in FUNCTION_WORDS) and (
                not _CONTRAST_MARKS & set(text[words[k - 1].end():words[k].start()])):
            found.update(range(k + 1, min(k + 1 + _CLAUSE_REACH, len(words))))
    return frozenset(found)

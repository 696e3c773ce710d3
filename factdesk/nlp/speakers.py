"""Quotations and reported speech: where they are and who said them.

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here). Quotes
are found as paired quotation marks, possibly running over several sentences; the
speaker comes from the speech verb next to the quote (after it: "…,” Zelensky, 44, told
journalists"; inverted: "…,” said Prosecutor General Andriy Kostin"; before it:
"spokesman Sergii Nikiforov claimed …"), from "according to X", from a paragraph
introducing the quote ("Zelenskiy had this to say:"), and a pronoun subject is resolved
to the last named speaker of the paragraph when exactly one person has been named.

A speaker is a person, an organisation or a described source ("a statement from the
committee", "the president's budget director", "Ukrainian officials"); never a bare
common noun ("records", "the military", "his campaign") nor an initialism that names no
one ("A.G."). An office one person holds ("the attorney general") is a speaker, and a
speaker described by common nouns is kept in its natural case ("Prosecutors said" gives
"prosecutors").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SPEECH_VERBS = frozenset(
    """say tell claim report state add stress announce accuse deny insist warn confirm
    note explain write argue allege describe urge admit acknowledge assert declare
    reveal testify suggest estimate predict promise vow threaten tweet post recall
    ask reply respond comment summarize summarise concede contend maintain quip joke
    conclude observe remark counter retort""".split()
)
TITLE_WORDS = frozenset(
    """president prime minister secretary general prosecutor attorney governor mayor
    spokesman spokeswoman spokesperson senator rep representative chancellor king queen
    chief commander head director official officials minister's mr mrs ms dr sir
    lieutenant colonel captain sergeant gen col lt sgt deputy foreign defence defense
    state interior vice ambassador envoy leader chairman chairwoman""".split()
)
PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
#: Entity labels a subject of a speech verb can have without being a speaker.
NOT_SPEAKERS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                          "CARDINAL"})
_QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb"))


@dataclass(frozen=True)
class Quote:
    """A quotation: character span (inside the marks) and its attributed speaker."""

    start: int
    end: int
    speaker: str | None


@dataclass(frozen=True)
class Statement:
    """A speech verb with the speaker it was attributed to, in one sentence."""

    verb_index: int
    speaker: str | None
    is_person: bool


def find_quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text between paired quotation marks."""
    spans: list[tuple[int, int]] = []
    for open_mark, close_mark in _QUOTE_PAIRS:
        if open_mark == close_mark:
            pattern = re.compile(re.escape(open_mark) + r"([^" + open_mark + r"\n]{2,})"
                                 + re.escape(close_mark))
        else:
            pattern = re.compile(re.escape(open_mark) + r"([^" + close_mark + r"]{2,}?)"
                                 + re.escape(close_mark))
        for m in pattern.finditer(text):
            if not any(s <= m.start(1) < e for s, e in spans):
                spans.append((m.start(1), m.end(1)))
    # An opening mark with no close in its paragraph runs to the paragraph's end.
    for m in re.finditer("\u201c", text):
        start = m.end()
        if any(s <= start <= e for s, e in spans):
            continue
        para_end = text.find("\n\n", start)
        para_end = len(text) if para_end < 0 else para_end
        if "\u201d" not in text[start:para_end]:
            spans.append((start, para_end))
    return sorted(spans)


def _entity_of(token: Any) -> Any | None:
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _compound_chain(subject: Any) -> list[Any]:
    """The subject with the compound words before it, nested ones included: "The New
    Haven Register" is New -> Haven -> Register, "New" a compound of "Haven"."""
    chain = [subject]
    doc = subject.doc
    i = subject.i - 1
    while i >= 0 and doc[i].dep_ in ("compound", "flat") and doc[i].head in chain:
        chain.insert(0, doc[i])
        i -= 1
    return chain


def speaker_name(subject: Any) -> tuple[str | None, bool]:
    """The speaker a subject token names, and whether it is a person (None for a
    pronoun, resolved later; "" for a subject that cannot speak, such as a date)."""
    if subject.lower_ in PRONOUNS or subject.pos_ == "PRON":
        return None, False
    ent = _entity_of(subject)
    if ent is not None and ent.label_ in NOT_SPEAKERS:
        # "One of its members, Demetrios Minor, said": the apposition speaks; "on
        # February the 15th come in and say": a date says nothing
        named = _named_apposition(subject)
        return speaker_name(named) if named is not None else ("", False)
    chain = _compound_chain(subject)
    proper = [t for t in chain if t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS]
    if ent is not None and ent.label_ == "PERSON":
        words = [t for t in ent if t.lower_ not in TITLE_WORDS and t.pos_ == "PROPN"]
        name = " ".join(t.text for t in words) or ent.text
        if not plausible_person(name) or _bare_initialism(name):
            return "", False  # "A.G. said": an initialism the NER took for a person
        return _strip_possessive(name), True
    if proper and subject.pos_ == "PROPN":
        # Trailing run of proper nouns that are not titles: "Prosecutor General Andriy Kostin".
        run: list[Any] = []
        for t in reversed(chain):
            if t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS and (
                ent is None or ent.label_ in ("PERSON", "ORG", "GPE", "NORP")
            ):
                run.insert(0, t)
            else:
                break
        name = " ".join(t.text for t in run)
        if _bare_initialism(name):
            return "", False  # "A.G. said": an abbreviated title, no name
        is_person = ent is None or ent.label_ == "PERSON" or len(run) >= 2
        if ent is not None and ent.label_ in ("GPE", "NORP") and len(run) < 2:
            is_person = False
        return _strip_possessive(name), is_person
    # A common noun ("Prosecutors", "the military", "Ukrainian officials on site").
    named = _named_apposition(subject)
    if named is not None:
        return speaker_name(named)
    if _role(subject):
        # "the attorney general said": a person known by office, named elsewhere in the
        # article ("Attorney General Richard Blumenthal"); the report resolves it
        return noun_phrase(subject), False
    if not described_source(subject):
        return "", False  # "records show", "the military said", "his campaign said"
    return noun_phrase(subject), False


#: Heads of a role phrase: an office one person holds ("the attorney general", "the
#: governor", "the prime minister").
ROLE_HEADS = frozenset("""president general governor mayor minister secretary senator
    chancellor spokesman spokeswoman spokesperson ambassador commissioner sheriff
    prosecutor chairman chairwoman premier""".split())


def _role(head: Any) -> bool:
    """Whether a common-noun subject is an office held by one person: "the attorney
    general", "the prime minister", "the state's governor" (a determiner or an owner,
    then only title words): not "a spokesman", not "officials"."""
    if head.lower_ not in ROLE_HEADS or head.tag_ in ("NNS", "NNPS"):
        return False
    lefts = list(head.lefts)
    if not lefts or lefts[0].lower_ != "the":
        return False
    return all(t.lower_ in TITLE_WORDS or t.lower_ in ROLE_HEADS or t.lower_ == "attorney"
               for t in lefts[1:])


_NAMED_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON", "FAC", "LOC"})
#: Common nouns that are a source by what they are, though unnamed: a role in an
#: institution ("prosecutors", "police", "the governor") can be checked with it; bare
#: "officials" or "authorities" cannot.
SOURCE_NOUNS = frozenset(
    """prosecutor prosecutors police spokesman spokeswoman spokesperson governor mayor
    president minister ministry court judge coroner sheriff""".split())


#: Two-letter initialisms that do name a body.
KNOWN_INITIALISMS = frozenset({"U.N.", "U.S.", "E.U.", "U.K.", "UN", "US", "EU", "UK"})


def _bare_initialism(name: str) -> bool:
    """ "A.G.", "O.K.": two capitals with full stops that name no one ("F.B.I." does)."""
    letters = [c for c in name if c.isalpha()]
    return ("." in name and len(letters) <= 2 and all(c.isupper() for c in letters)
            and name not in KNOWN_INITIALISMS)


def described_source(head: Any) -> bool:
    """Whether a common-noun subject describes a source a checker can look up: it names
    a body or a place ("Ukrainian officials", "Wal-Mart's appeal"), has an owner that is
    not a pronoun ("the president's budget director"), says whose or which ("a statement
    from the committee", "an aide to the chairman"), or is a role that is a source by
    itself ("prosecutors", "police"). Not: "records", "the military", "his campaign"."""
    if head.lower_ in SOURCE_NOUNS or head.lemma_.lower() in SOURCE_NOUNS:
        return True
    for token in head.subtree:
        if token.i > head.i and token.dep_ != "prep" and token.head.i == head.i:
            continue  # a clause after the head ("records that ...") says nothing of it
        if token.ent_type_ in _NAMED_LABELS or (token.pos_ == "PROPN" and token.i != head.i):
            return True
    if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in head.children):
        return True
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children)
               for c in head.rights)


def _named_apposition(subject: Any) -> Any | None:
    """The proper noun standing in apposition to ``subject``, if any."""
    return next((t for t in subject.children if t.dep_ == "appos" and t.pos_ == "PROPN"),
                None)


PHRASE_TOKENS = 12  # a speaker described by common nouns: at most this many tokens
_LEADING_WORDS = frozenset({"advmod", "cc", "preconj", "mark", "punct"})


def noun_phrase(head: Any) -> str:
    """A common-noun speaker as written: the head with its left modifiers ("the
    president's budget director"), and the prepositional phrase right after it when the
    whole stays within :data:`PHRASE_TOKENS` ("a statement from the committee"), or else
    that phrase up to its object ("an aide to the committee chairman"). A leading adverb
    ("even"), clauses and later phrases are left out."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and (doc[start].dep_ in _LEADING_WORDS or doc[start].is_punct):
        start += 1
    start = max(start, head.i + 1 - PHRASE_TOKENS)
    end = head.i + 1
    node = head
    while True:  # "an aide to the committee chairman[, who spoke on condition ...]"
        prep = next((c for c in node.rights if c.dep_ == "prep" and c.i == end), None)
        if prep is None:
            break
        if prep.right_edge.i + 1 - start <= PHRASE_TOKENS:
            end = prep.right_edge.i + 1
            break
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects or objects[0].left_edge.i != prep.i + 1 or \
                objects[0].i + 1 - start > PHRASE_TOKENS:
            break
        node = objects[0]
        end = node.i + 1
    while end - 1 > head.i and doc[end - 1].is_punct:
        end -= 1
    return natural_case(doc[start:end])


def natural_case(phrase: Any) -> str:
    """A common-noun phrase as it reads mid-sentence: the capital a sentence's first word
    takes is dropped ("Prosecutors said" gives "prosecutors", "The Ukrainian official"
    "the Ukrainian official"); a proper noun, a named entity or an acronym keeps it."""
    first = phrase[0]
    text = phrase.text
    if (first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_
            and first.text[:1].isupper() and not first.text[1:].isupper()):
        return first.text[:1].lower() + text[1:]
    return text


def plausible_person(name: str) -> bool:
    """Whether a PERSON entity can be a speaker: not a lone initialism such as "O.K.",
    which the statistical NER sometimes tags as a person."""
    letters = [c for c in name if c.isalpha()]
    return len(name.split()) > 1 or any(c.islower() for c in letters) or len(letters) > 2


def _strip_possessive(name: str) -> str:
    return re.sub(r"[\u2019']s?$", "", name).strip()


def statements_in(sent: Any) -> list[Statement]:
    """Speech verbs of a sentence with their subjects' names (None for pronouns)."""
    found: list[Statement] = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in SPEECH_VERBS:
            continue
        if token.dep_ == "conj" and token.head.lemma_.lower() in SPEECH_VERBS:
            continue  # "has claimed ... and also claims": one statement
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and token.dep_ == "conj":
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        if not subjects:  # inverted, parsed as an attribute: "…,” summarized Senor.
            subjects = [c for c in token.rights if c.dep_ == "attr" and c.pos_ == "PROPN"
                        and c.left_edge.i == token.i + 1]
        if not subjects:
            continue
        subject = subjects[0]
        if subject.dep_ == "nsubjpass":
            continue
        name, is_person = speaker_name(subject)
        if name is None:
            found.append(Statement(token.i, None, True))  # a pronoun: resolved later
        elif sum(c.isalpha() for c in name) >= 2:  # not "E" of a split "E-mails"
            found.append(Statement(token.i, name, is_person))
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= len(token.doc):
            continue
        if _said_by_its_subject(token.head):
            continue  # "The A.G., according to the Times, said": the paper is the channel
        to = token.nbor(1)
        objects = [c for c in to.children if c.dep_ == "pobj"] if to.lower_ == "to" else []
        if not objects:
            continue
        name, is_person = speaker_name(objects[0])
        owners = [c for c in objects[0].children if c.dep_ == "poss"]
        if owners and not is_person:
            owner, owner_person = speaker_name(owners[0])
            if owner:
                name, is_person = f"{owner}'s {objects[0].text}", False
        if name:
            found.append(Statement(token.i, name, is_person))
    return found


def _said_by_its_subject(verb: Any) -> bool:
    """Whether ``verb`` is a speech verb with a subject of its own: then an "according
    to X" attached to it names where the report comes from, not who said it."""
    return (verb.lemma_.lower() in SPEECH_VERBS
            and any(c.dep_ == "nsubj" for c in verb.children))


class SpeakerTracker:
    """People named so far, per paragraph, for resolving "he said" where unambiguous."""

    def __init__(self) -> None:
        self.current: list[str] = []
        self.previous: list[str] = []

    def start_paragraph(self) -> None:
        if self.current:
            self.previous = self.current
        self.current = []

    def note(self, name: str | None, is_person: bool = True) -> None:
        if name and is_person:
            self.current.append(name)

    @staticmethod
    def _single(names: list[str]) -> str | None:
        surnames = {n.split()[-1].casefold() for n in names}
        if len(surnames) != 1:
            return None
        return max(names, key=len)  # the fullest form of the one person named

    def resolve_pronoun(self) -> str | None:
        """The one person named in this paragraph (or, if none, in the previous one)."""
        if self.current:
            return self._single(self.current)
        return self._single(self.previous) if self.previous else None


def best_statement(statements: list[Statement], tracker: SpeakerTracker) -> tuple[str | None, bool]:
    """The speaker of a sentence's statements: persons first, pronouns resolved."""
    for st in statements:
        if st.speaker and st.is_person:
            return st.speaker, True
    for st in statements:
        if st.speaker:
            return st.speaker, st.is_person
    if any(st.speaker is None for st in statements):
        resolved = tracker.resolve_pronoun()
        if resolved:
            return resolved, True
    return None, False

"""Quotations and reported speech: where they are and who said them.

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here). Quotes
are found as paired quotation marks, possibly running over several sentences
(:mod:`factdesk.nlp.quote_spans`); the speaker comes from the speech verb next to the
quote (after it: "…,” Zelensky, 44, told journalists"; inverted: "…,” said Prosecutor General Andriy Kostin"; before it:
"spokesman Sergii Nikiforov claimed …"), from "according to X", from a paragraph
introducing the quote ("Zelenskiy had this to say:"), and a "he" or "she" subject is
resolved to the one person named in its paragraph or the one before, of the pronoun's
gender where the article tells it (:mod:`factdesk.nlp.speaker_tracker`); "they" is no
one person.

The speaker is the one who states, never the one the statement is about: a speech verb
inside the quoted words is the quoted speaker's, not the sentence's; a verb coordinated
with another takes its subject only when the two are joined ("sought to clarify her
position and said"), not when the parser hung a clause of its own on it ("after a poll in
Wyoming said she supports ..."); and the main clause's speaker is the sentence's ("Though
Weiner said ..., the former official said ..." is not Weiner's).

A definite description that refers back ("the former congressman said", "the New Jersey
Republican said") is the person named before it that it fits, or the description
itself as a described source (:mod:`factdesk.nlp.references`).

A speaker is a person, an organisation or a described source ("a statement from the
committee", "the president's budget director", "Ukrainian officials"); never a bare
common noun ("records", "the military", "his campaign") nor an initialism that names no
one ("A.G."). Which common-noun phrases are sources, and how they read, is
:mod:`factdesk.nlp.source_phrases`; which token says a speech verb is
:mod:`factdesk.nlp.speech_subjects`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from factdesk.nlp.abbreviations import written_out
from factdesk.nlp.body_references import refers_to_body
from factdesk.nlp.name_folding import strip_possessive
from factdesk.nlp.quote_spans import find_quote_spans as find_quote_spans
from factdesk.nlp.references import name_after, refers_back
from factdesk.nlp.someone_references import (
    apposed_name,
    names_another,
    refers_to_someone,
    staff_of_named,
)
from factdesk.nlp.source_phrases import (
    TITLE_WORDS,
    described_source,
    is_role,
    noun_phrase,
)
from factdesk.nlp.speaker_names import (
    as_written,
    compound_chain,
    coordinated_bodies,
    name_after_title,
    name_word,
    named_body,
    owned_phrase,
    owner_pronoun,
    quoted_apart,
    unquoted_conjunct,
)
from factdesk.nlp.speaker_tracker import SpeakerTracker as SpeakerTracker
from factdesk.nlp.speaker_tracker import article_keys as article_keys
from factdesk.nlp.speaker_tracker import honorific_genders as honorific_genders
from factdesk.nlp.speaker_tracker import may_name_person, people_of, person_mentioned
from factdesk.nlp.speaker_tracker import never_honoured as never_honoured
from factdesk.nlp.speech_subjects import subject_of
from factdesk.nlp.speech_verbs import SPEECH_VERBS as SPEECH_VERBS
from factdesk.nlp.speech_verbs import said_by_its_subject, speech_verb

PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
#: Entity labels a subject of a speech verb can have without being a speaker.
NOT_SPEAKERS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                          "CARDINAL"})


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
    speaker: str | None  # None: a pronoun, resolved later; "": a subject that is no speaker
    is_person: bool
    main: bool = False  # the verb of the sentence's main clause
    pronoun: str = ""
    reference: Any = None  # "the former congressman": the head of a description, resolved later
    states: bool = True  # False: a reference back that says nothing, noted for "he" later
    owned: Any = None  # "the governor's office": the head whose owner is ``reference``
    owner_pronoun: str = ""  # "his office": "he", the owner resolved later
    fallback: str = ""  # the speaker when that owner is no one ("his lawyer")


def _entity_of(token: Any) -> Any | None:
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


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
    if (subject.pos_ == "NOUN" or subject.ent_type_ == "NORP") and \
            (named := name_after(subject)) is not None:
        # "The Democrat, Representative Adam B. Schiff of California, said"
        return person_name(named), True
    if subject.pos_ == "PROPN" and any(c.dep_ == "det" for c in subject.children) and \
            (named := _named_apposition(subject)) is not None and \
            named.ent_type_ == "PERSON":
        # "Another leading Dem, Sen. Kristen Gillibrand of New York, said": a name takes
        # no determiner, the one in apposition speaks
        return speaker_name(named)
    if may_name_person(subject) and not any(
            t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS for t in subject.lefts) and \
            (named := person_mentioned(subject, people_of(subject.doc))) is not None:
        # "Trump" tagged ORG, "Sanders" a common noun, after "Donald Trump", "Sarah
        # Sanders": the person the article named in full ("Rahm Emanuel" as ORG is
        # read whole below)
        return named, True
    if (both := coordinated_bodies(subject)) is not None:
        return both, False  # "CNN and NBC reported": not CNN alone
    if (whole := _coordinated_name(subject)) is not None:
        return whole, False  # "The Gay and Lesbian Alliance Against Defamation", not "Gay"
    if refers_back(subject):  # "the New Jersey Republican": a description, not a name
        return noun_phrase(subject), False
    chain = compound_chain(subject)
    proper = [t for t in chain if t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS]
    if ent is not None and ent.label_ == "PERSON":
        words = [t for t in _without_titles(list(ent)) if name_word(t)]
        name = as_written(words) or ent.text
        if not plausible_person(name) or _bare_initialism(name):
            return "", False  # "A.G. said": an initialism the NER took for a person
        return strip_possessive(name), True
    if subject.pos_ == "PROPN" and (named := name_after_title(subject)) is not None:
        return named, True  # "said House Minority Whip Steny Hoyer (D-Md.)"
    if (body := named_body(subject, ent)) is not None:
        return body, False  # "the Department of Justice said": not "Department"
    if proper and subject.pos_ == "PROPN":
        # Trailing run of proper nouns that are not titles: "Prosecutor General Andriy Kostin".
        run: list[Any] = []
        for t in reversed(chain):
            if t.pos_ == "PROPN" and (t.lower_ not in TITLE_WORDS or _is_surname(t, run)):
                run.insert(0, t)
            else:
                break
        if len(run) == 1 and ent is not None and ent.label_ == "NORP" and any(
                c.dep_ in ("det", "poss") for c in subject.children):
            # "the committee's senior Democrat said": a description, not a name
            return (noun_phrase(subject), False) if described_source(subject) else ("", False)
        name = as_written(run)
        if _bare_initialism(name):
            return "", False  # "A.G. said": an abbreviated title, no name
        is_person = ent is None or ent.label_ == "PERSON" or len(run) >= 2
        if ent is not None and ent.label_ in ("GPE", "NORP") and len(run) < 2:
            is_person = False
        return strip_possessive(name), is_person
    if _surname_mistagged(subject):
        return subject.text, True  # "Bruning, along with ..., argue": not "bruning"
    # A common noun ("Prosecutors", "the military", "Ukrainian officials on site").
    named = _named_apposition(subject)
    if named is not None:
        return speaker_name(named)
    if (staff := staff_of_named(subject)) is not None:
        return staff, False  # "a spokesman for the mayor, Bill de Blasio"
    if is_role(subject):
        # "the attorney general said": a person known by office, named elsewhere in the
        # article ("Attorney General Richard Blumenthal"); the report resolves it
        return noun_phrase(subject), False
    if not described_source(subject):
        return "", False  # "records show", "his campaign said"
    return noun_phrase(subject), False


_NAME_LINKS = frozenset({"and", "&", "of", "for", "against", "on", "the"})


def _coordinated_name(subject: Any) -> str | None:
    """The whole name of a body the parser split at its "and" ("The Gay and Lesbian
    Alliance Against Defamation": "Gay" the subject, "Alliance" its conjunct), when the
    subject's phrase is proper nouns and the words that link them; else None."""
    if subject.pos_ != "PROPN" or subject.ent_type_ == "PERSON" or \
            not any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in subject.children):
        return None
    words = [t for t in subject.subtree if not (t.dep_ == "det" and t.i < subject.i)]
    if any(t.pos_ != "PROPN" and t.lower_ not in _NAME_LINKS for t in words) or \
            len({t.ent_type_ for t in words}) > 1 or \
            any(t.ent_iob_ == "B" for t in words[1:]):
        return None  # "Smith and his aides", "Democrats and Republicans": two names
    return subject.doc[words[0].i:words[-1].i + 1].text


#: Two-letter initialisms that do name a body.
KNOWN_INITIALISMS = frozenset({"U.N.", "U.S.", "E.U.", "U.K.", "UN", "US", "EU", "UK"})


def _bare_initialism(name: str) -> bool:
    """ "A.G.", "O.K.": two capitals with full stops that name no one ("F.B.I." does)."""
    letters = [c for c in name if c.isalpha()]
    return ("." in name and len(letters) <= 2 and all(c.isupper() for c in letters)
            and name not in KNOWN_INITIALISMS)


def _named_apposition(subject: Any) -> Any | None:
    """The proper noun standing in apposition to ``subject``, if any; or the person named
    in apposition to the object of a prepositional phrase in it ("the mayor of Hoboken,
    Dawn Zimmer, said": the parser hangs the name on "Hoboken"; "a woman from the office
    of the senator, Jane Doe": :func:`~factdesk.nlp.someone_references.apposed_name`)."""
    direct = next((t for t in subject.children if t.dep_ == "appos" and t.pos_ == "PROPN"
                   and not names_another(t, subject)), None)
    return direct if direct is not None else apposed_name(subject)


def plausible_person(name: str) -> bool:
    """Whether a PERSON entity can be a speaker: not a lone initialism such as "O.K.",
    which the statistical NER sometimes tags as a person."""
    letters = [c for c in name if c.isalpha()]
    return len(name.split()) > 1 or any(c.islower() for c in letters) or len(letters) > 2


#: Subordinators of a clause that tells what happened before the sentence's claim or
#: why ("after", "when"): a speech verb there is background. Not "as" ("as the
#: president said" attributes), "while" / "although" ("While Fox said that he believes
#: ..., he is concerned": the speaker's own position, in two parts) nor "since" ("has
#: been excoriated ... ever since he claimed that his budget plan ...": the claim the
#: sentence is about).
_BACKGROUND_MARKS = frozenset({"after", "before", "when", "because", "until", "once"})
_QUOTE_MARKS = frozenset("“”\"«»")


def _background_saying(verb: Any) -> bool:
    """Whether ``verb`` says something in a clause of time or cause, without quoting
    it ("after Nebraska and Oklahoma asked the court"; not "after Trump's account
    tweeted Saturday: “I had to fire ...”", whose words the sentence carries)."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS
                                       for c in verb.children):
        return False
    doc = verb.doc  # the quotation may hang elsewhere in the parse: up to the sentence end
    return not any(ch in _QUOTE_MARKS for t in doc[verb.left_edge.i:verb.sent.end]
                   for ch in t.text)


def _antecedent(verb: Any, pronoun: Any) -> Any:
    """What the relative pronoun of ``verb``'s clause stands for: the noun the clause
    hangs on, but for "who" hung on a thing, the person named after its "of" ("drew
    the ire of Justice Antonin Scalia who said": Scalia, not "the ire of ...")."""
    head = verb.head
    if pronoun.lower_ == "who" and head.ent_type_ != "PERSON":
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ == "PERSON":
                        return obj
    return head


def statements_in(sent: Any, quotes: Sequence[tuple[int, int]] = ()) -> list[Statement]:
    """Speech verbs of a sentence with their subjects' names (None for pronouns, "" for
    the main clause's subject that is no speaker). A speech verb inside one of
    ``quotes`` (character spans) belongs to the quoted words, not to the sentence."""
    found: list[Statement] = []
    # only a quotation the sentence holds whole: a span running over several sentences
    # may be one mismatched mark long, and the speech verbs it covers the sentence's own
    held = [(s, e) for s, e in quotes if sent.start_char <= s and e <= sent.end_char]
    for token in sent:
        if not speech_verb(token):
            continue
        if token.dep_ == "conj" and speech_verb(token.head):
            continue  # "has claimed ... and also claims": one statement
        if any(start <= token.idx < end for start, end in held):
            continue  # "“While we won't comment ...,” Twitter's Adam Sharp wrote."
        if _background_saying(token):
            # "... promises to defend the law after Nebraska and Oklahoma asked the
            # Supreme Court to ...": what was said before is the background of the
            # sentence's own claim, not its attribution
            continue
        subject = subject_of(token)
        if subject is not None and quoted_apart(subject, token, quotes):
            # "“... should deeply concern every American,” Chairman Mark Meadows, R-N.C.,
            # said": the parser took the quoted words' last noun for the subject and hung
            # the name on it; the name outside the quotation speaks
            subject = unquoted_conjunct(subject, quotes)
        if subject is None or subject.dep_ == "nsubjpass":
            continue
        if token.dep_ in ("pcomp", "relcl") and subject.pos_ == "PRON" and \
                any(start <= token.idx < end for start, end in quotes):
            continue  # “... I disagree with what she said.”: the quoted speaker's words
        main = token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT")
        described = subject
        if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
            described = _antecedent(token, subject)  # "The congressman, who described ..."
        elif subject.lower_ in ("he", "she"):
            # "The representative ... he"; not the quoted words' subject
            described = _earlier_subject(subject, quotes) or subject
        if refers_back(described) or refers_to_body(described) or \
                refers_to_someone(described):
            found.append(Statement(token.i, None, True, main, reference=described))
            continue
        name, is_person = speaker_name(subject)
        if not is_person and (owner := _office_owner(subject)) is not None:
            # "the governor's office"; not "the president's personal attorneys Rudy
            # Giuliani and Jay Sekulow", who are named
            found.append(Statement(token.i, None, False, main, reference=owner,
                                   owned=subject))
            continue
        if not is_person and (pronoun := owner_pronoun(subject)):
            # "Before the surgery, Scalise was “in good spirits ...,” his office said"
            earlier = _earlier_person_subject(pronoun, quotes)
            phrase = noun_phrase(subject)
            if earlier:
                found.append(Statement(token.i, owned_phrase(earlier, phrase), False, main))
            else:
                found.append(Statement(token.i, None, False, main, owned=subject,
                                       owner_pronoun=pronoun.lower_, fallback=name or ""))
            continue
        if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
            # "Vanity Fair magazine, which estimated it as costing": the noun qualified;
            # "The congressman, who described": no source, so resolved as "he" is;
            # "a Russian lawyer who promised": someone new, no one to resolve
            head = _antecedent(token, subject)
            name, is_person = speaker_name(head)
            if not name:
                name = None if head.pos_ == "NOUN" and _definite(head) else ""
        elif name is None and subject.lower_ not in PRONOUNS:
            name = ""  # "Some on the right pushed back, describing ...": no one to resolve
        if name is None and (earlier := _earlier_person_subject(subject, quotes)) is not None:
            # "Nadler ... stopped short of calling on Mr. Trump to cancel, but he said"
            found.append(Statement(token.i, earlier, True, main))
        elif name is None:  # a pronoun: resolved later
            found.append(Statement(token.i, None, True, main, subject.lower_))
        elif sum(c.isalpha() for c in name) >= 2:  # not "E" of a split "E-mails"
            found.append(Statement(token.i, name, is_person, main))
        elif main:
            found.append(Statement(token.i, "", False, main))
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= len(token.doc):
            continue
        if said_by_its_subject(token.head):
            continue  # "The A.G., according to the Times, said": the paper is the channel
        to = token.nbor(1)
        objects = [c for c in to.children if c.dep_ == "pobj"] if to.lower_ == "to" else []
        if not objects:
            continue
        if refers_back(objects[0]):  # "according to the congressman"
            found.append(Statement(token.i, None, True, reference=objects[0]))
            continue
        name, is_person = speaker_name(objects[0])
        if not is_person and (owner := _office_owner(objects[0])) is not None:
            found.append(Statement(token.i, None, False, reference=owner, owned=objects[0]))
            continue
        owners = [c for c in objects[0].children if c.dep_ == "poss"]
        if owners and not is_person:
            owner, owner_person = speaker_name(owners[0])
            if owner:
                name, is_person = f"{owner}'s {objects[0].text}", False
        if name:
            found.append(Statement(token.i, name, is_person))
    held_verbs = {st.verb_index for st in found}
    for token in sent:
        # "the colorful and sometimes combative congressman ... was characteristically
        # sharp tongued. He insisted ...": whom the main clause's subject refers to, out
        # of quotations, is who "he" is
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" and \
                token.head.i not in held_verbs and refers_back(token) and \
                not any(s <= token.idx < e for s, e in quotes):
            found.append(Statement(token.head.i, None, True, reference=token, states=False))
    return found


def _quoted(token: Any, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether ``token`` is in one of ``quotes`` (character spans): the quoted words'."""
    return any(start <= token.idx < end for start, end in quotes)


def _earlier_person_subject(pronoun: Any, quotes: Sequence[tuple[int, int]] = ()
                            ) -> str | None:
    """For "he" or "she", the person named as the subject of an earlier clause of the
    same sentence, if one is; not a subject of the quoted words in ``quotes``
    ("“Jane Doe is wrong,” she said": not Jane Doe)."""
    if pronoun.lower_ not in ("he", "she"):
        return None
    sent = pronoun.sent
    for token in reversed(sent[: pronoun.i - sent.start]):
        # a passive clause's subject too: "Paul D. Ryan ... has been excoriated ... ever
        # since he claimed"; a surname tagged ORG of someone named in full too
        if token.dep_ in ("nsubj", "nsubjpass") and (token.ent_type_ == "PERSON" or (
                may_name_person(token) and person_mentioned(
                    token, people_of(token.doc)) is not None)) and \
                not _quoted(token, quotes):
            name, is_person = speaker_name(token)
            return name if name and is_person else None
    return None


def _earlier_subject(pronoun: Any, quotes: Sequence[tuple[int, int]] = ()) -> Any | None:
    """For "he" or "she", the subject of an earlier clause of the same sentence that
    refers back to someone ("The representative also posted a statement in which he
    apologized"), if the nearest earlier subject does and its clause holds the pronoun
    (not "“... what the president has said,” she concluded"). A subject of the quoted
    words in ``quotes`` is none: in "“The president,” she said, “is wrong”" the parser
    hangs "said" under the quotation's verb, but the president is who is spoken of."""
    sent = pronoun.sent
    for token in reversed(sent[: pronoun.i - sent.start]):
        if token.dep_ == "nsubj" and not _quoted(token, quotes):
            if refers_back(token) and token.head in pronoun.ancestors:
                return token
            return None
    return None


def _definite(noun: Any) -> bool:
    """ "the congressman", "Weiner's aide": someone the article has named already."""
    determiners = [c for c in noun.children if c.dep_ in ("det", "poss")]
    return all(d.lower_ not in ("a", "an", "some", "any", "another", "no") for d in determiners)


def person_name(ent: Any) -> str:
    """A PERSON entity's name without titles or a possessive ("Representative Bruce
    Braley" gives "Bruce Braley")."""
    return strip_possessive(as_written(_without_titles(list(ent))) or ent.text)


def _surname_mistagged(subject: Any) -> bool:
    """A capitalised subject the tagger took for another word ("Bruning" a verb) that is
    a word of a person the article names ("Nebraska Attorney General Jon Bruning")."""
    if subject.pos_ in ("NOUN", "PROPN", "PRON") or not subject.text[:1].isupper() or \
            subject.ent_type_:
        return False
    return any(t.text == subject.text for e in subject.doc.ents if e.label_ == "PERSON"
               for t in e)


_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def _is_surname(token: Any, after: list[Any]) -> bool:
    """Whether a title word of a name is its surname: the last word before a
    generational suffix ("King Jr.", "Martin Luther King Jr."), or the last word after
    a given name ("Billie Jean King")."""
    if after:
        return all(t.lower_ in _SUFFIXES for t in after)
    before = token.nbor(-1) if token.i > 0 else None
    return before is not None and before.pos_ == "PROPN" and \
        before.lower_ not in TITLE_WORDS and before.ent_iob_ in ("B", "I") and \
        token.ent_iob_ == "I"


def _without_titles(tokens: list[Any]) -> list[Any]:
    """A name's tokens without its titles ("Representative Bruce Braley"), keeping a
    title word that is the surname (:func:`_is_surname`: "Martin Luther King Jr.")."""
    return [t for n, t in enumerate(tokens)
            if t.lower_ not in TITLE_WORDS or _is_surname(t, tokens[n + 1:])]


def best_statement(statements: list[Statement], tracker: SpeakerTracker) -> tuple[str | None, bool]:
    """The speaker of a sentence's statements: the main clause's when it has one (no
    speaker when its subject is none), else persons first; references back and pronouns
    resolved. A reference back that states nothing ("the congressman hired a lawyer")
    notes its person as named in the paragraph."""
    statements = [_resolved(st, tracker) for st in statements]
    for st in statements:
        if not st.states and st.is_person:
            tracker.note(st.speaker)
    statements = [st for st in statements if st.states]
    main = [st for st in statements if st.main]
    if main and all(st.speaker == "" for st in main):
        # "The A.G. said he had misspoken ... in which he said": a pronoun after the main
        # verb, in what it reports, stands for its subject; a name before it does not
        # ("Though Weiner said ..., the former official said")
        statements = [st for st in statements if st.speaker is None
                      and st.verb_index > main[0].verb_index]
    elif main:
        statements = main
    for st in statements:
        if st.speaker and st.is_person:
            return st.speaker, True
    for st in statements:
        if st.speaker:
            return st.speaker, st.is_person
    pronoun = next((st for st in statements if st.speaker is None), None)
    if pronoun is not None:
        resolved = tracker.resolve_pronoun(pronoun.pronoun)
        if resolved:
            return resolved, True
    return None, False


def _office_owner(head: Any) -> Any | None:
    """The owner of a common-noun speaker that refers back to one person ("the
    governor" of "the governor's office", "the A.G." of "the A.G.'s spokesman"), or
    None."""
    if head.pos_ != "NOUN":
        return None
    return next((c for c in head.children if c.dep_ == "poss" and refers_back(c)), None)


def _owned_by(statement: Statement, tracker: SpeakerTracker) -> Statement:
    """A statement whose speaker is owned by a description referring back ("the
    governor's office"): owned by the person it stands for ("Jay Inslee's office"),
    else by the office written out ("the attorney general's office"); a described
    source either way."""
    owner, owned = statement.reference, statement.owned
    phrase = noun_phrase(owned)
    name, is_person = tracker.resolve_reference(owner)
    marker = owned.doc[owner.left_edge.i:owner.right_edge.i + 1].text  # "the governor's"
    if name and is_person and phrase.casefold().startswith(marker.casefold()):
        mark = owner.right_edge.text if owner.right_edge.dep_ == "case" else "'s"
        phrase = f"{name}{mark}{phrase[len(marker):]}"
    else:
        phrase = written_out(phrase, owner)
    return replace(statement, speaker=phrase, is_person=False, reference=None, owned=None)


def _resolved(statement: Statement, tracker: SpeakerTracker) -> Statement:
    """A statement whose speaker is a description referring back, with its speaker."""
    if statement.owner_pronoun:
        owner = tracker.resolve_pronoun(statement.owner_pronoun)
        if owner and ("'s " in owner or "’s " in owner):
            owner = None  # "Trump’s Cabinet", a phrase the NER took for a person
        phrase = owned_phrase(owner, noun_phrase(statement.owned)) if owner \
            else statement.fallback
        return replace(statement, speaker=phrase, is_person=False, owned=None,
                       owner_pronoun="")
    if statement.reference is None:
        return statement
    if statement.owned is not None:
        return _owned_by(statement, tracker)
    name, is_person = tracker.resolve_reference(statement.reference)
    return replace(statement, speaker=name, is_person=is_person, reference=None)

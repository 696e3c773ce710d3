"""Who made a claim, as a report publishes it: full name, person or organisation, job title.

A claim's speaker is stored as the words the reader used ("Zelenskiy", "Kostin",
"the military"). A published ClaimReview names the claimant properly, so
:func:`resolve_claimant` looks the speaker up in the project's entity table: the
article's mentions of it (by spelling or canonical form, or a surname that ends one of
the article's names), mapped through the user's aliases, give the canonical full name
and the entity label (a PERSON is a ``Person``; an organisation, a place speaking for its
government, a group is an ``Organization``). The job title comes from the article's own
words next to a mention of the name: a title before it ("Ukrainian Prosecutor General
Andriy Kostin", "spokesman Sergii Nikiforov") or an apposition after it ("Oleksandr
Filchakov, the head of the Kharkiv prosecutor's office, said"). A speaker found nowhere
in the entity table keeps its words, typed by :func:`speaker_type`.

A speaker written as an office ("the attorney general said") is the person the article
names with that title ("Attorney General Richard Blumenthal"), as a checker attributes
it; when the article names no one or several, the office is published as written, a
``Person``. A described source ("prosecutors", "the Ukrainian official in charge of the
eastern Donetsk region") is an ``Organization`` in its natural case: a speaker stored
with the capital of a sentence's first word ("Prosecutors") loses it. Within a report
one person has one title: :func:`fullest_titles` picks the fullest the articles give.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from factdesk.matching.discrepancies import is_description
from factdesk.model.models import Article, EntityMention
from factdesk.nlp.person_identity import nick_namer
from factdesk.nlp.person_names import name_suffix, person_parts, surname_of

PERSON_LABELS = frozenset({"PERSON"})
ORGANISATION_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC"})

#: Words that make a phrase a job title ("Prosecutor General", "the Donetsk governor").
TITLE_WORDS = frozenset("""president vice prime minister secretary spokesman spokeswoman
    spokesperson governor mayor head chief director prosecutor general commander ambassador
    chairman chairwoman chair leader official adviser advisor senator representative deputy
    chancellor envoy lawmaker judge ceo founder editor analyst professor economist
    commissioner king queen premier officer minister's""".split())
_CONNECTORS = frozenset({"of", "the", "for", "and", "de", "on"})
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|d['’]\w+)$")  # "Kyrylenko", "de"
#: Words that make a name an organisation's ("Russian Defence Ministry", "The Kremlin").
_BODY_WORDS = frozenset("""ministry ministries office department agency committee party
    police army forces force military council government court commission union association
    organization organisation kremlin pentagon parliament senate congress house bureau
    service services administration authority authorities company corporation group bank
    institute university foundation embassy command staff officials prosecutors""".split())
_PERSON_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "adviser",
                           "advisor", "minister", "governor", "mayor", "prosecutor",
                           "attorney", "lawyer", "counsel", "aide"})
#: An apposition after a name, on the name's line: a headline's ", months after ..."
#: never runs into the lead below it.
_APPOSITION = re.compile(r"^,[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?([^,.;:“”\"()\n]{3,70}?)[ \t]*,")
#: Words that open a clause or an adverbial phrase: an apposition with one before its
#: first title word is no title ("months after anti-Trump texts revealed FBI official").
_NOT_IN_TITLES = frozenset("""after before since until when while as because who whom whose
    which that where in on at by with from to into than""".split())


@dataclass(frozen=True)
class Claimant:
    """The author of a claim as published: ``kind`` is "Person" or "Organization"."""

    name: str
    kind: str
    job_title: str = ""


_NAME_SUFFIX_LETTERS = frozenset({"II", "III", "IV", "JR", "SR"})


def _is_acronym(word: str) -> bool:
    """An organisation's initials ("NATO", "UN", "F.B.I."), not a person's middle
    initial ("Donald J. Trump", "John F. Kennedy") nor a generation ("III")."""
    letters = word.strip(",;:").replace(".", "")
    return len(letters) > 1 and letters.isupper() and letters not in _NAME_SUFFIX_LETTERS


def speaker_type(speaker: str) -> str:
    """``Person`` for a speaker written as a person's name or role ("Pavlo Kyrylenko",
    "Zelenskyy's spokesman", "Strzok’s attorney"), ``Organization`` for a body ("The
    Kremlin", "NATO", "Russian Defence Ministry"), a group ("Ukrainian officials on
    site") or bodies speaking jointly ("Oklahoma and Nebraska")."""
    words = speaker.split()
    if not words:
        return "Organization"
    named = 0 < len(words) <= 5 and words[0][:1].isupper() and all(
        _NAME_WORD.match(w) for w in words)
    body = words[0].lower() == "the" or any(
        w.lower().strip(".,'’s") in _BODY_WORDS for w in words) or any(
        _is_acronym(w) for w in words)
    role = words[-1].lower() in _PERSON_ROLES and words[0].lower() not in {"the", "a", "an"}
    joint = "and" in words or "&" in words  # "Oklahoma and Nebraska": never one person
    return "Person" if (named or role) and not body and not joint else "Organization"


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


def _title_before(text: str, start: int) -> str:
    """The job title written just before a name ("said Ukrainian Prosecutor General",
    "U.S. Secretary of State", "road, spokesman"): from its first title word, with the
    capitalised word before that when there is one ("Ukrainian", "U.S.")."""
    before = text[max(0, start - 90):start]
    words = before[before.rfind("\n") + 1:].split()  # not across a line: a headline's end
    taken: list[str] = []
    for word in reversed(words):
        if word.endswith((",", ";", ":", "”", '"', ")")) or (
                word.endswith(".") and not _ABBREVIATION.match(word)):
            break
        bare = word.strip("“‘(")
        if _title_word(bare) or bare[:1].isupper() or (bare.lower() in _CONNECTORS and taken):
            taken.insert(0, bare)
        else:
            break
        if len(taken) >= 6:
            break
    first = next((i for i, w in enumerate(taken) if _title_word(w)), None)
    if first is None:
        return ""
    if first > 0 and taken[first - 1].lower() in {"the", "a", "an"} and all(
            w.islower() for w in taken[first:]):
        return ""  # "the president Blumenthal worked for": someone else's office
    # the capitalised words before it name whose office it is: "Ukrainian", "U.S.",
    # "Alexandria Police" (of "Alexandria Police Chief Michael Brown"; was "Police Chief")
    while first > 0 and taken[first - 1][:1].isupper() \
            and taken[first - 1] not in _NOT_ADJECTIVES | _PARTIES:
        first -= 1
    return " ".join(taken[first:])


_ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z][a-z]{0,3}\.$")  # "U.S.", "Gen."
#: A party is the holder's, not the office's ("Democratic Attorney General Richard
#: Blumenthal" holds the office of Attorney General).
_PARTIES = frozenset({"Democratic", "Democrat", "Republican", "GOP", "Labour", "Conservative"})
_NOT_ADJECTIVES = frozenset("""The A An On In At By As But And Then Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday""".split())


def _title_word(word: str) -> bool:
    return word.lower().rstrip("'’s") in TITLE_WORDS or word.lower() in TITLE_WORDS


def _any_title(words: Iterable[str]) -> bool:
    return any(_title_word(w) for w in words)


def _title_after(text: str, end: int) -> str:
    """An apposition after a name: "Filchakov, the head of the Kharkiv prosecutor's
    office, said" gives "head of the Kharkiv prosecutor's office"."""
    match = _APPOSITION.match(text[end:end + 90])
    if not match:
        return ""
    phrase = match.group(1).strip()
    words = phrase.split()
    first = next((i for i, w in enumerate(words) if _title_word(w)), None)
    if first is None or phrase[:1].isdigit() or any(
            w.lower() in _NOT_IN_TITLES for w in words[:first]):
        return ""
    return phrase


def job_title(article: Article | None, mentions: Iterable[EntityMention]) -> str:
    """The first job title the article gives next to one of the name's mentions."""
    if article is None:
        return ""
    for mention in sorted(mentions, key=lambda m: m.start):
        if article.text[mention.start:mention.end] != mention.text:
            continue
        title = _title_before(article.text, mention.start) or _title_after(
            article.text, mention.end)
        if title:
            return title
    return ""


#: The words of an office held by one person ("attorney general", "prime minister").
_ROLE_WORDS = TITLE_WORDS | {"attorney", "state", "foreign", "defense", "defence",
                             "interior", "finance", "health", "justice"}
#: The last word of an office; "the official", "the head" describe a source, not an office.
_ROLE_HEADS = TITLE_WORDS - {"vice", "deputy", "minister's", "official", "officer", "head",
                             "chief", "leader", "founder", "analyst", "editor"}
_COMMON_FIRST_WORDS = _BODY_WORDS | _PERSON_ROLES | {
    "the", "a", "an", "officials", "authorities", "investigators", "police", "officers",
    "witnesses", "residents", "analysts", "experts", "critics", "doctors", "rescuers",
    "troops", "soldiers", "lawmakers", "sources"}


def office(speaker: str) -> str:
    """The office a speaker names when written as one ("the attorney general" gives
    "attorney general"; "Zelenskyy's spokesman" gives "spokesman"), else ""."""
    words = _fold(speaker).split()
    owner = speaker.split()[0] if words else ""
    if len(words) < 2 or len(words) > 4 or not (
            words[0] == "the" or (owner[:1].isupper() and owner.endswith(("'s", "’s")))):
        return ""
    role = words[1:]
    if role[-1] not in _ROLE_HEADS or not all(w in _ROLE_WORDS for w in role):
        return ""
    return " ".join(role)


def natural_case(speaker: str) -> str:
    """A described source as it reads mid-sentence: "Prosecutors" gives "prosecutors",
    "The Ukrainian official in charge" "the Ukrainian official in charge"; a name
    ("The Kremlin", "Military Times", "NATO officials") keeps its capitals."""
    words = speaker.split()
    if not words or not words[0][:1].isupper() or words[0][1:].lower() != words[0][1:]:
        return speaker
    if words[0].lower() not in _COMMON_FIRST_WORDS:
        return speaker
    if words[0].lower() not in {"the", "a", "an"} and len(words) > 1 and \
            words[1][:1].isupper():
        return speaker  # a name: "Military Times", "Police Scotland"
    if _body_of_name(words):
        return speaker  # "Department of Justice", "Ministry of Defence"
    if words[0].lower() in {"the", "a", "an"} and (
            len(words) < 2 or not words[1][:1].islower()):
        # "The Kremlin", "The Ukrainian official": the next word decides
        if len(words) < 2 or words[1].lower() in _BODY_WORDS or not _adjective(words[1]):
            return speaker
    return words[0][:1].lower() + speaker[1:]


def _body_of_name(words: list[str]) -> bool:
    """A body's name written as its kind "of" a proper name ("Department of Justice",
    "The Ministry of Defence", "Office of the Director of National Intelligence")."""
    if words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    if len(words) < 3 or words[0].lower() not in _BODY_WORDS or words[1] not in ("of", "for"):
        return False
    rest = words[2:]
    if rest[0] == "the" and len(rest) > 1:
        rest = rest[1:]
    return rest[0][:1].isupper()


def _adjective(word: str) -> bool:
    """A capitalised word that describes rather than names ("Ukrainian", "Russian")."""
    return word.endswith(("an", "ese", "ish", "ian", "i")) and word[:1].isupper()


def _office_holders(article: Article | None, mentions: list[EntityMention], role: str,
                    aliases: dict[str, str]) -> dict[str, list[EntityMention]]:
    """The people the article names with the title ``role`` (canonical -> mentions)."""
    holders: dict[str, list[EntityMention]] = {}
    if article is None:
        return holders
    wanted = f" {role} "
    for mention in mentions:
        if mention.label not in PERSON_LABELS or \
                article.text[mention.start:mention.end] != mention.text:
            continue
        for title in (_title_before(article.text, mention.start),
                      _title_after(article.text, mention.end)):
            if wanted in f" {_fold(title)} ":
                canonical = aliases.get(_fold(mention.canonical), mention.canonical)
                holders.setdefault(canonical, []).append(mention)
    # "Richard Blumenthal" and "Blumenthal" are one holder: the full name stays
    for short in [c for c in holders if len(c.split()) == 1]:
        longer = [c for c in holders if c != short and surname_of(c) == surname_of(short)]
        if len(longer) == 1:
            holders[longer[0]] += holders.pop(short)
    return holders


def _office_holder(spoken: str, role: str, article: Article | None,
                   mentions: list[EntityMention], aliases: dict[str, str]) -> Claimant:
    """The claimant of a speaker written as an office: its one holder in the article,
    with the title the article gives, or the office as written."""
    holders = _office_holders(article, mentions, role, aliases)
    if len(holders) != 1:
        return Claimant(natural_case(spoken), "Person")
    name, held = next(iter(holders.items()))
    same = [m for m in mentions if m.label in PERSON_LABELS and (
        m.canonical in {h.canonical for h in held})]
    return Claimant(name, "Person", job_title(article, same))


def fullest_titles(claimants: Iterable[Claimant | None]) -> dict[str, str]:
    """One title per person of a report: the fullest the articles give ("Ukrainian
    President" over "President"), by words, then by how often, then by first use."""
    seen: dict[str, list[str]] = {}
    for claimant in claimants:
        if claimant is not None and claimant.kind == "Person" and claimant.job_title:
            seen.setdefault(claimant.name, []).append(claimant.job_title)
    return {name: max(titles, key=lambda t: (len(t.split()), titles.count(t),
                                             -titles.index(t)))
            for name, titles in seen.items()}


def _first_names_match(a: str, b: str) -> bool:
    """ "Richard" and "Dick", "William" and "Bill": one first name, formally or not."""
    a, b = _fold(a), _fold(b)
    namer = nick_namer()
    return a == b or b in namer.nicknames_of(a) or a in namer.nicknames_of(b)


def _one_person(full_names: list[str]) -> set[str]:
    """Full names of one surname (in the order the article first writes them) that are
    one person written formally and by nickname ("Richard Blumenthal", "Dick
    Blumenthal") give the first written, news style's formal first mention."""
    if len(set(full_names)) < 2:
        return set(full_names)
    first = full_names[0].split()
    if any(len(n.split()) != len(first) or n.split()[1:] != first[1:] or
           not _first_names_match(first[0], n.split()[0]) for n in full_names[1:]):
        return set(full_names)
    return {full_names[0]}


def _of_surname(surname: str, people: list[EntityMention]) -> list[EntityMention]:
    """The mentions of people whose surname is ``surname``, a generational suffix aside
    ("George T. Conway III" for "Conway"); not a son or father told apart by the suffix
    alone ("Donald Trump Jr." beside "Donald Trump": "Trump" is the one without)."""
    key = surname_of(surname)
    found = [m for m in people if surname_of(m.canonical) == key]
    plain = {_fold(m.canonical) for m in found if not name_suffix(m.canonical)}
    return [m for m in found if not name_suffix(m.canonical) or
            _fold(_without_suffix(m.canonical)) not in plain]


def _without_suffix(name: str) -> str:
    """ "Donald Trump Jr." -> "Donald Trump"."""
    return name.rsplit(" ", 1)[0].rstrip(",") if name_suffix(name) else name


def _whole_name(spoken: str, mentions: list[EntityMention],
                within: tuple[int, int] | None) -> str:
    """A one-word speaker cut from a longer name the claim's own words give: "James" of
    "James O’Neill", "Department" of "the Department of Justice" (stored by an analysis
    that lost the rest of the name). The one longer mention within ``within`` (the
    claim's offsets) holding the word, as written; else ``spoken``."""
    if within is None or len(spoken.split()) != 1:
        return spoken
    word = _fold(spoken)
    def cut_from(mention: EntityMention) -> bool:
        words = _fold(mention.text).split()
        if mention.label in PERSON_LABELS:  # a given name; a surname is read below
            return words[0] == word and words[-1] != word
        return mention.label in ORGANISATION_LABELS and word in words

    names = {m.text for m in mentions
             if within[0] <= m.start and m.end <= within[1] and len(m.text.split()) > 1
             and cut_from(m)}
    if len(names) != 1:
        return spoken
    name = next(iter(names))
    return name[4:] if name.lower().startswith("the ") else name


def resolve_claimant(
    speaker: str | None,
    article: Article | None,
    mentions: list[EntityMention],
    aliases: dict[str, str],
    within: tuple[int, int] | None = None,
) -> Claimant | None:
    """The claimant of a claim said by ``speaker`` in ``article`` (``mentions``: the
    article's entity mentions; ``aliases``: variant -> canonical, folded keys;
    ``within``: the claim's offsets, where a speaker cut from a name finds it whole)."""
    if not speaker or not speaker.strip():
        return None
    spoken = _whole_name(" ".join(speaker.split()), mentions, within)
    role = office(spoken)
    if role:
        return _office_holder(spoken, role, article, mentions, aliases)
    wanted = {_fold(spoken), _fold(aliases.get(_fold(spoken), spoken))}
    named = [m for m in mentions if m.label in PERSON_LABELS | ORGANISATION_LABELS]
    exact = [m for m in named if _fold(m.text) in wanted or _fold(m.canonical) in wanted]
    by_surname = _of_surname(spoken, [m for m in named if m.label in PERSON_LABELS]) \
        if len(spoken.split()) == 1 and speaker_type(spoken) == "Person" else []
    if not exact:
        exact = by_surname
    if not exact:
        canonical = natural_case(aliases.get(_fold(spoken), spoken))
        return Claimant(canonical, speaker_type(canonical))
    canonicals = {m.canonical for m in exact}
    canonical = max(canonicals, key=lambda c: (sum(m.canonical == c for m in exact), len(c)))
    # a surname alone ("Blumenthal said") names the one person of the article whose full
    # name ends with it ("Richard Blumenthal", written once at first mention)
    full_names = _one_person([m.canonical for m in sorted(by_surname, key=lambda m: m.start)
                              if len(m.canonical.split()) > 1])
    if len(canonical.split()) == 1 and len(full_names) == 1:
        canonical = next(iter(full_names))
        canonicals |= full_names
        exact += [m for m in by_surname if m.canonical == canonical]
        same_person = {m.canonical for m in by_surname if _first_names_match(
            m.canonical.split()[0], canonical.split()[0])}
        canonicals |= same_person
    canonical = aliases.get(_fold(canonical), canonical)
    # a person's name mislabelled once ("Zelenskyy's" as an ORG) stays a person's
    labels = {m.label for m in exact if m.canonical in canonicals}
    kind = "Person" if "PERSON" in labels and speaker_type(canonical) == "Person" \
        else "Organization"
    same = [m for m in mentions if m.canonical in canonicals or _fold(m.canonical) in wanted]
    title = job_title(article, same) if kind == "Person" or (
        labels == {"ORG"} and len(canonical.split()) > 1
        and speaker_type(canonical) == "Person") else ""
    if title:
        # "Oleksandr Filchakov, the head of the Kharkiv prosecutor's office": a name
        # written as a person's, with a person's office, is a person the NER took for
        # an organisation
        kind = "Person"
    return Claimant(canonical, kind, title)


def same_claimant(a: Claimant | None, b: Claimant | None) -> bool:
    """Whether the claim ``a`` (its claimant) appears as the claim ``b``: ``a`` in an
    outlet's own voice (no speaker) wherever another outlet reports it, in its own
    voice or from a source ("Zelensky on Wednesday visited Izyum, the military said":
    the fact the outlet asserts appears there, sourced); else the same name, one person
    written fully and by surname or nickname ("Chris Wray" / "Wray" / "Christopher
    Wray"), an organisation named shorter and longer ("Justice Department" / "the
    Justice Department"). A sentence naming no speaker is not Chris Wray's ("A law
    enforcement official identified the suspect as ...")."""
    if a is None:
        return True
    if b is None:
        return False
    fa, fb = _fold(a.name), _fold(b.name)
    if fa == fb:
        return True
    if _specific_description(a.name) or _specific_description(b.name):
        # "Strzok's attorney" / "Aitan Goelman": one person described by one account
        # and named by the other, as far as the report can tell (the checker accepted
        # the pair as one fact); an anonymous "a law enforcement official" is no one's
        return not any(_anonymous(n) for n in (a.name, b.name))
    if a.kind == "Person" and b.kind == "Person":
        sa, sb = surname_of(a.name), surname_of(b.name)
        if not sa or sa != sb:
            return False
        ga, gb = (_given(n) for n in (a.name, b.name))
        return not ga or not gb or _first_names_match(ga, gb)
    if a.kind == "Organization" and b.kind == "Organization":
        short, long = sorted((fa, fb), key=len)
        return bool(re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long))
    return False


def _specific_description(name: str) -> bool:
    """A speaker described as one particular person or body, not named: "Strzok's
    attorney", "the hospital" (a description, :func:`~factdesk.matching.discrepancies.
    is_description`, after a possessive or "the")."""
    words = name.split()
    if len(words) < 2 or not is_description(name):
        return False
    return words[0].casefold() == "the" or any(w.endswith(("'s", "’s")) for w in words[:-1])


def _anonymous(name: str) -> bool:
    """A speaker no one can be named for: "a law enforcement official", "officials",
    "sources"."""
    first = name.split()[0].casefold() if name.split() else ""
    return first in ("a", "an", "some", "several", "two", "three") or (
        len(name.split()) == 1 and name.islower())


def _given(name: str) -> str:
    """The first word of a person's name when it is a given name ("" for "Wray")."""
    parts = person_parts(name)
    return parts[0][0] if parts and parts[0] else ""

"""A person's full name in a search also finds them by surname where the name is known.

News writes a name in full once, then "Clapper" or "Mr. Clapper". A search for "James
Clapper" found 2 of his 10 claims in a BASIL event (review 18, finding 11): the others
say "Mr. Clapper said …". So a full name typed in a query (two words or more, a given
name and a surname, with a person of that name among the project's entity mentions)
is searched a second time as its surname alone, within the articles that establish
the full name (one of their PERSON mentions carries it, in any spelling the mentions
merged). An article that also names another person of that surname (Bill and Hillary
Clinton) gives only the claims holding a mention already linked to the person.

Nothing here runs spaCy or changes the mentions: it reads the stored ones. The person
reading of a name (given names, surname) comes from the caller
(:func:`factdesk.nlp.aliases.person_parts`), so storage does not import the NLP layer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlite_utils import Database

#: A person name read as (given-name words, surname), plain; None when it is not one.
PersonParts = Callable[[str], "tuple[tuple[str, ...], str] | None"]
_TOKEN = re.compile(r'"[^"]*"?|\S+')
_OPERATORS = frozenset({"OR", "AND", "NOT"})
_LONGEST_NAME = 4  # words of a full name looked for in a run of query words


@dataclass(frozen=True)
class SurnameScope:
    """``query`` with one full name replaced by its surname, to be searched only in the
    claims of ``articles`` and the ``claims`` named (those of ambiguous articles)."""

    name: str
    query: str
    articles: frozenset[int]
    claims: frozenset[int] = field(default=frozenset())

    def sql(self, claim: str = "c") -> tuple[str, list[int]]:
        """A condition on the claim alias ``claim`` limiting hits to this scope."""
        parts, params = [], []
        for column, ids in (("article_id", self.articles), ("id", self.claims)):
            if ids:
                parts.append(f"{claim}.{column} IN ({','.join('?' * len(ids))})")
                params += sorted(ids)
        return "(" + " OR ".join(parts or ["0"]) + ")", params


def _plain_words(token: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", token, flags=re.UNICODE) if w]


def _candidates(tokens: list[str]) -> Iterable[tuple[int, int, str]]:
    """(first token, last token + 1, name) of each run of plain query words that could
    be a full name (2 to 4 words, not negated, no prefix), longest first within a run;
    a quoted phrase is a run of its own."""
    runs: list[list[int]] = []
    run: list[int] = []
    negated = False
    for i, token in enumerate(tokens):
        if token in _OPERATORS:
            if run:
                runs.append(run)
            run, negated = [], token == "NOT"
            continue
        if token.startswith('"'):
            if run:
                runs.append(run)
            run = []
            if not negated:
                runs.append([i])
            negated = False
            continue
        if token.startswith("-") or token.endswith("*") or negated:
            if run:
                runs.append(run)
            run, negated = [], False
            continue
        run.append(i)
    if run:
        runs.append(run)
    for run in runs:
        if len(run) == 1 and tokens[run[0]].startswith('"'):
            words = _plain_words(tokens[run[0]])
            if 2 <= len(words) <= _LONGEST_NAME:
                yield run[0], run[0] + 1, " ".join(words)
            continue
        for size in range(min(len(run), _LONGEST_NAME), 1, -1):
            for start in range(len(run) - size + 1):
                first, last = run[start], run[start + size - 1] + 1
                yield first, last, " ".join(
                    w for t in tokens[first:last] for w in _plain_words(t))


def surname_scopes(db: Database, query: str, person_parts: PersonParts,
                   canonicals_of: Callable[[str], set[str]]) -> list[SurnameScope]:
    """The surname searches a query's full names call for (none when it names no person
    of the project). ``canonicals_of`` gives the canonical forms of the mentions spelled
    as a name (the search's spelling index)."""
    tokens = _TOKEN.findall(query.strip())
    scopes: list[SurnameScope] = []
    taken: set[int] = set()
    for first, last, name in _candidates(tokens):
        if taken & set(range(first, last)):
            continue
        parts = person_parts(name)
        # cheap first (the spelling index, in memory): is the surname ever written alone?
        if not parts or not parts[0] or not canonicals_of(parts[1]):
            continue
        scope = _scope(db, name, parts, person_parts, canonicals_of)
        if scope is None:
            continue
        taken |= set(range(first, last))
        rest = [*tokens[:first], scope[0], *tokens[last:]]
        scopes.append(SurnameScope(name, " ".join(rest), *scope[1:]))
    return scopes


def _scope(db: Database, name: str, name_parts: tuple[tuple[str, ...], str],
           person_parts: PersonParts, canonicals_of: Callable[[str], set[str]]
           ) -> tuple[str, frozenset[int], frozenset[int]] | None:
    """(surname, clear articles, claims of ambiguous articles) for the person ``name``."""
    given, surname = name_parts[0][0], name_parts[1]
    # the person: mentions spelled as the name (or a spelling variant of it), named so
    # as their canonical form, or a PERSON of that given name and surname ("James R.
    # Clapper Jr." for "James Clapper")
    canonicals = set(canonicals_of(name))
    for canonical, text in db.execute(
            "SELECT DISTINCT canonical, text FROM entity_mentions WHERE "
            "canonical = ? COLLATE NOCASE OR (label = 'PERSON' AND text LIKE ?)",
            [name, f"%{surname}%"]):
        parts = person_parts(text)
        if canonical.casefold() == name.casefold() or (
                parts and parts[0] and parts[0][0] == given and parts[1] == surname):
            canonicals.add(canonical)
    if not canonicals:
        return None
    marks = ",".join("?" * len(canonicals))
    rows = db.execute(
        f"SELECT article_id, text, canonical, start, \"end\" FROM entity_mentions "
        f"WHERE canonical IN ({marks})", sorted(canonicals)).fetchall()
    established: set[int] = set()
    for article_id, text, _canonical, _s, _e in rows:
        parts = person_parts(text)
        if parts and parts[0] and parts[1] == surname:
            established.add(article_id)
    if not established:
        return None
    # another full name of the same surname in the article: only linked mentions count
    amarks = ",".join("?" * len(established))
    ambiguous = set()
    for article_id, text in db.execute(
            f"SELECT article_id, text FROM entity_mentions WHERE label = 'PERSON' "
            f"AND article_id IN ({amarks}) AND canonical NOT IN ({marks})",
            [*sorted(established), *sorted(canonicals)]):
        parts = person_parts(text)  # "Hillary Clinton" where "Bill Clinton" is searched
        if parts and parts[0] and parts[1] == surname and parts[0][0] != given:
            ambiguous.add(article_id)
    claims: set[int] = set()
    for article_id, _text, _canonical, start, end in rows:
        if article_id in ambiguous:
            claims |= {r[0] for r in db.execute(
                "SELECT id FROM claims WHERE article_id = ? AND start < ? AND \"end\" > ? "
                "AND deleted_at IS NULL", [article_id, end, start])}
    return surname, frozenset(established - ambiguous), frozenset(claims)

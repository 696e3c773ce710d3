"""Outlet names in a match's stored differences, told with the names articles carry now.

A difference names the two outlets ("hpo’s “the past week” …; nyt’s “since Monday” …").
Matching stores each explanation twice: as written then (``explanation``, for a reader
that knows nothing of this module) and as a template (``template``) in which each outlet
is a token of its article, ``⟦12⟧`` (:func:`outlet_token`). The report, the window and
the command line tell a difference with the outlets' names of the moment
(:meth:`OutletNames.told`), so renaming an outlet (``factdesk article P ID --outlet``,
the window's article details, their undo) renames it in every difference, decided
matches' included, without analysing anything again.

A difference stored before templates has its explanation only: it is told with each
former name of its two articles (the project's history of outlet edits) replaced by the
article's name now, as a whole word and outside quotation marks (a quoted “AFP” stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from factdesk.model.models import Match

_OPEN, _CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: never in a news text
TOKEN = re.compile(_OPEN + r"(\d+)" + _CLOSE)
_POSSESSIVE = re.compile(_OPEN + r"(\d+)" + _CLOSE + r"[’']s ")
_QUOTED = re.compile(r"“[^”]*”")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")


def outlet_token(article_id: int) -> str:
    """The stand-in of article ``article_id``'s outlet in a template."""
    return f"{_OPEN}{article_id}{_CLOSE}"


def has_tokens(text: str) -> bool:
    return _OPEN in text


@dataclass(frozen=True)
class OutletNames:
    """The outlet of each article now (``current``) and the names it had before
    (``former``, oldest first), to tell stored differences with today's names."""

    current: Mapping[int, str]
    former: Mapping[int, tuple[str, ...]] = field(default_factory=dict)

    def render(self, template: str) -> str:
        """``template`` with each article token replaced by its outlet; an article
        without an outlet is "one article" (then "the other"), and its possessive before
        a quotation ("⟦3⟧’s “Monday”") is left out."""
        order: list[str] = []

        def name(match: re.Match[str], *, possessive: bool = False) -> str:
            aid = match.group(1)
            if aid not in order:
                order.append(aid)
            outlet = self.current.get(int(aid), "")
            if outlet:
                return f"{outlet}’s " if possessive else outlet
            if possessive:
                return ""
            word = "one article" if order.index(aid) == 0 else "the other"
            start = _SENTENCE_START.search(match.string[: match.start()]) is not None
            return word[0].upper() + word[1:] if start else word

        text = _POSSESSIVE.sub(lambda m: name(m, possessive=True), template)
        return TOKEN.sub(name, text)

    def told(self, discrepancy: Mapping[str, Any], articles: Iterable[int] = ()) -> str:
        """A stored difference's explanation with the outlets' names now. ``articles``:
        the match's two articles, for a difference stored before templates."""
        template = str(discrepancy.get("template") or "")
        if template:
            return self.render(template)
        text = str(discrepancy.get("explanation") or discrepancy.get("kind") or "")
        return self._renamed(text, tuple(articles))

    def now(self, discrepancies: Iterable[Mapping[str, Any]], articles: Iterable[int] = ()
            ) -> list[dict[str, Any]]:
        """The stored differences with each explanation told with the names now."""
        articles = tuple(articles)
        return [{**d, "explanation": self.told(d, articles)} if d.get("explanation") else dict(d)
                for d in discrepancies]

    def match_now(self, match: Match, articles: Iterable[int] = ()) -> Match:
        """``match`` with its differences, and those its decision was made on, told
        with the outlets' names now (for :func:`~factdesk.model.match_changes.
        decision_change`'s notes)."""
        articles = tuple(articles)
        return replace(
            match, discrepancies=tuple(self.now(match.discrepancies, articles)),
            decided_discrepancies=tuple(self.now(match.decided_discrepancies, articles)))

    def _renamed(self, text: str, articles: tuple[int, ...]) -> str:
        """``text`` with the articles' former names replaced by their names now."""
        renames: dict[str, str] = {}
        owners: dict[str, set[int]] = {}
        for aid in articles:
            now = self.current.get(aid, "")
            owners.setdefault(now, set()).add(aid)
            for old in self.former.get(aid, ()):
                owners.setdefault(old, set()).add(aid)
                if old and old != now:
                    renames[old] = now or "one article"
        # a name two of the articles had cannot say which one is meant
        renames = {old: new for old, new in renames.items() if len(owners[old]) == 1}
        if not renames:
            return text
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(o) for o in sorted(renames, key=len, reverse=True))
            + r")(?!\w)")
        pieces = []
        last = 0
        for quoted in _QUOTED.finditer(text):
            pieces.append(pattern.sub(lambda m: renames[m.group()], text[last:quoted.start()]))
            pieces.append(quoted.group())
            last = quoted.end()
        pieces.append(pattern.sub(lambda m: renames[m.group()], text[last:]))
        return "".join(pieces)


def with_templates(discrepancies: Iterable[dict[str, Any]], names: OutletNames
                   ) -> list[dict[str, Any]]:
    """Differences found with article tokens for outlets, as stored: the tokened
    explanation kept as ``template``, the explanation told with today's names."""
    stored = []
    for d in discrepancies:
        explanation = str(d.get("explanation") or "")
        if has_tokens(explanation):
            d = {**d, "template": explanation, "explanation": names.render(explanation)}
        stored.append(d)
    return stored

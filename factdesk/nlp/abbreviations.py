"""Abbreviations news style writes for places and offices: a state after a name
("(D-Calif.)", "Mo."), an office instead of its title ("the A.G.", "the Washington
gov"). References back read them as the words they stand for, and a speaker that is an
office no one in the article holds is written out ("the attorney general"), never left
a fragment ("A.G.").

Works on a parsed spaCy ``Doc`` (duck-typed; spaCy itself is not imported here).
"""

from __future__ import annotations

from typing import Any

#: State abbreviations news style writes after a name ("(D-Calif.)", "(R-N.J.)").
STATE_ABBREVIATIONS = {
    "ala.": "alabama", "ariz.": "arizona", "ark.": "arkansas", "calif.": "california",
    "colo.": "colorado", "conn.": "connecticut", "del.": "delaware", "fla.": "florida",
    "ga.": "georgia", "ill.": "illinois", "ind.": "indiana", "kan.": "kansas",
    "kans.": "kansas", "ky.": "kentucky", "la.": "louisiana", "md.": "maryland",
    "mass.": "massachusetts", "mich.": "michigan", "minn.": "minnesota",
    "miss.": "mississippi", "mo.": "missouri", "mont.": "montana", "neb.": "nebraska",
    "nev.": "nevada", "n.h.": "new hampshire", "n.j.": "new jersey", "n.m.": "new mexico",
    "n.y.": "new york", "n.c.": "north carolina", "n.d.": "north dakota",
    "okla.": "oklahoma", "ore.": "oregon", "pa.": "pennsylvania", "r.i.": "rhode island",
    "s.c.": "south carolina", "s.d.": "south dakota", "tenn.": "tennessee",
    "tex.": "texas", "vt.": "vermont", "va.": "virginia", "wash.": "washington",
    "w.va.": "west virginia", "wis.": "wisconsin", "wyo.": "wyoming"}


def place_words(word: str) -> list[str]:
    """A place word as the words of its full name ("calif." gives "california")."""
    return STATE_ABBREVIATIONS.get(word, word).split()


#: Offices written short, as the words they stand for: "the A.G." is the attorney
#: general, "the Washington gov" the governor. Keyed by the token's text folded; "AG"
#: only in capitals (:func:`office_words`).
OFFICE_ABBREVIATIONS = {
    "a.g.": ("attorney", "general"), "ag": ("attorney", "general"),
    "gov": ("governor",), "gov.": ("governor",), "guv": ("governor",),
    "sen.": ("senator",), "rep.": ("representative",), "pres.": ("president",),
    "sec.": ("secretary",), "supt.": ("superintendent",),
}


def office_words(token: Any) -> tuple[str, ...]:
    """The words of the office an abbreviation stands for ("attorney", "general" for
    "A.G."), or () when ``token`` is none ("AG" written in lower case is no office)."""
    words = OFFICE_ABBREVIATIONS.get(token.lower_, ())
    if token.lower_ == "ag" and token.text != "AG":
        return ()
    return words


def written_out(phrase: str, token: Any) -> str:
    """``phrase`` (a speaker as written, holding ``token``) with the office ``token``
    abbreviates written out: "the A.G." -> "the attorney general", "the Washington gov"
    -> "the Washington governor"."""
    words = office_words(token)
    if not words:
        return phrase
    at = phrase.rfind(token.text)
    return phrase if at < 0 else phrase[:at] + " ".join(words) + phrase[at + len(token.text):]

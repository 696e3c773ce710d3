"""Which people the misspelled-given-name rule makes one, on BASIL dev.

A given name a slip apart ("Duval Patrick" / "Deval Patrick",
:func:`factdesk.nlp.person_names.persons_respelled`) is one person unless the story
gives evidence of two (one article writing both, two names in their own right, two
genders). This bench reads the person names of every BASIL development article with
the project's pipeline, resolves each event's names as a project of that event would
(:func:`factdesk.core.spellings.canonical_forms`: the alias resolution with the pairs
one article writes both of kept apart), and prints every merge the rule makes, where
each spelling is written, and the pairs it kept apart with the reason, so each can be
read and judged. ``--together`` also resolves all events as one project (as
``matching_snapshot.py`` builds them), where names of different stories meet.

    python bench/name_respellings.py [--cache /tmp/basil-people.json] [--together]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path

from _shared import basil_articles
from rapidfuzz.distance import OSA

from factdesk.nlp.aliases import AliasResolver
from factdesk.nlp.given_name_census import is_listed_given_name
from factdesk.nlp.person_names import (
    has_given_name,
    person_parts,
    persons_respelled,
    respelled_apart,
    surnames_match,
)

Mention = tuple[str, str]  # (text, spaCy label)


def read_mentions(articles: list[dict], cache: Path | None) -> list[list[Mention]]:
    """Each article's entity mentions as the pipeline finds them (cached in ``cache``)."""
    if cache is not None and cache.exists():
        return [[tuple(m) for m in ms] for ms in json.loads(cache.read_text())]
    from factdesk.nlp.pipeline import analysis_from_doc, build_pipeline

    nlp = build_pipeline(None)
    found = []
    texts = (f"{a['title'] or ''}\n\n{a['text']}" for a in articles)  # headline first
    for i, doc in enumerate(nlp.pipe(texts, batch_size=8)):
        found.append([(m.text, m.label) for m in analysis_from_doc(doc, i, None).mentions])
    if cache is not None:
        cache.write_text(json.dumps(found))
    return found


def _where(name: str, group: list[int], articles: list[dict]) -> str:
    """Outlets writing ``name``, with the first sentence it is in."""
    out = []
    for i in group:
        text = articles[i]["text"]
        at = text.find(name)
        if at < 0:
            continue
        start = max(text.rfind(". ", 0, at) + 2, at - 90)
        end = text.find(". ", at)
        snippet = re.sub(r"\s+", " ", text[start:end if 0 < end < at + 120 else at + 120])
        out.append(f"      {articles[i]['source']}: ...{snippet}...")
    return "\n".join(out)


def near_pairs(names: set[str]) -> list[tuple[str, str]]:
    """Full person names of one surname whose first given names share the first letter
    and are one edit apart: the pairs the rule is asked about."""
    full = sorted(n for n in names if has_given_name(n))
    pairs = []
    for i, x in enumerate(full):
        for y in full[i + 1:]:
            px, py = person_parts(x), person_parts(y)
            gx, gy = px[0][0], py[0][0]  # type: ignore[index]
            if gx != gy and gx[0] == gy[0] and OSA.distance(gx, gy) <= 1 \
                    and surnames_match(px[1], py[1]):  # type: ignore[index]
                pairs.append((x, y))
    return pairs


def judge(event: str, group: list[int], articles: list[dict],
          mentions: list[list[Mention]]) -> tuple[int, int]:
    """Print the rule's merges and refusals in one event (or group of articles);
    (merges, refusals)."""
    names = [m for i in group for m in mentions[i]]
    people = [[t for t, label in mentions[i] if label == "PERSON"] for i in group]
    apart = respelled_apart(people)
    canonical = AliasResolver({}, apart).resolve(list(dict.fromkeys(names)))
    persons = {t for t, label in names if label == "PERSON"}
    merged = refused = 0
    for x, y in near_pairs(persons):
        same = canonical.get(x) == canonical.get(y)
        if persons_respelled(x, y) and same:
            merged += 1
            print(f"  MERGED {x!r} + {y!r} -> {canonical[x]!r}   [{event}]")
        else:
            refused += 1
            gx, gy = person_parts(x)[0][0], person_parts(y)[0][0]  # type: ignore[index]
            why = ("one article writes both" if (x, y) in apart or (y, x) in apart
                   else "both given names in the Census lists"
                   if is_listed_given_name(gx) and is_listed_given_name(gy)
                   else "kept apart otherwise")
            print(f"  apart  {x!r} / {y!r}: {why}   [{event}]")
        print(_where(x, group, articles))
        print(_where(y, group, articles))
    return merged, refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="keep the articles' mentions here")
    parser.add_argument("--together", action="store_true",
                        help="also resolve all events as one project")
    args = parser.parse_args()
    articles = basil_articles()
    mentions = read_mentions(articles, args.cache)
    events: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        events[a["triplet"]].append(i)
    merged = refused = 0
    for group in events.values():
        m, r = judge(articles[group[0]]["title"][:50], group, articles, mentions)
        merged, refused = merged + m, refused + r
    print(f"{len(events)} events: {merged} merges by the respelling rule, "
          f"{refused} near pairs kept apart")
    if args.together:
        m, r = judge("all events", list(range(len(articles))), articles, mentions)
        print(f"all events as one project: {m} merges, {r} kept apart")


if __name__ == "__main__":
    main()

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
    python bench/name_respellings.py --duval   # the Patrick event, Fox misspelling him
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from _shared import basil_articles

from factdesk.nlp.aliases import AliasResolver
from factdesk.nlp.person_identity import ArticlePeople, honorific_gender_in, identify
from factdesk.nlp.person_names import (
    given_name_slip,
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
    """Full person names of one surname whose first given names are a slip apart
    (:func:`~factdesk.nlp.person_names.given_name_slip`): the pairs the rule is about."""
    full = sorted(n for n in names if has_given_name(n))
    pairs = []
    for i, x in enumerate(full):
        for y in full[i + 1:]:
            px, py = person_parts(x), person_parts(y)
            if given_name_slip(px[0][0], py[0][0]) \
                    and surnames_match(px[1], py[1]):  # type: ignore[index]
                pairs.append((x, y))
    return pairs


def judge(event: str, group: list[int], articles: list[dict],
          mentions: list[list[Mention]]) -> Counter[str]:
    """Print every pair of names a slip apart in one event (or group of articles): made
    one by the new rule, already one by the older given-name rules (an ``fuzz.ratio``
    of 85, nicknames), or kept apart, and why; the count of each outcome."""
    names = [m for i in group for m in mentions[i]]
    people = [sorted({t for t, label in mentions[i] if label == "PERSON"}) for i in group]
    apart = respelled_apart(people)
    written = Counter(name for names_ in people for name in names_)
    canonical = AliasResolver({}, apart, written).resolve(list(dict.fromkeys(names)))
    persons = {t for t, label in names if label == "PERSON"}
    outcomes: Counter[str] = Counter()
    for x, y in near_pairs(persons):
        same = canonical.get(x) == canonical.get(y)
        if same and persons_respelled(x, y):
            outcome = "merged by the new rule"
        elif same:
            outcome = "one already (older given-name rules)"
        elif (x, y) in apart or (y, x) in apart:
            outcome = "apart: one article writes both"
        elif not persons_respelled(x, y):
            outcome = "apart: two genders or more than a slip"
        else:
            outcome = "apart otherwise"
        outcomes[outcome] += 1
        print(f"  {outcome}: {x!r} / {y!r} -> {canonical.get(x)!r} / {canonical.get(y)!r}"
              f"   [{event}]")
        print(_where(x, group, articles))
        print(_where(y, group, articles))
    return outcomes


_HONORED = re.compile(r"\b(Mrs|Mr|Ms|Miss)\.? ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def honorifics(articles: list[dict], mentions: list[list[Mention]]) -> Counter[str]:
    """Every "Mr." / "Mrs." / "Ms." + surname of an article that names someone of that
    surname in full, with whom it is without and with the honorific's gender
    (:func:`~factdesk.nlp.person_identity.identify`), printed where the gender changes
    it; the count of each outcome."""
    outcomes: Counter[str] = Counter()
    for i, article in enumerate(articles):
        people = ArticlePeople.of((t, t) for t, label in mentions[i] if label == "PERSON")
        seen = set()
        for match in _HONORED.finditer(article["text"]):
            honorific, surname = match.groups()
            if (honorific, surname) in seen or not people.of_surname(surname.lower()):
                continue
            seen.add((honorific, surname))
            gender = honorific_gender_in(match.group(0), surname)
            before = identify(surname, surname, people)
            after = identify(surname, surname, people, gender=gender)
            if before is None or after is None or before.name == after.name:
                outcomes["unchanged"] += 1
                continue
            outcome = ("decided between namesakes" if len(before.candidates) > 1
                       else "another gender's full name left out")
            outcomes[outcome] += 1
            was = [c.name for c in before.candidates] or before.name
            print(f"  {outcome}: {article['source']} {honorific}. {surname}: {was} -> "
                  f"{after.name}{' (not ' + after.excluded[0].name + ')' if after.excluded else ''}"
                  f"   [{article['title'][:50]}]")
    return outcomes


def misspelled_event(articles: list[dict], prefix: str = "d3a1ce0a") -> None:
    """The BASIL event on Deval Patrick's pick (all three outlets spell him right) with
    Fox's "Deval" written "Duval", imported and matched as a project: the canonical form
    of each Patrick and the reason line of each match naming him."""
    import tempfile

    from factdesk.core.analysis import analyse_articles
    from factdesk.core.claim_facts import stored_claim_facts
    from factdesk.core.importing import store_parsed
    from factdesk.core.project import Project
    from factdesk.ingest import parse_pasted
    from factdesk.matching.panel import match_reason

    chosen = [a for a in articles if a["triplet"].startswith(prefix)]
    with tempfile.TemporaryDirectory() as tmp, \
            Project.open(Path(tmp) / "patrick.factdesk") as project:
        ids = []
        for a in chosen:
            text, title = a["text"], a["title"] or ""
            if a["source"] == "fox":
                text, title = text.replace("Deval", "Duval"), title.replace("Deval", "Duval")
            ids += store_parsed(project, parse_pasted(text, title=title, outlet=a["source"],
                                                      published=a["date"] or ""))[:1]
        analyse_articles(project, ids, n_process=1)
        forms = sorted({(m.text, m.canonical) for m in project.entities.mentions()
                        if "Patrick" in m.text})
        print("Patrick's spellings -> canonical:", forms)
        outlets = {x.id: x.outlet for x in project.articles.all()}
        claims = {c.id: c for c in project.claims.iter_all()}
        for m in project.matches.all():
            a, b = claims[m.claim_a], claims[m.claim_b]
            if "Duval" not in a.text + b.text:
                continue
            print(f"  {m.relation} {m.score:.2f}: {outlets[a.article_id]}: {a.text[:70]!r} ||"
                  f" {outlets[b.article_id]}: {b.text[:70]!r}")
            print("    " + match_reason(stored_claim_facts(project, a, outlets[a.article_id]),
                                        stored_claim_facts(project, b, outlets[b.article_id]),
                                        m.discrepancies))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="keep the articles' mentions here")
    parser.add_argument("--together", action="store_true",
                        help="also resolve all events as one project")
    parser.add_argument("--duval", action="store_true",
                        help="import the Deval Patrick event with Fox writing \"Duval\"")
    args = parser.parse_args()
    articles = basil_articles()
    if args.duval:
        misspelled_event(articles)
        return
    mentions = read_mentions(articles, args.cache)
    events: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        events[a["triplet"]].append(i)
    total: Counter[str] = Counter()
    for group in events.values():
        total += judge(articles[group[0]]["title"][:50], group, articles, mentions)
    print(f"{len(events)} events, each its own project: {dict(total) or 'no pair a slip apart'}")
    print(f"honorifics before a surname the article names in full: "
          f"{dict(honorifics(articles, mentions)) or 'none'}")
    if args.together:
        found = judge("all events", list(range(len(articles))), articles, mentions)
        print(f"all events as one project: {dict(found) or 'no pair a slip apart'}")


if __name__ == "__main__":
    main()

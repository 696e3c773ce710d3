"""Merging entity spellings at archive scale: how long one project-wide resolution takes.

Every import batch (8 articles) and every alias edit resolves all the project's entity
names at once (:class:`factdesk.nlp.aliases.AliasResolver`). This bench takes the
names spaCy's NER finds in the BASIL development articles (people, places,
organisations: real names, real spelling variety), grows them to archive sizes with
spelling variants (a letter changed, dropped or doubled, a transliteration suffix, a
bare surname, an initial), as a large archive collects them, and prints the time of one
resolution at each size (best of 3) and how many groups the names fall into.

It then stores those names as the mentions of a project and times what one import
batch costs there (:class:`factdesk.core.spellings.BatchSpellings`, 80 new spellings,
about 8 articles' worth): resolved project-wide, as projects up to
``LARGE_PROJECT_NAMES`` spellings do, and against the related stored spellings only, as
larger ones do; and what an alias edit costs there (the project-wide refresh).

    python bench/alias_scale.py [--sizes 2k,5k,20k,50k] [--articles 225]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import EVAL, basil_articles

LABELS = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT"}


def ner_names(articles: int) -> list[tuple[str, str]]:
    """Distinct (name, label) pairs spaCy finds in the first ``articles`` BASIL articles."""
    import importlib

    from factdesk.nlp.model import resolve_model_name

    nlp = importlib.import_module(resolve_model_name(None)).load(
        exclude=["lemmatizer", "attribute_ruler"])
    found: dict[tuple[str, str], None] = {}
    for doc in nlp.pipe([a["text"] for a in basil_articles(articles)], batch_size=16):
        for ent in doc.ents:
            if ent.label_ in LABELS and len(ent.text) > 1:
                found[(ent.text.strip(), ent.label_)] = None
    return list(found)


def variant(name: str, rng: random.Random) -> str:
    """One plausible other spelling of ``name``."""
    words = name.split()
    roll = rng.random()
    if roll < 0.15 and len(words) > 1:
        return words[-1]  # a bare surname
    if roll < 0.25 and len(words) > 1:
        return f"{words[0][0]}. {' '.join(words[1:])}"  # an initial
    if roll < 0.35:
        return name + rng.choice(["iy", "y", "a", "ov", "'s"])
    chars = list(name)
    i = rng.randrange(len(chars))
    op = rng.random()
    if op < 0.4:
        chars[i] = rng.choice("aeiouykhsz")
    elif op < 0.7 and len(chars) > 4:
        del chars[i]
    else:
        chars.insert(i, chars[i])
    return "".join(chars)


def grow(names: list[tuple[str, str]], size: int, rng: random.Random) -> list[tuple[str, str]]:
    out = dict.fromkeys(names)
    while len(out) < size:
        text, label = rng.choice(names)
        out[(variant(text, rng), label)] = None
    return list(out)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2k,5k,20k,50k")
    parser.add_argument("--articles", type=int, default=225)
    args = parser.parse_args()
    if not (EVAL / "basil").is_dir():
        print(f"BASIL not found under {EVAL}: nothing to measure")
        return
    from factdesk.nlp.aliases import AliasResolver

    t0 = time.perf_counter()
    names = ner_names(args.articles)
    print(f"{len(names)} distinct names from {args.articles} BASIL articles "
          f"(NER {time.perf_counter() - t0:.0f} s)")
    rng = random.Random(20261122)
    print(f"{'names':>8} {'seconds':>8} {'groups':>8}")
    batches: list[tuple[list[tuple[str, str]], dict[str, str]]] = []
    for label in args.sizes.split(","):
        size = int(float(label.lower().rstrip("k")) * (1000 if label.lower().endswith("k") else 1))
        mentions = grow(names, size, rng)
        best = float("inf")
        groups = 0
        for _ in range(3):
            t0 = time.perf_counter()
            canonical = AliasResolver().resolve(mentions)
            best = min(best, time.perf_counter() - t0)
            groups = len(set(canonical.values()))
        print(f"{len(mentions):8d} {best:8.2f} {groups:8d}")
        batches.append((mentions, canonical))
    print(f"\none import batch (80 new spellings), and an alias edit, in a project holding "
          f"the names:\n{'names':>8} {'project-wide s':>15} {'related only s':>15} "
          f"{'alias edit s':>13}")
    for mentions, canonical in batches:
        full, related, alias = batch_costs(mentions, canonical, rng)
        print(f"{len(mentions):8d} {full:15.2f} {related:15.3f} {alias:13.2f}")


def batch_costs(mentions: list[tuple[str, str]], canonical: dict[str, str],
                rng: random.Random) -> tuple[float, float, float]:
    """Seconds of one batch's spellings in a project storing ``mentions``: resolved
    project-wide, and against the related stored spellings only; then of an alias edit
    (the project-wide refresh it triggers)."""
    from factdesk.core import spellings
    from factdesk.core.project import Project
    from factdesk.model.models import MentionDraft

    new = [(variant(text, rng), label) for text, label in rng.sample(mentions, 80)]
    with tempfile.TemporaryDirectory() as tmp, Project.open(Path(tmp) / "p.factdesk") as p:
        with p.transaction():
            for start in range(0, len(mentions), 20):
                article = p.articles.add(
                    title=f"a{start}", outlet="o", author="", published=None, url="",
                    source_name=f"a{start}.txt", text="x", text_hash=f"h{start}", raw=b"x")
                p.entities.replace_mentions(article, [
                    MentionDraft(0, 1, text, label, canonical.get(text, text))
                    for text, label in mentions[start:start + 20]])
        costs = []
        default = spellings.LARGE_PROJECT_NAMES
        for limit in (10**9, 0):  # project-wide, then related only
            spellings.LARGE_PROJECT_NAMES = limit
            t0 = time.perf_counter()
            spellings.BatchSpellings(p).forms(new)
            costs.append(time.perf_counter() - t0)
        spellings.LARGE_PROJECT_NAMES = default
        person = next(text for text, label in mentions if label == "PERSON")
        p.entities.add_alias(person, person + " (alias)")
        t0 = time.perf_counter()
        spellings.refresh_canonical_forms(p)
        costs.append(time.perf_counter() - t0)
    return costs[0], costs[1], costs[2]


if __name__ == "__main__":
    main()

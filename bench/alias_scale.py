"""Merging entity spellings at archive scale: how long one project-wide resolution takes.

Every import batch (8 articles) and every alias edit resolves all the project's entity
names at once (:class:`factdesk.nlp.aliases.AliasResolver`). This bench takes the
names spaCy's NER finds in the BASIL development articles (people, places,
organisations: real names, real spelling variety), grows them to archive sizes with
spelling variants (a letter changed, dropped or doubled, a transliteration suffix, a
bare surname, an initial), as a large archive collects them, and prints the time of one
resolution at each size (best of 3) and how many groups the names fall into.

    python bench/alias_scale.py [--sizes 2k,5k,20k,50k] [--articles 225]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import EVAL, basil_articles  # noqa: E402

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


if __name__ == "__main__":
    main()

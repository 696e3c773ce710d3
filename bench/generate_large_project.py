"""Generate a large project (default 10,000 articles, ~300,000 claims) for scale benches.

Articles are BASIL development articles and the seeds, varied: paragraphs shuffled,
numbers changed, names swapped between articles, so that every text (and hash) is
distinct. Claims are the articles' sentences (no spaCy: this measures storage, search
and the window, not NLP), with kinds, scores, speakers and retrieval terms filled in;
some carry verdicts and matches. Without ../shared the seeds alone are varied.

    python bench/generate_large_project.py OUT.factdesk [--articles 10000]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import EVAL, basil_articles

from factdesk.core.project import Project
from factdesk.model.models import ClaimDraft, MatchDraft

KINDS = ("statistic", "quote", "event", "attribution", "other")
LOW_SCORE = 0.05  # share of sentences left unclaimed (~30 claims per article)
_SENT = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")
_NUM = re.compile(r"\b\d+\b")
_STOP = frozenset("the a an of to in and or for on at by with from that this is was were be "
                  "has have had it its as are said says but not".split())


def source_texts() -> list[tuple[str, str, str]]:
    """(title, outlet, text) of the base articles."""
    base: list[tuple[str, str, str]] = []
    if (EVAL / "basil").is_dir():
        for a in basil_articles():
            base.append((a["title"] or "untitled", a["source"] or "", a["text"]))
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        base.append((text.splitlines()[0][:80], "seed", text))
    return base


def vary(text: str, other: str, rng: random.Random) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    rng.shuffle(paragraphs)
    keep = paragraphs[: max(3, int(len(paragraphs) * rng.uniform(0.8, 1.0)))]
    extra = [p for p in other.split("\n\n") if p.strip()]
    keep += rng.sample(extra, k=min(len(extra), max(2, int(len(extra) * 0.2))))
    joined = "\n\n".join(keep)
    return _NUM.sub(lambda m: str(int(m.group()) + rng.randint(0, 40)), joined)


def terms(sentence: str) -> str:
    words = [w.lower() for w in re.findall(r"[A-Za-z]+|\d+", sentence)]
    return " ".join(w for w in words if w not in _STOP and len(w) > 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.output.exists():
        sys.exit(f"{args.output} exists; remove it first")
    rng = random.Random(args.seed)
    base = source_texts()
    t0 = time.perf_counter()
    n_claims = 0
    with Project.open(args.output) as project:
        project.db.execute("PRAGMA synchronous = OFF")
        claim_ids: list[int] = []
        for start in range(0, args.articles, 250):
            with project.transaction():
                for i in range(start, min(start + 250, args.articles)):
                    title, outlet, text = base[i % len(base)]
                    body = vary(text, base[rng.randrange(len(base))][2], rng) + f"\n\n(Variant {i}.)"
                    digest = hashlib.sha256(body.encode()).hexdigest()
                    aid = project.articles.add(
                        title=f"{title} ({i})", outlet=outlet or rng.choice(["AP", "AFP"]),
                        author="", published=f"20{10 + i % 12:02d}-{1 + i % 12:02d}-"
                        f"{1 + i % 28:02d}", url=f"https://example.org/a/{i}",
                        source_name=f"gen-{i}.txt", text=body, text_hash=digest,
                        raw=body.encode())
                    pos = 0
                    for sentence in _SENT.split(body):
                        begin = body.find(sentence, pos)
                        end = begin + len(sentence)
                        pos = end
                        score = rng.random()
                        # like the extractor: short or low-scoring sentences are no claims
                        if len(sentence) < 30 or score < LOW_SCORE:
                            continue
                        cid = project.claims.add(aid, ClaimDraft(
                            begin, end, sentence, body[max(0, begin - 32):begin],
                            body[end:end + 32], rng.choice(KINDS), round(score, 3),
                            speaker=None, lemmas=terms(sentence)))
                        claim_ids.append(cid)
                        n_claims += 1
                    project.articles.mark_extracted(aid)
            print(f"\r{min(start + 250, args.articles)} articles, {n_claims} claims",
                  end="", file=sys.stderr)
        with project.transaction():
            for cid in rng.sample(claim_ids, min(2000, len(claim_ids))):
                project.verdicts.set_field(cid, "rating", rng.choice(["True", "False",
                                                                      "Misleading"]), "bench")
                project.verdicts.set_field(cid, "rationale",
                                           "<p>Checked against the <b>official</b> count.</p>",
                                           "bench")
            pairs = [MatchDraft(a, b, rng.random(), "related")
                     for a, b in zip(rng.sample(claim_ids, 5000), rng.sample(claim_ids, 5000),
                                     strict=True) if a != b]
            project.matches.save_suggestions(pairs)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = args.output.stat().st_size / 1e6
    print(f"\n{args.output}: {args.articles} articles, {n_claims} claims, {size:.0f} MB, "
          f"{time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()

"""Which speakers change on BASIL dev between another revision's speaker code and this one.

Every BASIL development article is parsed once, with this checkout's pipeline (without
its claim component), and the parses are kept; the speaker code of both revisions
(``factdesk.nlp.claim_kinds.classify_sentences``) then reads the very same parses, each
in a child process importing its own copy of ``factdesk`` (the other revision's is
``git archive``d into a temporary folder). Scores play no part (a zero scorer). It
prints how many sentences have a speaker under each, the changes by type (none -> a
speaker, a speaker -> none, one -> another), and writes every change, with its
paragraph and the one before, to a text file for reading by hand: ``--out``. A sentence
is compared with the sentence of this checkout that holds its start, so a revision that
joins two sentences (a bare attribution to its quotation) shows the joined one, marked.

Usage: ``python bench/speaker_changes.py [--base main] [--out speaker_changes.txt]``
(~4 minutes on one core). Exits 0 with a message without the data.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from _shared import REPO, basil_articles

_READ = """
import json, sys
import spacy
from spacy.tokens import DocBin
import factdesk
from factdesk.nlp.claim_kinds import classify_sentences

print("speakers read by", factdesk.__file__, file=sys.stderr)

class Zero:
    def score(self, texts):
        return [0.0] * len(texts)

docs = DocBin().from_disk(sys.argv[1]).get_docs(spacy.blank("en").vocab)
rows = [[(a.start, a.end, a.speaker) for a in classify_sentences(doc, Zero())]
        for doc in docs]
json.dump(rows, open(sys.argv[2], "w"))
"""


def _parse(texts: list[str], path: Path) -> None:
    from spacy.tokens import DocBin  # lazy: spaCy

    from factdesk.nlp.pipeline import build_pipeline

    nlp = build_pipeline(None)
    found = DocBin()
    with nlp.select_pipes(disable=["factdesk_claims"]):
        for doc in nlp.pipe(texts, batch_size=8):
            found.add(doc)
    found.to_disk(path)


def _speakers(code_root: Path, parses: Path, out: Path) -> list:
    # run in ``code_root``: ``python -c`` puts the working folder first on sys.path
    subprocess.run([sys.executable, "-c", _READ, str(parses), str(out)], check=True,
                   cwd=code_root, env={**os.environ, "PYTHONPATH": str(code_root)})
    return json.loads(out.read_text())


def _paragraph_before(text: str, start: int) -> tuple[str, str]:
    cut = text.rfind("\n\n", 0, start)
    para = cut + 2 if cut >= 0 else 0
    cut = text.rfind("\n\n", 0, max(0, para - 2))
    return text[cut + 2 if cut >= 0 else 0:para].strip(), text[para:start].strip()


def _holding(rows: list, start: int, end: int) -> tuple[int, int, str | None]:
    """The row (start, end, speaker) of ``rows`` holding the sentence at ``start``;
    the sentence itself with no speaker when none does."""
    for row_start, row_end, speaker in rows:
        if row_start <= start < row_end:
            return row_start, row_end, speaker
    return start, end, None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="the revision to compare with")
    parser.add_argument("--out", default="speaker_changes.txt", help="every change")
    args = parser.parse_args()
    articles = basil_articles()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = work / "base"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.base, "factdesk"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        _parse([a["text"] for a in articles], work / "parses.spacy")
        before = _speakers(base, work / "parses.spacy", work / "before.json")
        after = _speakers(REPO, work / "parses.spacy", work / "after.json")
    changes: Counter[str] = Counter()
    lines = []
    joined = 0
    for article, rows_a, rows_b in zip(articles, before, after, strict=True):
        for n, (start, end, was) in enumerate(rows_a):
            # the sentence of this checkout holding this one's start: the same sentence,
            # or one that joins it to another (a bare attribution cut off its quotation)
            now_start, now_end, now = _holding(rows_b, start, end)
            whole = (now_start, now_end) != (start, end)
            joined += whole
            if was == now:
                continue
            changes["none -> a speaker" if not was else "a speaker -> none" if not now
                    else "one speaker -> another"] += 1
            prev, para = _paragraph_before(article["text"], start)
            lines += [f"--- {article['source']} {article['uuid'][:8]} #{n}: {was!r} -> {now!r}"
                      + (" (joined)" if whole else ""),
                      f"   PREV: {prev[-500:]}", f"   PARA: {para[-500:]}",
                      f"   SENT: {article['text'][start:end]}"]
            if whole:
                lines.append(f"   NOW:  {article['text'][now_start:now_end]}")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    total = sum(len(rows) for rows in before)
    print(f"BASIL dev: {len(articles)} articles, {total} sentences")
    print(f"with a speaker: {args.base} {sum(1 for r in before for s in r if s[2])}, "
          f"this checkout {sum(1 for r in after for s in r if s[2])}")
    print(f"sentences of {args.base} now part of a longer sentence: {joined}")
    print(f"changed: {sum(changes.values())} ({', '.join(f'{k} {v}' for k, v in changes.items())})")
    print(f"every change, with its paragraph and the one before: {args.out}")


if __name__ == "__main__":
    main()

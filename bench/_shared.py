"""Helpers the benchmark scripts share: where ../shared/eval is, and BASIL articles."""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"


def eval_path(*parts: str) -> Path:
    """A path under ../shared/eval; exits 0 with a message when it is not there."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        print(f"skipped: {path} is not available (the evaluation data lives in ../shared/eval)")
        sys.exit(0)
    return path


def basil_articles(limit: int | None = None) -> list[dict]:
    """BASIL development articles: id, text (paragraphs joined), date, source, triplet."""
    articles = []
    with eval_path("basil", "articles-dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            paragraphs = [" ".join(p) for p in row.get("body-paragraphs", [])]
            articles.append({"uuid": row["uuid"], "text": "\n\n".join(paragraphs),
                             "date": row.get("date"), "source": row.get("source"),
                             "title": row.get("title"), "triplet": row.get("triplet-uuid"),
                             "paragraphs": row.get("body-paragraphs", [])})
            if limit and len(articles) >= limit:
                break
    return articles

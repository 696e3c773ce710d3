"""Queries with no Snopes claim in mind, by set, for measuring the archive search's floor.

None of them is used to train or tune the relevance model
(:mod:`factdesk.matching.train_archive_relevance` trains on MRPC's first 2,000 unique
first sentences and 2,000 MRPC sentences of rows not measured here, 2,000 ClaimBuster
sentences and the STS headlines of 2013-14; :func:`training_overlap` checks it):

* **STS headlines 2015-16**: political and world news headlines, the hardest set, since
  the Snopes archive covers the same people;
* **STS deft-news 2014**: lower-cased news sentences (DEFT), mostly world politics;
* **ECB+ sentences**: news sentences on events Snopes did not check (earthquakes,
  arrests, film casting, piracy), from the ECB+ pairs' train and dev topics;
* **BASIL sentences**: body sentences (six words or more) of the BASIL articles on US
  politics 2010-2019, a random 1,500 (seed 24);
* **MRPC held-out rows**: both sentences of the MRPC training rows whose first sentence
  the model did not train on (2003-04 news; the same source as a training set, so the
  least independent of the five).

Each set is capped at 1,500 queries. The files are read from ``../shared/eval``; a set
whose file is missing is left out.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
LIMIT = 1500
SEED = 24


def _tsv(path: Path) -> list[list[str]]:
    """Rows of a tab-separated file split on tabs only (STS holds unbalanced quotes)."""
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8-sig")][1:]


def _shuffled(texts: list[str]) -> list[str]:
    texts = list(dict.fromkeys(texts))
    random.Random(SEED).shuffle(texts)
    return texts[:LIMIT]


def sts_headlines_measured() -> list[str]:
    from factdesk.matching.train_archive_relevance import (
        MEASURED_HEADLINE_YEARS,
        TRAINING_HEADLINE_YEARS,
        sts_headlines,
    )

    return sts_headlines(MEASURED_HEADLINE_YEARS,
                         exclude=sts_headlines(TRAINING_HEADLINE_YEARS))[:LIMIT]


def sts_deft_news() -> list[str]:
    rows = [r for r in _tsv(EVAL / "sts-news" / "sts-news-train-dev.tsv")
            if len(r) > 7 and r[2] == "deft-news"]
    return list(dict.fromkeys([r[6] for r in rows] + [r[7] for r in rows]))[:LIMIT]


def ecbplus_sentences() -> list[str]:
    rows = [r for r in _tsv(EVAL / "ecbplus" / "pairs-train-dev.tsv") if len(r) > 6]
    return _shuffled([r[5] for r in rows] + [r[6] for r in rows])


def basil_sentences() -> list[str]:
    texts = []
    with (EVAL / "basil" / "articles-dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            for paragraph in json.loads(line).get("body-paragraphs", []):
                texts.extend(s for s in paragraph if len(s.split()) >= 6)
    return _shuffled(texts)


def mrpc_held_out() -> list[str]:
    from factdesk.matching.train_archive_relevance import mrpc_measured_sentences

    return mrpc_measured_sentences(LIMIT)


SETS = {
    "STS headlines 2015-16": (("sts-news", "sts-news-train-dev.tsv"), sts_headlines_measured),
    "STS deft-news 2014": (("sts-news", "sts-news-train-dev.tsv"), sts_deft_news),
    "ECB+ sentences": (("ecbplus", "pairs-train-dev.tsv"), ecbplus_sentences),
    "BASIL sentences": (("basil", "articles-dev.jsonl"), basil_sentences),
    "MRPC held-out rows": (("mrpc", "msr_paraphrase_train.txt"), mrpc_held_out),
}


def training_overlap(sets: dict[str, list[str]]) -> int:
    """How many of the sets' queries are training queries of the relevance model (0)."""
    from factdesk.matching.train_archive_relevance import (
        mrpc_extra_sentences,
        unrelated_training_queries,
    )

    trained = set(unrelated_training_queries()) | set(mrpc_extra_sentences())
    return sum(text in trained for texts in sets.values() for text in texts)


def unrelated_sets() -> dict[str, list[str]]:
    """Each available set's queries, in the order of :data:`SETS`."""
    return {name: load() for name, (parts, load) in SETS.items()
            if EVAL.joinpath(*parts).exists()}

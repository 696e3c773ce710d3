"""Readers and measures for the check-worthiness benchmarks (CLEF transcripts, MAP, ECE).

CLEF CheckThat! 2019 Task 1 / 2020 Task 5 development transcripts live in
``../shared/eval/clef-checkworthy`` (see its README). Documents that are the same debate
or speech under two names are put in one group, so a grouped split never trains on one
and evaluates on its twin. The 2016 presidential debates are also in ClaimBuster's
crowdsourced set (file ids 2016-09-26, 2016-10-09, 2016-10-19): a scorer trained on
ClaimBuster is evaluated on the other documents only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: Same event under two names, or a draft and the delivered speech (the README's list).
SAME_EVENT = (
    ("20160209_msnbc_dem", "20160204_democrats_new_hampshire"),
    ("20160226_10_gop", "20160225_GOP_texas"),
    ("20160414_9dem", "20160415_NY_democratic_debate"),
    ("20170315_nashville", "20170315_Trump_Nashville"),
    ("20170216_trump_press", "20170216_Trump_press_conference"),
    ("20170228_trump_address", "20170228_Trump_Congress_joint_session"),
    ("20170601_paris_climate_n", "20170601_Trump_Paris_Climate"),
    ("20160722_trump_acceptance", "20160721_Trump_draft_RNC"),
)
#: CLEF documents whose debate is in ClaimBuster's crowdsourced set.
IN_CLAIMBUSTER = frozenset({"20160926_1pres", "20161010_2pres", "20161019_3pres"})


@dataclass(frozen=True)
class Transcript:
    """One CLEF document: year folder, id, speakers, sentences and 0/1 labels."""

    year: str
    name: str
    speakers: list[str]
    texts: list[str]
    labels: np.ndarray

    @property
    def group(self) -> str:
        for first, second in SAME_EVENT:
            if self.name == second:
                return first
        return self.name


def read_clef(root: Path) -> list[Transcript]:
    """Every transcript under ``root`` (``clef2019-train``, ``clef2020-train``)."""
    docs = []
    for year in ("2019", "2020"):
        for path in sorted((root / f"clef{year}-train").glob("*.tsv")):
            rows = [line.rstrip("\r\n").split("\t")
                    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            docs.append(Transcript(year, path.stem, [r[1] for r in rows], [r[2] for r in rows],
                                   np.asarray([int(r[-1]) for r in rows], dtype=np.int64)))
    return docs


def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    """AP of one document ranked by ``scores`` (descending, ties in input order)."""
    order = np.argsort(-np.asarray(scores), kind="stable")
    ranked = labels[order]
    hits = np.cumsum(ranked)
    precision = hits / np.arange(1, len(ranked) + 1)
    return float(precision[ranked == 1].mean()) if ranked.sum() else 0.0


def map_by_year(docs: list[Transcript], scores: list[np.ndarray],
                skip: frozenset[str] = frozenset()) -> dict[str, float]:
    """Mean AP per year folder over the documents not in ``skip``."""
    out: dict[str, list[float]] = {"2019": [], "2020": []}
    for doc, s in zip(docs, scores, strict=True):
        if doc.name not in skip:
            out[doc.year].append(average_precision(s, doc.labels))
    return {year: float(np.mean(v)) for year, v in out.items() if v}


def group_folds(docs: list[Transcript], folds: int, seed: int) -> list[int]:
    """A fold number per document; the documents of one group share a fold."""
    groups = sorted({d.group for d in docs})
    np.random.RandomState(seed).shuffle(groups)
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    return [fold_of[d.group] for d in docs]


def reliability(probs: np.ndarray, labels: np.ndarray, bins: int = 10) -> tuple[float, list]:
    """Expected calibration error and (bin low, count, mean prob, positive rate) rows."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(probs, edges[1:-1]), 0, bins - 1)
    rows, ece = [], 0.0
    for b in range(bins):
        mask = which == b
        if not mask.any():
            continue
        mean_p, rate = float(probs[mask].mean()), float(labels[mask].mean())
        ece += mask.mean() * abs(mean_p - rate)
        rows.append((float(edges[b]), int(mask.sum()), mean_p, rate))
    return float(ece), rows

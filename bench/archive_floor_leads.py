"""Leads for a stricter archive-search floor, each refitted and measured the same way.

The archive search answers a query only when its best hit's calibrated relevance
(:mod:`factdesk.matching.archive_relevance`) reaches a floor. This bench refits that
logistic regression with one candidate change at a time and prints, for each, the dev
MAP@5 with the floor and the share of each unrelated query set it silences
(``bench/_unrelated_queries.py``; none of them is used for fitting or tuning):

* **soft alignment** (the share of the *check's* claim, IDF-weighted, whose words find
  a partner in the query at a WordLlama word cosine of at least 0.5-0.8; all claim
  words, or its non-name words only), and the IDF-weighted mean of each claim word's
  best cosine;
* **a two-tier floor**: a best hit whose only shared evidence is names (no shared
  content word, no aligned content word at cosine 0.6) needs a higher floor;
* **the rarest claim word missing** from the query (its IDF), and **the claim's names
  missing** from the query (their IDF share).

Every variant is fitted exactly as ``python -m factdesk.matching.train_archive_relevance``
fits the shipped model: the 800 CLEF-2020 Task 2 training tweets and the training's
unrelated queries, in the three training archives, five folds grouped by query; the
floor is the strictest 0.001 step whose out-of-fold training MAP@5 stays within 0.01 of
the unfloored re-ranking (for the two-tier floor, the pair of floors under the same cost
that silences most of the *training's* unrelated queries out of fold). Dev and the
unrelated sets are only measured.

    python bench/archive_floor_leads.py        # about 10 min on one core

Needs ``../shared/eval`` (exits 0 without it), scikit-learn and wordllama.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))  # its helper modules

from _shared import eval_path  # noqa: E402

from factdesk.matching.archive_index import (  # noqa: E402
    _SENTENCE_END,
    _TOKEN_RE,
    ArchiveIndex,
    _clean,
    _normalise,
    stem,
)
from factdesk.matching.archive_overlap import term_weight  # noqa: E402

#: Word cosines at which a claim word counts as found in the query.
TAUS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)
#: The cosine at which a non-identical content word counts as shared evidence (tier).
TIER_COSINE = 0.6
#: Cosine at which a claim word counts as present for the "missing" leads.
PRESENT_COSINE = 0.8
EXTRA = (*(f"claim_aligned_{t}" for t in TAUS),
         *(f"claim_content_aligned_{t}" for t in TAUS),
         "claim_soft", "claim_content_soft", "shared_content_words", "aligned_content_words",
         "missing_rarest_idf", "missing_rarest_exact", "claim_names_missing")


def words(text: str) -> list[tuple[str, str, bool]]:
    """The content words of ``text`` as ``(lower-case word, stem, name-like)``, read as
    :func:`factdesk.matching.archive_index.tokenise` reads them."""
    text = _normalise(text)
    out, previous = [], 0
    for m in _TOKEN_RE.finditer(text):
        raw, start = m.group(0), m.start()
        gap, previous = text[previous:start], m.end()
        low = _clean(raw)
        if low is None:
            continue
        if raw[0].isdigit() or raw.isupper() or gap.endswith("\x00"):
            name = True
        elif raw[0].isupper():
            name = start > 0 and not any(ch in _SENTENCE_END for ch in gap)
        else:
            name = False
        out.append((low, stem(low), name))
    return out


class WordVectors:
    """WordLlama vectors of single words (the mean of their tokens), cached."""

    def __init__(self) -> None:
        from factdesk.nlp.embeddings import load_sentence_encoder

        self.encoder = load_sentence_encoder()
        self.cache: dict[str, np.ndarray] = {}

    def of(self, items: Sequence[str]) -> np.ndarray:
        missing = [w for w in dict.fromkeys(items) if w not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.encoder.encode(missing), strict=True))
        if not items:
            return np.zeros((0, self.encoder.table.shape[1]), dtype=np.float32)
        return np.stack([self.cache[w] for w in items])


@dataclass
class ClaimWords:
    stems: list[str]
    names: np.ndarray  # bool per stem
    idf: np.ndarray
    vectors: np.ndarray


def claim_words(index: ArchiveIndex, position: int, vectors: WordVectors) -> ClaimWords:
    """The claim's distinct non-number words, with name flags, IDF and word vectors."""
    seen: dict[str, tuple[str, bool]] = {}
    for low, stemmed, name in words(index.claims[position]):
        if not any(c.isdigit() for c in low):
            first = seen.get(stemmed, (low, False))
            seen[stemmed] = (first[0], first[1] or name)
    stems = list(seen)
    return ClaimWords(stems, np.array([seen[s][1] for s in stems], dtype=bool),
                      np.array([term_weight(index, s) for s in stems]),
                      vectors.of([seen[s][0] for s in stems]))


def _share(idf: np.ndarray, mask: np.ndarray, of: float) -> float:
    return float(idf[mask].sum() / of) if of > 0 else 0.0


def extra_features(index: ArchiveIndex, vectors: WordVectors, query: str,
                   positions: np.ndarray, cache: dict[int, ClaimWords]) -> np.ndarray:
    """One row of :data:`EXTRA` per candidate."""
    found = words(query)
    query_vectors = vectors.of(list(dict.fromkeys(w for w, _, _ in found if not w.isdigit())))
    query_stems = {s for _, s, _ in found}
    query_content = {s for _, s, n in found if not n and not any(c.isdigit() for c in s)}
    rows = np.zeros((len(positions), len(EXTRA)))
    for r, position in enumerate(int(p) for p in positions):
        claim = cache.get(position)
        if claim is None:
            claim = cache[position] = claim_words(index, position, vectors)
        if not claim.stems:
            continue
        best = ((claim.vectors @ query_vectors.T).max(axis=1) if query_vectors.size
                else np.zeros(len(claim.stems)))
        exact = np.array([s in query_stems for s in claim.stems])
        best = np.where(exact, 1.0, best)
        idf, content = claim.idf, ~claim.names
        total, content_total = idf.sum(), idf[content].sum()

        check = index.claim_terms[position] | index.title_terms[position]
        missing = best < PRESENT_COSINE
        names_total = idf[claim.names].sum()
        rows[r] = (
            *(_share(idf, best >= t, total) for t in TAUS),
            *(_share(idf, content & (best >= t), content_total) for t in TAUS),
            float((idf * np.clip(best, 0, 1)).sum() / total),
            float((idf[content] * np.clip(best[content], 0, 1)).sum() / content_total)
            if content_total > 0 else 0.0,
            len(query_content & check),
            float((content & ~exact & (best >= TIER_COSINE)).sum()),
            float(idf[missing].max()) if missing.any() else 0.0,
            float(idf[~exact].max()) if (~exact).any() else 0.0,
            _share(idf, claim.names & missing, names_total),
        )
    return rows


@dataclass
class Candidates:
    """Every query's candidates in one archive: ids, base features, extra features."""

    ids: list[list[str]]
    base: list[np.ndarray]
    extra: list[np.ndarray]


def candidates(archive: list[tuple[str, str, str]], texts: list[str],
               vectors: WordVectors) -> tuple[Candidates, float]:
    """The candidates, and the extra features' cost in ms a query."""
    from factdesk.matching.archive_relevance import (
        FEATURE_NAMES,
        RelevanceModel,
        RelevanceSearch,
    )

    index = ArchiveIndex(archive)
    placeholder = RelevanceModel(np.zeros(len(FEATURE_NAMES)), 0.0, 0.0, FEATURE_NAMES)
    search = RelevanceSearch(index, [t for _, _, t in archive], placeholder)
    found = search.features(texts)
    cache: dict[int, ClaimWords] = {}
    t0 = time.perf_counter()
    extra = [extra_features(index, vectors, q, p, cache) for q, (p, _) in
             zip(texts, found, strict=True)]
    cost = (time.perf_counter() - t0) / max(len(texts), 1) * 1000
    return Candidates([[index.doc_ids[int(i)] for i in p] for p, _ in found],
                      [f for _, f in found], extra), cost


def columns(data: Candidates, i: int, extra: Sequence[str]) -> np.ndarray:
    rows = data.base[i]
    if extra:
        rows = np.column_stack([rows, data.extra[i][:, [EXTRA.index(e) for e in extra]]])
    return rows


#: Floors at which every single-floor variant is also measured (the floor the rule picks
#: moves by a few thousandths from one fit to the next, and the shares move with it).
CURVE_FLOORS = (0.02, 0.025, 0.03)

#: A tier rule: given a query's extra rows and probabilities, does its best hit need the
#: higher floor?
Tier = Callable[[np.ndarray, np.ndarray], bool]


def names_only(extra: np.ndarray, p: np.ndarray) -> bool:
    """The best hit shares no content word and aligns none: only names (or nothing)."""
    top = extra[int(np.argmax(p))]
    return (top[EXTRA.index("shared_content_words")] == 0
            and top[EXTRA.index("aligned_content_words")] == 0)


def _best(p: np.ndarray) -> float:
    return float(p.max()) if p.size else 0.0


def run(label: str, extra: Sequence[str], tier: Tier | None, training: dict,
        measured: dict) -> dict:
    """Fit one variant as the training script does; measure it on dev and the sets."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from factdesk.matching.train_archive_relevance import (
        FOLDS,
        MAX_MAP_COST,
        C,
        list_map,
    )

    qrels, n_tweets = training["qrels"], len(training["qrels"])
    x, y, groups, spans = [], [], [], []
    offset = 0
    for name, data in training["archives"].items():
        for i, ids in enumerate(data.ids):
            relevant = qrels[i] if i < n_tweets else set()
            x.append(columns(data, i, extra))
            y.extend(int(d in relevant) for d in ids)
            groups.extend([i] * len(ids))
            if name == "full":
                spans.append((offset, len(ids)))
            offset += len(ids)
    xs, ys, gs = np.vstack(x), np.array(y), np.array(groups)
    oof = np.zeros(len(ys))
    for train, test in GroupKFold(FOLDS).split(xs, ys, gs):
        model = LogisticRegression(C=C, max_iter=3000).fit(xs[train], ys[train])
        oof[test] = model.predict_proba(xs[test])[:, 1]
    full = training["archives"]["full"]
    tweets = [(full.ids[i], oof[s:s + n], qrels[i]) for i, (s, n) in enumerate(spans[:n_tweets])]
    others = [oof[s:s + n] for s, n in spans[n_tweets:]]
    tweet_tier = [bool(tier and p.size and tier(full.extra[i], p))
                  for i, (_, p, _) in enumerate(tweets)]
    other_tier = [bool(tier and p.size and tier(full.extra[n_tweets + j], p))
                  for j, p in enumerate(others)]
    base = list_map(tweets, 0.0)
    # a list's AP does not depend on the floor, only whether the list is answered
    tweet_ap = np.array([list_map([t], 0.0) for t in tweets])
    tweet_best = np.array([_best(p) for _, p, _ in tweets])
    hard_tweets = np.array(tweet_tier)

    def floored_map(low: float, high: float) -> float:
        return float(np.mean(tweet_ap * (tweet_best >= np.where(hard_tweets, high, low))))

    grid = [round(0.001 * k, 3) for k in range(1, 300)]
    low = 0.0
    for f in grid:
        if floored_map(f, f) < base - MAX_MAP_COST:
            break
        low = f
    high = low
    if tier is not None:  # the pair of floors within the cost silencing most, out of fold
        best_share = -1.0
        for a in [f for f in grid if f <= low][::-1][:30]:
            b = a
            for f in (g for g in grid if g >= a):
                if floored_map(a, f) < base - MAX_MAP_COST:
                    break
                b = f
            share = np.mean([_best(p) < (b if hard else a)
                             for p, hard in zip(others, other_tier, strict=True)])
            if share > best_share:
                best_share, low, high = share, a, b
    other_best = np.array([_best(p) for p in others])
    oof_silenced = float(np.mean(other_best < np.where(other_tier, high, low)))
    model = LogisticRegression(C=C, max_iter=3000).fit(xs, ys)

    def answered(data: Candidates, i: int) -> tuple[np.ndarray, bool]:
        rows = columns(data, i, extra)
        p = model.predict_proba(rows)[:, 1] if rows.shape[0] else np.zeros(0)
        return p, bool(tier and p.size and tier(data.extra[i], p))

    dev = measured["dev"]
    dev_lists, dev_floors = [], []
    for i, relevant in enumerate(measured["dev_qrels"]):
        p, hard = answered(dev, i)
        dev_lists.append((dev.ids[i], p, relevant))
        dev_floors.append(high if hard else low)
    dev_map = float(np.mean([list_map([t], f) for t, f in zip(dev_lists, dev_floors,
                                                               strict=True)]))
    silenced, curve = {}, []
    flags = {name: [answered(data, i) for i in range(len(data.ids))]
             for name, data in measured["sets"].items()}
    for name, answers in flags.items():
        silenced[name] = float(np.mean([_best(p) < (high if hard else low)
                                        for p, hard in answers]))
    if tier is None:  # the same model at common floors, to compare at equal floors
        for floor in CURVE_FLOORS:
            curve.append((floor, floored_map(floor, floor), float(np.mean(other_best < floor)),
                          list_map(dev_lists, floor),
                          [float(np.mean([_best(p) < floor for p, _ in answers]))
                           for answers in flags.values()]))
    return {"label": label, "floors": (low, high), "dev_map5": dev_map,
            "oof_silenced": oof_silenced, "silenced": silenced, "curve": curve}


VARIANTS: list[tuple[str, list[str], Tier | None]] = [
    ("shipped features, refitted", [], None),
    ("+ claim aligned (cos 0.5)", ["claim_aligned_0.5", "claim_content_aligned_0.5"], None),
    ("+ claim aligned (cos 0.6)", ["claim_aligned_0.6", "claim_content_aligned_0.6"], None),
    ("+ claim aligned (cos 0.7)", ["claim_aligned_0.7", "claim_content_aligned_0.7"], None),
    ("+ claim aligned (cos 0.75)", ["claim_aligned_0.75", "claim_content_aligned_0.75"], None),
    ("+ claim aligned (cos 0.8)", ["claim_aligned_0.8", "claim_content_aligned_0.8"], None),
    ("+ claim aligned (cos 0.85)", ["claim_aligned_0.85", "claim_content_aligned_0.85"], None),
    ("+ claim aligned (cos 0.9)", ["claim_aligned_0.9", "claim_content_aligned_0.9"], None),
    ("+ claim soft alignment (mean best cos)", ["claim_soft", "claim_content_soft"], None),
    ("two-tier floor (names-only best hit)", [], names_only),
    ("+ rarest claim word missing (cos 0.8)", ["missing_rarest_idf"], None),
    ("+ rarest claim word missing (exact)", ["missing_rarest_exact"], None),
    ("+ claim's names missing (IDF share)", ["claim_names_missing"], None),
]


def split_measured(everything: Candidates, dev_count: int, dev_qrels: dict,
                   sets: dict[str, list[str]]) -> dict:
    """The dev queries' and each unrelated set's rows of ``everything`` (dev first, then
    the sets in order), as :func:`run` reads them."""
    def part(start: int, n: int) -> Candidates:
        return Candidates(everything.ids[start:start + n], everything.base[start:start + n],
                          everything.extra[start:start + n])

    measured = {"dev": part(0, dev_count), "dev_qrels": dev_qrels, "sets": {}}
    start = dev_count
    for name, texts_of_set in sets.items():
        measured["sets"][name] = part(start, len(texts_of_set))
        start += len(texts_of_set)
    return measured


def report(variants, training, measured: dict, sets: dict[str, list[str]]) -> None:
    """Fit each of ``variants`` and print it at the floor its rule picks, then every fit
    at common floors."""
    short = [n.split()[0] + " " + n.split()[1] for n in sets]
    print(f"{'variant':40} {'floor':>11} {'dev MAP@5':>9} {'train':>6}  silenced: "
          + " | ".join(short))
    curves = []
    for label, extra, tier in variants:
        r = run(label, extra, tier, training, measured)
        low, high = r["floors"]
        floors = f"{low:.3f}" if low == high else f"{low:.3f}/{high:.3f}"
        shares = " | ".join(f"{r['silenced'][n]:{len(s)}.1%}"
                            for n, s in zip(sets, short, strict=True))
        print(f"{label:40} {floors:>11} {r['dev_map5']:9.3f} {r['oof_silenced']:6.1%}  "
              f"{shares}", flush=True)
        curves.extend((label, *point) for point in r["curve"])
    print("\nthe same fits at common floors; 'train MAP' and 'train' = out-of-fold MAP@5 of "
          "the training tweets and share of the training's unrelated queries silenced")
    print(f"{'variant':40} {'floor':>6} {'train MAP':>9} {'train':>6} {'dev MAP@5':>9}  "
          "silenced: " + " | ".join(short))
    for label, floor, oof_map, oof_share, dev_map, values in sorted(curves,
                                                                    key=lambda c: c[1]):
        shares = " | ".join(f"{v:{len(s)}.1%}" for v, s in zip(values, short, strict=True))
        print(f"{label:40} {floor:6.3f} {oof_map:9.3f} {oof_share:6.1%} {dev_map:9.3f}  "
              f"{shares}")


def main() -> int:
    from _unrelated_queries import unrelated_sets

    from factdesk.matching.train_archive_relevance import (
        load_clef,
        load_docs,
        training_archives,
        unrelated_training_queries,
    )

    eval_path("clef2020-claim-retrieval")
    docs = load_docs()
    tweets, qrels = load_clef("train")
    dev_queries, dev_qrels = load_clef("dev")
    sets = unrelated_sets()
    texts = tweets + unrelated_training_queries()
    vectors = WordVectors()
    t0 = time.perf_counter()
    training = {"qrels": qrels, "archives": {}}
    for name, archive in training_archives(docs, qrels):
        training["archives"][name], cost = candidates(archive, texts, vectors)
    measured_all, cost = candidates(docs, dev_queries + [t for s in sets.values() for t in s],
                                    vectors)
    print(f"candidates and features in {time.perf_counter() - t0:.0f} s; the extra features "
          f"cost {cost:.1f} ms a query over 20 candidates (word vectors cached)")

    measured = split_measured(measured_all, len(dev_queries), dev_qrels, sets)
    print("each variant at the floor its rule picks; 'train' = the training's unrelated "
          "queries silenced out of fold (the only share a choice may be made on)")
    report(VARIANTS, training, measured, sets)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

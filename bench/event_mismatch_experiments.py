"""Mismatch evidence and a tree model for the same-event head, measured out of topic.

Fourth pass on the same-event head (docs/matching.md). Every candidate input here is
computed from what a stored claim's pair input already holds (text, tokens, lemmas,
numbers, entities, people, places, the WordLlama word table): nothing needs a fresh
parse at match time. Groups:

* **times**: years, weekdays, months and clock times written in each sentence, shared
  or clashing (both write one, none in common): two earthquakes on different days;
* **figures** (years left out): shared, clashing, clashing decimals (a magnitude 5.6 vs
  6.1), the smallest log10 gap between the two sentences' figures;
* **actions**: the IDF-weighted soft alignment (WordLlama word vectors) of the words
  that are not names (lower-case in the text), and the rare ones shared exactly;
* **names**: the soft alignment of the capitalised words alone (Izyum / Izium), the
  IDF mass of rare names shared;
* **interactions**: the sentence cosine times each clash (who, where, time, figures).

Heads: the shipped L2 logistic regression (C 0.03) on the shipped inputs plus a group;
HistGradientBoosting (depth 3, 150 trees, rate 0.05, 40 rows a leaf) on the same; and
their 50/50 blend in log-odds.

Protocol (nothing fitted on the evaluated topic): leave-one-topic-out over the 23 ECB+
train + dev topics (each topic's margins from a head fitted on the other 22), over the 20
train topics with dev never used (fitted on the other 19), and dev (fitted on the 20
train topics). ECB+ pairs only, the shipped IDF. Noise: a paired bootstrap over topics
(topics drawn with replacement, 1,000 draws) of the 23-topic AUC difference against the
shipped head, printed as the 5th-95th percentile, and the number of topics whose own AUC
rises. Uses ``../shared/eval``; exits 0 with a message without it. About 3 minutes.

    nice python bench/event_mismatch_experiments.py
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parents[1]
for path in (REPO_ROOT, REPO_ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from matching_quality import roc_auc as _auc  # noqa: E402
from pair_score_experiments import DEV_TOPICS, ECBPLUS  # noqa: E402

_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WEEKDAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_MONTH_RE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|"
                       r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
                       r"Nov|Dec)\b\.?")
_CLOCK_RE = re.compile(r"\b(\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}:\d{2}|"
                       r"\d{4}\s?(?:GMT|UTC))", re.IGNORECASE)
_CAP_RE = re.compile(r"\b[A-Z][A-Za-z]+")
_MONTH_NUMBER = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def _month(word: str) -> int:
    return _MONTH_NUMBER[word.lower()[:3]]


def _clock(text: str) -> str:
    digits = re.sub(r"[^\d]", "", text)
    pm = "p" in text.lower()
    if len(digits) == 4 and ("gmt" in text.lower() or "utc" in text.lower()):
        return digits
    hours = int(digits[:-2]) if len(digits) > 2 else int(digits)
    minutes = digits[-2:] if len(digits) > 2 else "00"
    if pm and hours < 12:
        hours += 12
    return f"{hours:02d}{minutes}"


def sentence_marks(p) -> dict:
    """Per-sentence sets the candidate inputs compare (all from the pair input)."""
    text = p.text
    years = {int(y) for y in _YEAR_RE.findall(text)}
    figures = {x for x in p.numbers if not (float(x).is_integer() and int(x) in years)}
    caps = {w.lower() for w in _CAP_RE.findall(text)[1:]}
    lower_words = {w for w in re.findall(r"[a-z]+", text)}
    return {
        "year": years,
        "weekday": {w.lower() for w in _WEEKDAY_RE.findall(text)},
        "month": {_month(m) for m in _MONTH_RE.findall(text) if m != "May"
                  or re.search(r"\bMay\s+\d", text)},
        "clock": {_clock(c) for c in _CLOCK_RE.findall(text)},
        "figures": figures,
        "caps": caps,
        "actions": [w for w in dict.fromkeys(p.lemmas) if w in lower_words
                    and w.isalpha() and w not in caps],
    }


def _shared_clash(x: set, y: set) -> tuple[float, float]:
    if not x or not y:
        return 0.0, 0.0
    shared = bool(x & y)
    return float(shared), float(not shared)


def _soft(words_a: list[str], words_b: list[str], vec, idf) -> tuple[float, float]:
    """IDF-weighted soft precision of each side against the other: (min, max)."""
    if not words_a or not words_b:
        return 0.0, 0.0
    va, vb = vec(words_a), vec(words_b)
    sim = va @ vb.T
    wa = np.array([max(idf(w), 0.0) for w in words_a]) + 1e-9
    wb = np.array([max(idf(w), 0.0) for w in words_b]) + 1e-9
    pa = float(wa @ sim.max(axis=1) / wa.sum())
    pb = float(wb @ sim.max(axis=0) / wb.sum())
    return min(pa, pb), max(pa, pb)


def _weighted_cos(words_a: list[str], words_b: list[str], vec, idf) -> float:
    """Cosine of the IDF-weighted means of the two word lists' vectors (0 if one is
    empty)."""
    if not words_a or not words_b:
        return 0.0
    wa = np.array([max(idf(w), 0.0) for w in words_a]) + 1e-9
    wb = np.array([max(idf(w), 0.0) for w in words_b]) + 1e-9
    ua, ub = wa @ vec(words_a), wb @ vec(words_b)
    denom = float(np.linalg.norm(ua) * np.linalg.norm(ub))
    return float(ua @ ub) / denom if denom > 0 else 0.0


def candidate_features(pa, pb, ma: dict, mb: dict, base: dict[str, float], idf,
                       vec) -> dict[str, float]:
    """Every candidate input of one pair; ``base``: its shipped inputs by name."""
    from factdesk.matching.number_values import numbers_match

    out: dict[str, float] = {}
    for kind in ("year", "weekday", "month", "clock"):
        out[f"{kind}_shared"], out[f"{kind}_clash"] = _shared_clash(ma[kind], mb[kind])
    out["time_clash_any"] = max(out[f"{k}_clash"] for k in ("year", "weekday", "month",
                                                             "clock"))
    out["time_shared_any"] = max(out[f"{k}_shared"] for k in ("year", "weekday", "month",
                                                               "clock"))
    fa, fb = sorted(ma["figures"]), sorted(mb["figures"])
    if fa and fb:
        shared = any(numbers_match(x, fb) for x in fa)
        out["fig_shared"], out["fig_clash"] = float(shared), float(not shared)
        da = [x for x in fa if not float(x).is_integer()]
        db = [x for x in fb if not float(x).is_integer()]
        out["fig_decimal_clash"] = float(bool(da and db)
                                         and not any(numbers_match(x, db) for x in da))
        gaps = [abs(math.log10(x / y)) for x in fa for y in fb if x > 0 and y > 0]
        out["fig_log_gap"] = min(min(gaps), 3.0) if gaps else 0.0
    else:
        out["fig_shared"] = out["fig_clash"] = out["fig_decimal_clash"] = 0.0
        out["fig_log_gap"] = 0.0
    out["act_soft_min"], out["act_soft_max"] = _soft(ma["actions"], mb["actions"], vec, idf)
    shared_acts = set(ma["actions"]) & set(mb["actions"])
    total = sum(max(idf(w), 0.0) for w in set(ma["actions"]) | set(mb["actions"]))
    out["act_shared_idf_frac"] = (sum(max(idf(w), 0.0) for w in shared_acts) / total
                                  if total else 0.0)
    out["act_shared_rare"] = float(sum(1 for w in shared_acts if idf(w) >= 8))
    ca, cb = sorted(ma["caps"]), sorted(mb["caps"])
    out["name_soft_min"], out["name_soft_max"] = _soft(ca, cb, vec, idf)
    out["name_shared_idf"] = sum(max(idf(w), 0.0) for w in set(ca) & set(cb))
    la, lb = list(dict.fromkeys(pa.lemmas)), list(dict.fromkeys(pb.lemmas))
    only_a = [w for w in la if w not in set(lb) and w.isalpha()]
    only_b = [w for w in lb if w not in set(la) and w.isalpha()]
    out["diff_soft_min"], out["diff_soft_max"] = _soft(only_a, only_b, vec, idf)
    out["diff_cos"] = _weighted_cos(only_a, only_b, vec, idf)
    out["idf_vec_cos"] = _weighted_cos([w for w in la if w.isalpha()],
                                       [w for w in lb if w.isalpha()], vec, idf)
    out["rare_vec_cos"] = _weighted_cos([w for w in la if w.isalpha() and idf(w) >= 6],
                                        [w for w in lb if w.isalpha() and idf(w) >= 6],
                                        vec, idf)
    cos = base["vector_cosine"]
    out["cos_x_who_clash"] = cos * base["who_clash"]
    out["cos_x_where_clash"] = cos * base["where_clash"]
    out["cos_x_time_clash"] = cos * out["time_clash_any"]
    out["cos_x_fig_clash"] = cos * out["fig_clash"]
    return out


GROUPS = {
    "times (year / weekday / month / clock shared, clash)": (
        "year_shared", "year_clash", "weekday_shared", "weekday_clash", "month_shared",
        "month_clash", "clock_shared", "clock_clash", "time_clash_any", "time_shared_any"),
    "figures, years left out (shared, clash, decimals, log gap)": (
        "fig_shared", "fig_clash", "fig_decimal_clash", "fig_log_gap"),
    "actions (soft alignment of non-names, rare shared)": (
        "act_soft_min", "act_soft_max", "act_shared_idf_frac", "act_shared_rare"),
    "names (soft alignment of capitalised words, rare shared)": (
        "name_soft_min", "name_soft_max", "name_shared_idf"),
    "interactions (cosine x who / where / time / figure clash)": (
        "cos_x_who_clash", "cos_x_where_clash", "cos_x_time_clash", "cos_x_fig_clash"),
    "differences (soft alignment and cosine of the words only one side has)": (
        "diff_soft_min", "diff_soft_max", "diff_cos"),
    "IDF-weighted word-vector cosine (all / rare words)": ("idf_vec_cos", "rare_vec_cos"),
    "times + figures": (
        "year_shared", "year_clash", "weekday_shared", "weekday_clash", "month_shared",
        "month_clash", "clock_shared", "clock_clash", "time_clash_any", "time_shared_any",
        "fig_shared", "fig_clash", "fig_decimal_clash", "fig_log_gap"),
}


def main() -> int:
    if not ECBPLUS.exists():
        print(f"ECB+ pairs not found at {ECBPLUS}; skipping.")
        return 0
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from factdesk.matching.claim_vectors import word_table
    from factdesk.matching.pair_features import FEATURE_NAMES
    from factdesk.matching.pair_model import PairScorer
    from factdesk.matching.train_event_model import EVENT_C, EVENT_COLUMNS, event_features
    from factdesk.matching.train_pair_model import load_ecbplus, parse_sentences
    from factdesk.nlp.model import load_base_pipeline

    nlp = load_base_pipeline()
    idf = PairScorer.load().default_idf
    pairs = load_ecbplus(ECBPLUS, "train") + load_ecbplus(ECBPLUS, "dev")
    parsed = parse_sentences(list(pairs.left + pairs.right), nlp)
    full = event_features(pairs, parsed, idf)
    x = full[:, EVENT_COLUMNS]
    table = word_table()

    def vec(words: list[str]) -> np.ndarray:
        return table.matrix[table.rows(words)].astype(np.float64)

    marks = {t: sentence_marks(p) for t, p in parsed.items()}
    rows = []
    for i, (a, b) in enumerate(zip(pairs.left, pairs.right, strict=True)):
        base = dict(zip(FEATURE_NAMES, full[i], strict=True))
        rows.append(candidate_features(parsed[a], parsed[b], marks[a], marks[b], base, idf,
                                       vec))
    names = list(rows[0])
    extra = np.array([[r[n] for n in names] for r in rows])
    y, groups = pairs.labels, pairs.groups
    dev = np.isin(groups, DEV_TOPICS)
    topics = np.unique(groups)

    def linear():
        return make_pipeline(StandardScaler(), LogisticRegression(C=EVENT_C, max_iter=5000))

    def trees():
        return HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.05,
                                              min_samples_leaf=40, random_state=0)

    def margins(xm: np.ndarray, make, train_mask: np.ndarray, held_topics) -> np.ndarray:
        out = np.full(len(y), np.nan)
        for topic in held_topics:
            held = groups == topic
            fit = train_mask & ~held
            model = make().fit(xm[fit], y[fit])
            out[held] = model.decision_function(xm[held])
        return out

    def evaluate(xm: np.ndarray, make) -> dict[str, np.ndarray]:
        every = np.ones(len(y), dtype=bool)
        loto23 = margins(xm, make, every, topics)
        loto20 = margins(xm, make, ~dev, [t for t in topics if t not in DEV_TOPICS])
        on_dev = np.full(len(y), np.nan)
        on_dev[dev] = make().fit(xm[~dev], y[~dev]).decision_function(xm[dev])
        return {"loto23": loto23, "loto20": loto20, "dev": on_dev}

    rng = np.random.default_rng(0)
    draws = [rng.choice(topics, len(topics)) for _ in range(1000)]
    topic_rows = {t: np.flatnonzero(groups == t) for t in topics}

    def bootstrap(m: np.ndarray, ref: np.ndarray) -> tuple[float, float]:
        diffs = []
        for draw in draws:
            rows_ = np.concatenate([topic_rows[t] for t in draw])
            diffs.append(_auc(m[rows_], y[rows_]) - _auc(ref[rows_], y[rows_]))
        return float(np.percentile(diffs, 5)), float(np.percentile(diffs, 95))

    def per_topic_up(m: np.ndarray, ref: np.ndarray) -> int:
        return sum(_auc(m[r], y[r]) > _auc(ref[r], y[r]) + 1e-9 for r in topic_rows.values())

    results: dict[str, dict[str, np.ndarray]] = {}

    def line(label: str, res: dict[str, np.ndarray]) -> None:
        results[label] = res
        ref = results[next(iter(results))]["loto23"]
        lo, hi = bootstrap(res["loto23"], ref)
        ok20 = ~dev
        print(f"  {label:62s} {_auc(res['loto23'], y):.3f}  {_auc(res['loto20'][ok20], y[ok20]):.3f}"
              f"  {_auc(res['dev'][dev], y[dev]):.3f}  [{lo:+.3f}, {hi:+.3f}]  "
              f"{per_topic_up(res['loto23'], ref):2d}/23", flush=True)

    print(f"ECB+ train + dev: {len(y)} pairs, {len(topics)} topics")
    print("\neach candidate input alone (AUC, all / dev topics):")
    for i, name in enumerate(names):
        print(f"  {name:22s} {_auc(extra[:, i], y):.3f} / {_auc(extra[dev, i], y[dev]):.3f}"
              f"   nonzero {np.mean(extra[:, i] != 0):.2f}")
    print(f"\n  {'head and inputs':62s} LOTO23 LOTO20 dev   bootstrap 5-95% of the "
          f"LOTO23 gain, topics up")
    line(f"logistic regression C {EVENT_C:g}, shipped inputs", evaluate(x, linear))
    for label, group in GROUPS.items():
        cols = [names.index(n) for n in group]
        line("LR + " + label, evaluate(np.hstack([x, extra[:, cols]]), linear))
    line("LR + all candidate inputs", evaluate(np.hstack([x, extra]), linear))
    line("trees, shipped inputs", evaluate(x, trees))
    line("trees + all candidate inputs", evaluate(np.hstack([x, extra]), trees))
    base_lr = results[f"logistic regression C {EVENT_C:g}, shipped inputs"]
    for label, lr, tr in (
            ("shipped inputs", base_lr, results["trees, shipped inputs"]),
            ("all candidate inputs", results["LR + all candidate inputs"],
             results["trees + all candidate inputs"])):
        # both margins are log-odds: the blend is their mean
        line(f"blend LR + trees 50/50, {label}", {k: (lr[k] + tr[k]) / 2 for k in lr})
    return 0


if __name__ == "__main__":
    sys.exit(main())

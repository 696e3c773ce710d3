"""Scoring a sentence pair as "states the same fact" with the shipped learned model.

:class:`PairScorer` loads numeric weights (a logistic regression over standardised
features, a Platt calibration and a hashed document-frequency table) from
``factdesk/matching/weights/pair_model.npz`` and evaluates them with numpy only. The
score is a calibrated probability in [0, 1]; :data:`SAME_THRESHOLD` and
:data:`RELATED_THRESHOLD` are the decision thresholds chosen by cross-validation at
training time (the values stored beside the weights win over these defaults).
Besides the hand-built features of :mod:`factdesk.matching.pair_features`, the logistic
regression reads one stacked input, :data:`LEXICAL_FEATURE`: the margin of a
:class:`LexicalModel`, a sparse logistic regression over the hashed lemma / word
unigrams and bigrams present in only one of the two sentences (it learns which
differences matter, e.g. a missing "not" or figure, and which do not, e.g. "said").
:meth:`PairScorer.similarity` is a separate graded score (a ridge regressor trained on
STS-B news train, scaled to [0, 1]) for ranking by degree of overlap.
:meth:`PairScorer.event_probabilities` is the second head: the calibrated probability
that two sentences report the same event rather than a similar but different one
(trained on ECB+ train topics and weak BASIL pairs, see
:mod:`factdesk.matching.train_event_model`), a logistic regression with its own
threshold; :meth:`PairScorer.event_ranking_probabilities` is the same head's margin
blended in log-odds with small boosted trees when the weights carry them (exported as
arrays, evaluated by :mod:`factdesk.matching.tree_ensemble`), which orders pairs (the
score) while the logistic regression decides.
"""

from __future__ import annotations

import json
import math
import threading
import zlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np

from factdesk.matching.pair_alignment import look_up_vectors
from factdesk.matching.pair_features import (
    FEATURE_INDEX,
    FEATURE_NAMES,
    LEXICAL_BUCKETS,
    PARTIAL_RATIO_COLUMNS,
    PairInput,
    pair_feature_values,
    pair_features,
)
from factdesk.matching.tree_ensemble import TreeEnsemble

IdfFunc = Callable[[str], float]

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
DEFAULT_WEIGHTS = WEIGHTS_DIR / "pair_model.npz"
DEFAULT_METADATA = WEIGHTS_DIR / "pair_model.json"

#: Probability at or above which a pair is judged to state the same fact.
SAME_THRESHOLD: float = 0.435
#: Lower probability at or above which a pair is shown as related.
RELATED_THRESHOLD: float = 0.341
#: Logit penalty when both speakers are known and differ. The training corpora carry no
#: speakers, so this is a fixed prior rather than a learned weight.
SPEAKER_MISMATCH_PENALTY: float = 1.5

_SPEAKER_COL = FEATURE_INDEX["speaker_agree"]
#: Name of the extra column (after :data:`FEATURE_NAMES`) holding the lexical margin.
LEXICAL_FEATURE = "lexical_margin"
#: Prefix of the event head's tree arrays in the weights file (see :class:`TreeEnsemble`).
EVENT_TREE_PREFIX = "event_tree_"


def stable_hash(word: str, n_buckets: int) -> int:
    """Bucket of ``word`` in a hashed table (crc32, stable across runs and platforms)."""
    return zlib.crc32(word.encode("utf-8")) % n_buckets


class HashedIdf:
    """Inverse document frequency looked up in a hashed document-frequency table."""

    def __init__(self, df: np.ndarray, n_docs: int) -> None:
        self._df = np.asarray(df)
        self._n_docs = int(n_docs)
        self._n = int(self._df.shape[0])
        self._log_n = math.log(self._n_docs + 1)
        self._memo: dict[str, float] = {}

    @classmethod
    def from_documents(cls, docs: Iterable[Iterable[str]], n_buckets: int = 1 << 18) -> HashedIdf:
        """Count document frequencies of the (lemma) sets in ``docs``."""
        df = np.zeros(n_buckets, dtype=np.int64)
        n_docs = 0
        for doc in docs:
            n_docs += 1
            for word in set(doc):
                df[stable_hash(word, n_buckets)] += 1
        return cls(df.astype(np.uint32), n_docs)

    @property
    def df(self) -> np.ndarray:
        return self._df

    @property
    def n_docs(self) -> int:
        return self._n_docs

    def __call__(self, word: str) -> float:
        value = self._memo.get(word)
        if value is None:
            d = int(self._df[stable_hash(word, self._n)])
            value = self._log_n - math.log(d + 1) + 1.0
            if len(self._memo) < 200_000:
                self._memo[word] = value  # a plain dict store: safe across threads
        return value


class LinearModel:
    """Standardised logistic-regression margin: ``((x - mean) / scale) @ coef + intercept``."""

    def __init__(
        self, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, intercept: float
    ) -> None:
        self.mean = np.ascontiguousarray(mean, dtype=np.float64)
        self.scale = np.ascontiguousarray(scale, dtype=np.float64)
        self.coef = np.ascontiguousarray(coef, dtype=np.float64)
        self.intercept = float(intercept)
        safe = np.where(self.scale > 0, self.scale, 1.0)
        # fold the standardisation into one weight vector and bias
        self._w = self.coef / safe
        self._b = self.intercept - float(self.mean @ self._w)

    def weight_of(self, i: int) -> float:
        """The weight of input column ``i`` on the raw (unstandardised) feature."""
        return float(self._w[i])

    def margin(self, x: np.ndarray) -> np.ndarray:
        """Log-odds (before calibration) of the rows of ``x``."""
        return np.asarray(x, dtype=np.float64) @ self._w + self._b


class LexicalModel:
    """Sparse logistic-regression margin over the lexical keys in only one sentence.

    ``weights`` has one entry per hashed bucket of
    :func:`~factdesk.matching.pair_features.lexical_keys` (crc32 modulo
    :data:`~factdesk.matching.pair_features.LEXICAL_BUCKETS`); the margin of a pair is
    ``intercept`` plus the weights of the buckets in the symmetric difference of the two
    sentences' :attr:`~factdesk.matching.pair_features.PairInput.lexical_ids`.
    """

    def __init__(self, weights: np.ndarray, intercept: float) -> None:
        weights = np.asarray(weights)
        if weights.shape != (LEXICAL_BUCKETS,):
            raise ValueError(f"lexical weights must have {LEXICAL_BUCKETS} buckets")
        self.weights = np.ascontiguousarray(weights, dtype=np.float64)
        self.intercept = float(intercept)

    def margin(self, a: PairInput, b: PairInput) -> float:
        # the buckets in one sentence only weigh both sentences' totals less twice the
        # shared ones; each sentence's weights and total are cached on it, and the sums
        # are exact (fsum), so score(a, b) == score(b, a) whatever the set order
        da, db = a.derived, b.derived
        weights, total_a = da.bucket_weights(self.weights)
        _, total_b = db.bucket_weights(self.weights)
        shared = da.lexical_ids & db.lexical_ids
        if not shared:
            return self.intercept + (total_a + total_b)
        return self.intercept + ((total_a + total_b)
                                 - 2.0 * math.fsum([weights[i] for i in shared]))


class EventModel:
    """The same-event head: a linear margin over some columns, Platt-calibrated, which
    decides (with :attr:`threshold`); optionally a ranking probability from that margin
    blended in log-odds with boosted trees (``(1 - tree_share) * linear + tree_share *
    trees``, the trees reading the full feature row), calibrated on its own
    (``ranking_platt``), which orders pairs but decides nothing."""

    def __init__(self, model: LinearModel, columns: Sequence[int],
                 platt: tuple[float, float], threshold: float,
                 trees: TreeEnsemble | None = None, tree_share: float = 0.0,
                 ranking_platt: tuple[float, float] | None = None) -> None:
        self.model = model
        self.columns = np.asarray(columns, dtype=np.int64)
        self.platt_a, self.platt_b = float(platt[0]), float(platt[1])
        self.threshold = float(threshold)
        self.trees = trees
        self.tree_share = float(tree_share) if trees is not None else 0.0
        if not 0.0 <= self.tree_share <= 1.0:
            raise ValueError("the trees' share of the event margin must be in [0, 1]")
        self.ranking_platt = (
            (float(ranking_platt[0]), float(ranking_platt[1]))
            if trees is not None and ranking_platt is not None else (self.platt_a, self.platt_b))

    def margin(self, x: np.ndarray) -> np.ndarray:
        """Log-odds before calibration of full feature rows (the deciding linear head)."""
        return self.model.margin(x[:, self.columns])

    def ranking_margin(self, x: np.ndarray) -> np.ndarray:
        """The linear margin blended with the trees' (the linear margin without trees)."""
        linear = self.margin(x)
        if self.trees is None:
            return linear
        return (1.0 - self.tree_share) * linear + self.tree_share * self.trees.margin(x)

    def _linear_upper_bound(self, x_floor: np.ndarray) -> np.ndarray:
        x = np.array(x_floor, dtype=np.float64)
        where = {int(c): i for i, c in enumerate(self.columns)}
        for column in PARTIAL_RATIO_COLUMNS:
            if column in where and self.model.weight_of(where[column]) > 0:
                x[:, column] = 1.0
        return self.margin(x)

    @staticmethod
    def _calibrated(margin: np.ndarray, platt: tuple[float, float]) -> np.ndarray:
        z = platt[0] * margin + platt[1]
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """The deciding probability (compared with :attr:`threshold`)."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if x.shape[0] == 0:
            return np.zeros(0)
        return self._calibrated(self.margin(x), (self.platt_a, self.platt_b))

    def ranking_probabilities(self, x: np.ndarray) -> np.ndarray:
        """The ranking probability (the deciding one when there are no trees)."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if x.shape[0] == 0:
            return np.zeros(0)
        return self._calibrated(self.ranking_margin(x), self.ranking_platt)

    def upper_bound(self, x_floor: np.ndarray) -> np.ndarray:
        """Upper bound of :meth:`probabilities` for rows holding partial-ratio floors (the
        ranking probability needs none: a pair its bounds show unrelated is not stored)."""
        return self._bound(x_floor, self._linear_upper_bound, (self.platt_a, self.platt_b))

    def _bound(self, x_floor: np.ndarray, margin_bound, platt: tuple[float, float]
               ) -> np.ndarray:
        x = np.atleast_2d(np.asarray(x_floor, dtype=np.float64))
        if x.shape[0] == 0:
            return np.zeros(0)
        if platt[0] <= 0:  # calibration reverses the margin: no bound from above
            return np.ones(x.shape[0])
        return self._calibrated(margin_bound(x), platt)


class PairScorer:
    """Calibrated probability that two sentences state the same fact. Thread-safe."""

    _cache: dict[str, PairScorer] = {}
    _lock = threading.Lock()

    def __init__(
        self,
        model: LinearModel,
        columns: Sequence[int],
        platt: tuple[float, float],
        idf: HashedIdf | None,
        same_threshold: float = SAME_THRESHOLD,
        related_threshold: float = RELATED_THRESHOLD,
        metadata: dict | None = None,
        similarity_model: LinearModel | None = None,
        lexical: LexicalModel | None = None,
        similarity_columns: Sequence[int] | None = None,
        event: EventModel | None = None,
    ) -> None:
        self.event = event
        self.model = model
        self.columns = np.asarray(columns, dtype=np.int64)
        self.platt_a, self.platt_b = float(platt[0]), float(platt[1])
        self.default_idf = idf
        self.same_threshold = float(same_threshold)
        self.related_threshold = float(related_threshold)
        self.metadata = dict(metadata or {})
        self.similarity_model = similarity_model
        self.lexical = lexical
        self.similarity_columns = (
            self.columns if similarity_columns is None
            else np.asarray(similarity_columns, dtype=np.int64)
        )

    @property
    def feature_names(self) -> tuple[str, ...]:
        """Names of the columns of :meth:`features` (the lexical margin last, if any)."""
        return FEATURE_NAMES + ((LEXICAL_FEATURE,) if self.lexical is not None else ())

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path | None = None) -> PairScorer:
        """Load (once per path) the weights at ``path`` or the shipped ones."""
        weights = Path(path) if path is not None else DEFAULT_WEIGHTS
        key = str(weights.resolve())
        with cls._lock:
            scorer = cls._cache.get(key)
            if scorer is None:
                scorer = cls._read(weights)
                cls._cache[key] = scorer
            return scorer

    @classmethod
    def _read(cls, weights: Path) -> PairScorer:
        if not weights.exists():
            raise FileNotFoundError(
                f"Pair-model weights not found at {weights}; run "
                "'python -m factdesk.matching.train_pair_model' to create them."
            )
        with np.load(weights, allow_pickle=False) as z:
            names = [str(n) for n in z["feature_names"]]
            lexical = None
            if "lex_weights" in z:
                lexical = LexicalModel(z["lex_weights"], float(z["lex_intercept"]))
            expected = list(FEATURE_NAMES) + ([LEXICAL_FEATURE] if lexical else [])
            if names != expected:
                raise ValueError(f"{weights} was trained on a different feature set")
            model = LinearModel(z["mean"], z["scale"], z["coef"], float(z["intercept"]))
            idf = HashedIdf(z["idf_df"], int(z["idf_n_docs"])) if "idf_df" in z else None
            scorer = cls(
                model,
                z["columns"],
                (float(z["platt"][0]), float(z["platt"][1])),
                idf,
                float(z["same_threshold"]),
                float(z["related_threshold"]),
                lexical=lexical,
                similarity_columns=z["sts_columns"] if "sts_columns" in z else None,
            )
            if "event_coef" in z:
                trees = (TreeEnsemble.from_arrays(z, EVENT_TREE_PREFIX)
                         if f"{EVENT_TREE_PREFIX}roots" in z else None)
                scorer.event = EventModel(
                    LinearModel(z["event_mean"], z["event_scale"], z["event_coef"],
                                float(z["event_intercept"])),
                    z["event_columns"], (float(z["event_platt"][0]), float(z["event_platt"][1])),
                    float(z["event_threshold"]), trees,
                    float(z["event_tree_share"]) if trees is not None else 0.0,
                    tuple(z["event_tree_platt"]) if trees is not None else None)
            if "sts_coef" in z:
                scorer.similarity_model = LinearModel(
                    z["sts_mean"], z["sts_scale"], z["sts_coef"], float(z["sts_intercept"])
                )
        meta_path = weights.with_suffix(".json")
        if meta_path.exists():
            scorer.metadata = json.loads(meta_path.read_text(encoding="utf-8"))
        return scorer

    # ------------------------------------------------------------------ scoring
    def features(self, a: PairInput, b: PairInput, idf: IdfFunc | None = None) -> np.ndarray:
        """The full feature vector of one pair (named by :attr:`feature_names`), with this
        model's default IDF."""
        x = pair_features(a, b, idf or self.default_idf)
        if self.lexical is not None:
            x = np.append(x, self.lexical.margin(a, b))
        return x

    def feature_matrix(
        self, pairs: Iterable[tuple[PairInput, PairInput]], idf: IdfFunc | None = None,
        partial_ratios: bool = True,
    ) -> np.ndarray:
        """:meth:`features` of many pairs stacked into an (n, n_features) array (with
        ``partial_ratios=False``, their floors in the partial-ratio columns: see
        :meth:`upper_bounds`)."""
        use = idf or self.default_idf
        pairs = list(pairs)
        look_up_vectors(x.derived.alignment() for pair in pairs for x in pair)
        rows = [pair_feature_values(a, b, use, partial_ratios) for a, b in pairs]
        if self.lexical is not None:
            margin = self.lexical.margin
            for row, (a, b) in zip(rows, pairs, strict=True):
                row.append(margin(a, b))
        if not rows:
            return np.zeros((0, len(self.feature_names)))
        return np.array(rows, dtype=np.float64)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probabilities for a precomputed (n, n_features) feature matrix."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if x.shape[0] == 0:
            return np.zeros(0)
        margin = self.model.margin(x[:, self.columns])
        margin = margin - SPEAKER_MISMATCH_PENALTY * (x[:, _SPEAKER_COL] < 0) / max(
            self.platt_a, 1e-6
        )
        z = self.platt_a * margin + self.platt_b
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))

    def event_probabilities(self, x: np.ndarray) -> np.ndarray:
        """Calibrated probability that each pair reports the same event (zeros when the
        weights carry no event head)."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if self.event is None:
            return np.zeros(x.shape[0])
        return self.event.probabilities(x)

    def event_ranking_probabilities(self, x: np.ndarray) -> np.ndarray:
        """The same-event probability that orders pairs (see :class:`EventModel`; the
        deciding one when the head has no trees)."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if self.event is None:
            return np.zeros(x.shape[0])
        return self.event.ranking_probabilities(x)

    @property
    def event_threshold(self) -> float:
        """Same-event probability from which frames that align make a same-fact pair."""
        return self.event.threshold if self.event is not None else 1.01

    def event_upper_bound(self, x_floor: np.ndarray) -> np.ndarray:
        """Upper bound of :meth:`event_probabilities` for rows holding the partial-ratio
        floors (see :meth:`upper_bounds`)."""
        if self.event is None:
            return np.zeros(len(x_floor))
        return self.event.upper_bound(x_floor)

    def upper_bounds(self, x_floor: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Upper bounds of the probability and the graded similarity (see :meth:`graded`)
        of pairs whose feature rows hold the floors of the partial-ratio features, not the
        features (``feature_matrix(..., partial_ratios=False)``).

        Both are linear in those columns: a column with a negative weight is at most
        what its floor gives, one with a positive weight what its ceiling (1) gives.
        """
        def at_most(model: LinearModel, columns: np.ndarray) -> np.ndarray:
            x = np.array(x_floor, dtype=np.float64)
            where = {int(c): i for i, c in enumerate(columns)}
            for column in PARTIAL_RATIO_COLUMNS:
                if column in where and model.weight_of(where[column]) > 0:
                    x[:, column] = 1.0
            return x

        probability = self.probabilities(at_most(self.model, self.columns))
        if self.similarity_model is None:
            return probability, probability
        return probability, self.graded(at_most(self.similarity_model,
                                                self.similarity_columns))

    def score(self, a: PairInput, b: PairInput, idf: IdfFunc | None = None) -> float:
        """Probability in [0, 1] that ``a`` and ``b`` state the same fact."""
        return float(self.probabilities(self.features(a, b, idf)[None, :])[0])

    def score_many(
        self, pairs: Iterable[tuple[PairInput, PairInput]], idf: IdfFunc | None = None
    ) -> list[float]:
        """:meth:`score` of many pairs at once (features per pair, model batched)."""
        x = self.feature_matrix(pairs, idf)
        if not len(x):
            return []
        return [float(p) for p in self.probabilities(x)]

    def similarity_many(
        self, pairs: Iterable[tuple[PairInput, PairInput]], idf: IdfFunc | None = None
    ) -> list[float]:
        """Graded similarity in [0, 1] (STS score / 5) from the separate STS regressor.

        Falls back to the same-fact probability when the weights carry no regressor.
        """
        x = self.feature_matrix(pairs, idf)
        if not len(x):
            return []
        if self.similarity_model is None:
            return [float(p) for p in self.probabilities(x)]
        return [float(v) for v in self.graded(x)]

    def graded(self, x: np.ndarray) -> np.ndarray:
        """Graded similarity in [0, 1] for a precomputed feature matrix (needs the STS
        regressor)."""
        if self.similarity_model is None:
            raise ValueError("these weights carry no graded-similarity regressor")
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        return np.clip(self.similarity_model.margin(x[:, self.similarity_columns]) / 5.0, 0, 1)

    def similarity(self, a: PairInput, b: PairInput, idf: IdfFunc | None = None) -> float:
        """Graded similarity of one pair (see :meth:`similarity_many`)."""
        return self.similarity_many([(a, b)], idf)[0]

    def is_same(self, probability: float) -> bool:
        return probability >= self.same_threshold

    def is_related(self, probability: float) -> bool:
        return probability >= self.related_threshold

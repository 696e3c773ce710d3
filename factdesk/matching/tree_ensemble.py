"""Boosted regression trees evaluated with numpy only: exact margins.

A :class:`TreeEnsemble` holds gradient-boosted trees as flat arrays (one row per node,
the trees one after the other): the input column a node splits on (-1 at a leaf), its
threshold, its two children (indices into the same arrays), which side a missing value
(NaN) takes, and a leaf's value. It is exported at training time from scikit-learn's
``HistGradientBoostingClassifier`` (:func:`ensemble_from_sklearn`, the only function here
that reads scikit-learn objects; scikit-learn itself is not imported) and evaluated with
a vectorised traversal: the margin of a row is the baseline plus the value of the leaf it
reaches in every tree, as scikit-learn's ``decision_function`` gives it (a value at or
below a node's threshold goes left, a missing value to its ``missing_left`` side).

The trees only rank pairs (the event head's ranking probability), so no bound of their
margin is needed: a pair its linear bounds show unrelated is not stored. (An upper bound
over columns known only to an interval, for trees that would decide, was removed unused:
``git log -S "def upper_bound" -- factdesk/matching/tree_ensemble.py`` finds it.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

LEAF = -1


class TreeEnsemble:
    """Gradient-boosted trees as flat node arrays (see the module docstring).

    ``feature`` indexes the columns of the rows passed to :meth:`margin`; ``left`` and
    ``right`` are node indices into the same arrays; ``roots`` the first node of each tree.
    """

    def __init__(self, feature: np.ndarray, threshold: np.ndarray, left: np.ndarray,
                 right: np.ndarray, missing_left: np.ndarray, value: np.ndarray,
                 roots: np.ndarray, baseline: float) -> None:
        self.feature = np.ascontiguousarray(feature, dtype=np.int64)
        self.threshold = np.ascontiguousarray(threshold, dtype=np.float64)
        self.left = np.ascontiguousarray(left, dtype=np.int64)
        self.right = np.ascontiguousarray(right, dtype=np.int64)
        self.missing_left = np.ascontiguousarray(missing_left, dtype=bool)
        self.value = np.ascontiguousarray(value, dtype=np.float64)
        self.roots = np.ascontiguousarray(roots, dtype=np.int64)
        self.baseline = float(baseline)
        n = len(self.feature)
        if not all(len(a) == n for a in (self.threshold, self.left, self.right,
                                         self.missing_left, self.value)):
            raise ValueError("tree node arrays differ in length")
        inner = self.feature != LEAF
        children = np.concatenate([self.left[inner], self.right[inner]])
        if len(self.roots) == 0 or self.roots[0] != 0 or (np.diff(self.roots) <= 0).any():
            raise ValueError("trees must be stored one after the other from node 0")
        if (children < 0).any() or (children >= n).any():
            raise ValueError("tree node arrays hold a child outside the trees")
        # a leaf's children point at itself, so a traversal may run on past a leaf
        self.left = np.where(inner, self.left, np.arange(n))
        self.right = np.where(inner, self.right, np.arange(n))
        self.depth = self._depth()

    # ---------------------------------------------------------------- structure
    def _depth(self) -> int:
        depth, frontier = 0, self.roots
        while True:
            inner = frontier[self.feature[frontier] != LEAF]
            if not len(inner):
                return depth
            frontier = np.concatenate([self.left[inner], self.right[inner]])
            depth += 1
            if depth > len(self.feature):
                raise ValueError("tree node arrays hold a cycle")

    @property
    def n_trees(self) -> int:
        return len(self.roots)

    @property
    def columns(self) -> np.ndarray:
        """The input columns some split reads (sorted)."""
        return np.unique(self.feature[self.feature != LEAF])

    # ---------------------------------------------------------------- evaluation
    def margin(self, x: np.ndarray) -> np.ndarray:
        """Raw margin (log-odds before calibration) of each row of ``x``."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        if x.shape[0] == 0:
            return np.zeros(0)
        rows = np.arange(x.shape[0])[:, None]
        node = np.broadcast_to(self.roots, (x.shape[0], self.n_trees)).copy()
        for _ in range(self.depth):
            column = self.feature[node]
            values = x[rows, np.maximum(column, 0)]
            go_left = np.where(np.isnan(values), self.missing_left[node],
                               values <= self.threshold[node])
            node = np.where(go_left, self.left[node], self.right[node])
        return self.baseline + self.value[node].sum(axis=1)

    # ---------------------------------------------------------------- storage
    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The ensemble as named arrays for a weights file (read by :meth:`from_arrays`)."""
        return {f"{prefix}feature": self.feature.astype(np.int32),
                f"{prefix}threshold": self.threshold,
                f"{prefix}left": self.left.astype(np.int32),
                f"{prefix}right": self.right.astype(np.int32),
                f"{prefix}missing_left": self.missing_left.astype(np.uint8),
                f"{prefix}value": self.value,
                f"{prefix}roots": self.roots.astype(np.int32),
                f"{prefix}baseline": np.float64(self.baseline)}

    @classmethod
    def from_arrays(cls, z: Mapping[str, np.ndarray], prefix: str) -> TreeEnsemble:
        return cls(z[f"{prefix}feature"], z[f"{prefix}threshold"], z[f"{prefix}left"],
                   z[f"{prefix}right"], z[f"{prefix}missing_left"], z[f"{prefix}value"],
                   z[f"{prefix}roots"], float(z[f"{prefix}baseline"]))


def ensemble_from_sklearn(model, columns: Sequence[int] | None = None) -> TreeEnsemble:
    """Export a fitted binary ``HistGradientBoostingClassifier`` (numeric inputs only).

    ``columns[i]`` is the column of the rows :meth:`TreeEnsemble.margin` will read that
    the model saw as its input ``i`` (default: the same columns)."""
    if getattr(model, "is_categorical_", None) is not None:
        raise ValueError("categorical splits cannot be exported")
    if len(model.classes_) != 2:
        raise ValueError("only a binary classifier can be exported")
    mapping = None if columns is None else np.asarray(columns, dtype=np.int64)
    parts: dict[str, list[np.ndarray]] = {k: [] for k in (
        "feature", "threshold", "left", "right", "missing_left", "value")}
    roots, offset = [], 0
    for (predictor,) in model._predictors:  # one tree per iteration (binary)
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        feature = nodes["feature_idx"].astype(np.int64)
        if mapping is not None:
            feature = mapping[feature]
        roots.append(offset)
        parts["feature"].append(np.where(leaf, LEAF, feature))
        parts["threshold"].append(nodes["num_threshold"].astype(np.float64))
        parts["left"].append(np.where(leaf, 0, nodes["left"].astype(np.int64)) + offset)
        parts["right"].append(np.where(leaf, 0, nodes["right"].astype(np.int64)) + offset)
        parts["missing_left"].append(nodes["missing_go_to_left"].astype(bool))
        parts["value"].append(np.where(leaf, nodes["value"].astype(np.float64), 0.0))
        offset += len(nodes)
    baseline = float(np.ravel(model._baseline_prediction)[0])
    return TreeEnsemble(*(np.concatenate(parts[k]) for k in (
        "feature", "threshold", "left", "right", "missing_left", "value")),
        np.asarray(roots, dtype=np.int64), baseline)

"""Scoring how check-worthy a sentence is, from its raw text, with shipped linear weights.

The model is a logistic regression over three blocks (no vocabulary is shipped):

* hashed word unigrams and bigrams of the lower-cased text, digits folded to ``0``
  (so "450" and "2016" become the shapes "000" and "0000"), plus a few cue tokens
  (sentence length bucket, has a number / percent / money / year, question, quote);
* hashed character 2-5-grams of the same normalised text;
* the 256-dimensional WordLlama sentence vector (:mod:`factdesk.nlp.embeddings`, read
  offline from the wheel), at weight ``embed_scale``.

The hashed blocks are sublinear-tf weighted (``1 + log tf``) and L2-normalised, and the
linear score is Platt-calibrated into a probability. Sentences without a checkable
specific (:mod:`factdesk.nlp.specificity`) then go through their own calibration map
(bagged isotonic, stored in the metadata): on ClaimBuster a high-scoring sentence with no
number, name, date, comparison or source is less often check-worthy than its Platt
probability says. Weights were trained on the
ClaimBuster crowdsourced set (Arslan et al., ICWSM 2020) by
:mod:`factdesk.nlp.train_worthiness`; the metadata file next to the weights records the
dataset, citation and cross-validation figures.

Runtime needs numpy (and the wordllama wheel's tokenizer) only. Featurisation of a batch
is vectorised: char n-grams are hashed with a rolling 64-bit polynomial hash over the
UTF-8 bytes of the whole batch, words with ``zlib.crc32`` (stable across processes).

Figures: ``bench/claims_quality.py`` and docs/claims.md. ``DEFAULT_THRESHOLD`` (the
project setting's default) is the ClaimBuster F-0.5 threshold of the training procedure;
what a news article shows is capped by the project's claim share
(:mod:`factdesk.model.triage`); candidates are kept from ``CANDIDATE_FLOOR``.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from factdesk.model.settings import DEFAULT_CLAIM_THRESHOLD
from factdesk.model.triage import ArticleCut, shown_by_default
from factdesk.nlp.embeddings import embed_sentences
from factdesk.nlp.specificity import specific_mask

__all__ = [
    "CANDIDATE_FLOOR",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WEIGHTS",
    "FeatureConfig",
    "WorthinessScorer",
    "embedding_block",
    "featurize",
    "is_shown",
    "normalize_text",
    "quoted_words",
]

DEFAULT_THRESHOLD: float = DEFAULT_CLAIM_THRESHOLD
"""The default of the project's claim threshold, whose one home is
:mod:`factdesk.model.settings`: a sentence scoring at least this is a check-worthy claim
(ClaimBuster's F-0.5 threshold, precision-leaning); within an article, the claim share
caps how many are shown by default (:mod:`factdesk.model.triage`)."""

CANDIDATE_FLOOR: float = 0.10
"""Sentences scoring below this are not kept even as candidates ("show all candidates")."""


def is_shown(score: float, origin: str, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """Whether an unjudged standalone sentence (its own one-sentence document, whose
    budget never binds) is shown by default (:func:`shown_by_default`)."""
    return shown_by_default(score, 0, origin, ArticleCut(threshold), claim_id=0)

DEFAULT_WEIGHTS: Path = Path(__file__).resolve().parent / "weights" / "worthiness.npz"

_BATCH = 2048
#: Weight of the Platt probability added to the isotonic one: it breaks the ties of the
#: isotonic steps, so sentences keep a strict order within each group.
TIE_BREAK = 1e-3
_U64 = np.uint64
_BOUNDARY = 0x5BD1E995
_PRIME = _U64(0x100000001B3)
_MIX1 = _U64(0xBF58476D1CE4E5B9)
_MIX2 = _U64(0x94D049BB133111EB)
_SEP = 0  # byte that never occurs in normalised text; separates sentences in a batch

_TOKEN_RE = re.compile(r"[a-z]+(?:['’][a-z]+)*|0+(?:[.,]0+)*|[$%€£?!\"]")
_DIGIT_RE = re.compile(r"[0-9]")
_SPACE_RE = re.compile(r"\s+")
_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_MONEY_RE = re.compile(r"[$€£]|\b(dollars?|billion|million|trillion|cents?|euros?|pounds?)\b")
_PERCENT_RE = re.compile(r"%|\bper ?cent\b|\bpercentage\b")
_NUMBER_WORD_RE = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|half|dozens?|twice|"
    r"thousands|millions|billions|hundreds)\b"
)
#: A quotation inside a sentence: straight or curly double quotes.
_QUOTED_RE = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


@dataclass(frozen=True)
class FeatureConfig:
    """Shape of the hashed feature space; stored in the weights file."""

    word_bits: int = 17
    char_bits: int = 18
    char_min: int = 2
    char_max: int = 5
    char_scale: float = 1.0
    #: Width of the WordLlama sentence-embedding block (0: no embedding block).
    embed_dim: int = 0
    embed_scale: float = 0.5

    @property
    def n_word(self) -> int:
        return 1 << self.word_bits

    @property
    def n_hashed(self) -> int:
        """Width of the sparse hashed block (word then char n-grams)."""
        return (1 << self.word_bits) + (1 << self.char_bits)

    @property
    def n_features(self) -> int:
        return self.n_hashed + self.embed_dim

    def to_dict(self) -> dict[str, float | int]:
        return {
            "word_bits": self.word_bits,
            "char_bits": self.char_bits,
            "char_min": self.char_min,
            "char_max": self.char_max,
            "char_scale": self.char_scale,
            "embed_dim": self.embed_dim,
            "embed_scale": self.embed_scale,
        }


def normalize_text(text: str) -> str:
    """NFKC, straight quotes, lower-cased, whitespace collapsed (digits are kept)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return _SPACE_RE.sub(" ", text).strip()


def quoted_words(text: str) -> str | None:
    """The longest quotation of at least four words in ``text`` (None without one)."""
    found = [q.strip(" ,.") for q in _QUOTED_RE.findall(text)]
    found = [q for q in found if len(q.split()) >= 4]
    return max(found, key=len) if found else None


def _cue_tokens(norm: str, lower: str, n_words: int) -> list[str]:
    """Dense cues rendered as reserved tokens (they cannot collide with real words)."""
    cues = [f"\x01len{min(n_words // 4, 10)}"]
    if "0" in norm:
        cues.append("\x01num")
    if _YEAR_RE.search(lower):
        cues.append("\x01year")
    if _MONEY_RE.search(lower):
        cues.append("\x01money")
    if _PERCENT_RE.search(lower):
        cues.append("\x01pct")
    if _NUMBER_WORD_RE.search(lower):
        cues.append("\x01numword")
    if norm.endswith("?"):
        cues.append("\x01question")
    if '"' in norm:
        cues.append("\x01quote")
    return cues


def _mix(h: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser, applied in place-free style to a uint64 array."""
    h = h ^ (h >> _U64(30))
    h = h * _MIX1
    h = h ^ (h >> _U64(27))
    h = h * _MIX2
    return h ^ (h >> _U64(31))


def _word_features(
    lowers: list[str], norms: list[str], cfg: FeatureConfig
) -> tuple[np.ndarray, np.ndarray]:
    """(sentence id, hashed index) per word unigram, bigram and cue occurrence."""
    sids: list[int] = []
    hashes: list[int] = []
    crc = zlib.crc32
    for i, (lower, norm) in enumerate(zip(lowers, norms, strict=True)):
        toks = _TOKEN_RE.findall(norm)
        hs = [crc(t.encode("utf-8")) for t in toks]
        # Bigrams, with sentence start/end markers, packed as (left << 32) | right.
        seq = [_BOUNDARY, *hs, _BOUNDARY]
        feats = hs + [(a << 32) | b for a, b in pairwise(seq)]
        feats.extend(crc(c.encode("utf-8")) for c in _cue_tokens(norm, lower, len(toks)))
        sids.extend([i] * len(feats))
        hashes.extend(feats)
    h = _mix(np.asarray(hashes, dtype=np.uint64))
    idx = (h & _U64(cfg.n_word - 1)).astype(np.int64)
    return np.asarray(sids, dtype=np.int64), idx


def _char_features(norms: list[str], cfg: FeatureConfig) -> tuple[np.ndarray, np.ndarray]:
    """(sentence id, hashed index) per char n-gram, via a vectorised rolling hash."""
    padded = [f" {n} ".encode() for n in norms]
    lengths = np.fromiter((len(p) + 1 for p in padded), dtype=np.int64, count=len(padded))
    joined = b"\x00".join(padded) + b"\x00"
    total = len(joined)
    # Trailing zeros so every position has char_max bytes after it to read.
    buf = np.frombuffer(joined + b"\x00" * cfg.char_max, dtype=np.uint8).astype(np.uint64)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    sid_of_pos = np.repeat(np.arange(len(padded), dtype=np.int64), lengths)
    end_of_pos = (starts + lengths - 1)[sid_of_pos]  # index of the separator byte
    pos = np.arange(total, dtype=np.int64)
    h = np.full(total, 0xCBF29CE484222325, dtype=np.uint64)
    out_sid: list[np.ndarray] = []
    out_idx: list[np.ndarray] = []
    mask_bits = _U64((1 << cfg.char_bits) - 1)
    for n in range(1, cfg.char_max + 1):
        h = h * _PRIME + buf[n - 1 : n - 1 + total] + _U64(1)
        if n < cfg.char_min:
            continue
        valid = pos + n <= end_of_pos
        out_sid.append(sid_of_pos[valid])
        out_idx.append((_mix(h[valid]) & mask_bits).astype(np.int64) + cfg.n_word)
    return np.concatenate(out_sid), np.concatenate(out_idx)


def _sublinear_l2(
    sid: np.ndarray, idx: np.ndarray, n_sent: int, n_feat: int, scale: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Deduplicate (sid, idx) pairs into 1 + log(tf) values, L2-normalised per sentence."""
    keys, counts = np.unique(sid * n_feat + idx, return_counts=True)
    usid = keys // n_feat
    uidx = keys - usid * n_feat
    vals = 1.0 + np.log(counts.astype(np.float64))
    norms = np.sqrt(np.bincount(usid, weights=vals * vals, minlength=n_sent))
    norms[norms == 0] = 1.0
    return usid, uidx, vals * (scale / norms[usid])


def embedding_block(texts: Sequence[str], cfg: FeatureConfig) -> np.ndarray:
    """The dense block: scaled WordLlama sentence vectors, shape (len(texts), embed_dim)."""
    if cfg.embed_dim == 0:
        return np.zeros((len(texts), 0), dtype=np.float32)
    return embed_sentences([normalize_text(t) for t in texts], cfg.embed_dim) * np.float32(
        cfg.embed_scale
    )


def featurize(
    texts: Sequence[str], cfg: FeatureConfig
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sparse hashed features of a batch as COO triples (sentence id, feature index, value).

    The dense embedding block (:func:`embedding_block`) comes after these indices.
    """
    lowers = [normalize_text(t) for t in texts]
    norms = [_DIGIT_RE.sub("0", t) for t in lowers]
    n = len(texts)
    ws, wi = _word_features(lowers, norms, cfg)
    cs, ci = _char_features(norms, cfg)
    w = _sublinear_l2(ws, wi, n, cfg.n_hashed, 1.0)
    c = _sublinear_l2(cs, ci, n, cfg.n_hashed, cfg.char_scale)
    return (
        np.concatenate((w[0], c[0])),
        np.concatenate((w[1], c[1])),
        np.concatenate((w[2], c[2])),
    )


class WorthinessScorer:
    """Calibrated probability that a sentence is a check-worthy factual claim.

    Immutable after construction, so one instance may be shared between threads.
    """

    _default: WorthinessScorer | None = None
    _default_lock = threading.Lock()

    def __init__(
        self,
        coef: np.ndarray,
        intercept: float,
        config: FeatureConfig,
        platt: tuple[float, float] = (1.0, 0.0),
        threshold: float = DEFAULT_THRESHOLD,
        meta: dict | None = None,
        isotonic: dict[str, tuple[Sequence[float], Sequence[float]]] | None = None,
    ) -> None:
        if coef.shape != (config.n_features,):
            raise ValueError(f"coef has shape {coef.shape}, expected ({config.n_features},)")
        self.coef = np.ascontiguousarray(coef, dtype=np.float32)
        self.coef.setflags(write=False)
        self.intercept = float(intercept)
        self.config = config
        self.platt = (float(platt[0]), float(platt[1]))
        self.threshold = float(threshold)
        self.meta = dict(meta or {})
        #: {"specific" | "nonspecific": (Platt probabilities, calibrated probabilities)};
        #: a group without a map keeps its Platt probability
        self.isotonic = {
            group: (np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64))
            for group, (xs, ys) in (isotonic or {}).items()
        }

    @classmethod
    def load(cls, path: Path | None = None) -> WorthinessScorer:
        """Load weights (``.npz``) and metadata (sibling ``.json``); default: shipped ones.

        The default scorer is loaded once per process and shared.
        """
        if path is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls._load_file(DEFAULT_WEIGHTS)
                return cls._default
        return cls._load_file(Path(path))

    @classmethod
    def _load_file(cls, path: Path) -> WorthinessScorer:
        with np.load(path, allow_pickle=False) as data:
            coef = data["coef"].astype(np.float32)
            intercept = float(data["intercept"])
        meta_path = path.with_suffix(".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        model = meta.get("model", {})
        cfg = FeatureConfig(**model.get("features", {}))
        platt = tuple(model.get("platt", (1.0, 0.0)))
        isotonic = {g: (xy[0], xy[1]) for g, xy in model.get("isotonic", {}).items()}
        return cls(coef, intercept, cfg, (platt[0], platt[1]), DEFAULT_THRESHOLD, meta,
                   isotonic)

    def decision_function(self, sentences: Sequence[str]) -> np.ndarray:
        """Uncalibrated linear scores (log-odds before Platt scaling)."""
        out = np.empty(len(sentences), dtype=np.float64)
        for start in range(0, len(sentences), _BATCH):
            batch = sentences[start : start + _BATCH]
            sid, idx, val = featurize(batch, self.config)
            z = np.bincount(sid, weights=val * self.coef[idx], minlength=len(batch))
            if self.config.embed_dim:
                dense = embedding_block(batch, self.config)
                z = z + dense @ self.coef[self.config.n_hashed :]
            out[start : start + len(batch)] = z + self.intercept
        return out

    def score(self, sentences: Sequence[str], quoted: bool = True) -> list[float]:
        """Probability in [0, 1] that each sentence is check-worthy.

        ``quoted``: a sentence holding a quotation of at least four words scores the
        larger of itself and the quoted words alone, so a person's disputed statement is
        not drowned by the attribution around it ("..., Mr. Steele said in a speech
        Thursday night in Connecticut").
        """
        if len(sentences) == 0:
            return []
        sentences = list(sentences)
        probs = self.calibrate(self.decision_function(sentences), sentences)
        inner = [(i, q) for i, t in enumerate(sentences) if (q := quoted_words(t))] \
            if quoted else []
        if inner:
            words = [q for _, q in inner]
            rows = np.asarray([i for i, _ in inner])
            probs[rows] = np.maximum(probs[rows],
                                     self.calibrate(self.decision_function(words), words))
        return probs.tolist()

    def calibrate(self, z: np.ndarray, sentences: Sequence[str]) -> np.ndarray:
        """Probabilities from the linear scores ``z`` of ``sentences``: Platt, then the
        calibration map of the sentence's group (with or without a checkable specific),
        when the weights have one."""
        a, b = self.platt
        p = 1.0 / (1.0 + np.exp(-np.clip(a * np.asarray(z) + b, -40.0, 40.0)))
        if not self.isotonic:
            return p
        specific = specific_mask(sentences)
        out = p.copy()
        for group, mask in (("specific", specific), ("nonspecific", ~specific)):
            if group in self.isotonic and mask.any():
                xs, ys = self.isotonic[group]
                out[mask] = np.interp(p[mask], xs, ys) + TIE_BREAK * p[mask]
        return np.clip(out, 0.0, 1.0)

    def score_one(self, text: str) -> float:
        """Probability in [0, 1] that one sentence is check-worthy."""
        return self.score([text])[0]

    def is_check_worthy(self, text: str, threshold: float | None = None) -> bool:
        """Whether ``text`` scores at or above ``threshold`` (default: the shipped one)."""
        return self.score_one(text) >= (self.threshold if threshold is None else threshold)

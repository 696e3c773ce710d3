"""Sentence-level "checkability" counts from a spaCy parse, for the check-worthiness benches.

The shipped scorer sees raw text only (hashed n-grams and a WordLlama vector). These
columns say what spaCy's tagger, parser and entity recogniser add: entities by type,
numbers, comparatives and superlatives, first / second person, modal verbs (future,
obligation, hedge), opinion verbs with a first-person subject ("I think"), a subject that
is a named entity, the root verb's tense, imperative mood, negation, question mark and
length. A parse is cached under /tmp (one ``.npy`` per text list), since spaCy dominates
the cost of the benches that use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "DATE",
                "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL")
_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
_SECOND = frozenset({"you", "your", "yours", "yourself", "yourselves"})
_FUTURE = frozenset({"will", "'ll", "shall", "wo"})
_DEONTIC = frozenset({"should", "must", "ought", "need"})
_HEDGE = frozenset({"may", "might", "could", "would", "can", "ca"})
_OPINION = frozenset({"think", "believe", "feel", "hope", "want", "wish", "guess", "know",
                      "suppose", "agree", "disagree", "worry", "love", "like"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})

COLUMNS: tuple[str, ...] = (
    *(f"ent_{t.lower()}" for t in ENTITY_TYPES),
    "numbers", "comparative", "superlative", "first_singular", "first_plural", "second",
    "modal_future", "modal_deontic", "modal_hedge", "opinion_first_person",
    "subject_named", "root_past", "root_present", "root_future", "imperative",
    "negation", "question", "tokens", "log_tokens",
)
#: Length aside, the columns an explicit "checkability" feature set takes (lead 2).
CHECKABILITY: tuple[str, ...] = (
    "subject_named", "root_past", "root_present", "root_future", "imperative",
    "comparative", "superlative", "ent_percent", "ent_money", "modal_deontic",
    "modal_hedge", "modal_future", "opinion_first_person", "first_singular",
    "first_plural", "second", "question", "negation",
)


def _row(doc) -> list[float]:  # noqa: ANN001  (a spaCy Doc; spaCy loads lazily)
    ents = [e.label_ for e in doc.ents]
    lowers = [t.lower_ for t in doc]
    tags = [t.tag_ for t in doc]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    modals = [t.lower_ for t in doc if t.tag_ == "MD"]
    subject_named = any(t.dep_ in _SUBJECTS and t.ent_type_ in _NAMED for t in doc)
    first_opinion = any(
        t.lemma_.lower() in _OPINION
        and any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in t.children)
        for t in doc)
    root_future = root is not None and any(
        c.tag_ == "MD" and c.lower_ in _FUTURE for c in root.children)
    imperative = (root is not None and root.tag_ == "VB"
                  and not any(c.dep_ in _SUBJECTS or c.tag_ == "MD" for c in root.children)
                  and root.i <= 1)
    n = len(doc)
    return [
        *(float(ents.count(t)) for t in ENTITY_TYPES),
        float(sum(t.like_num for t in doc)),
        float(sum(tag in {"JJR", "RBR"} for tag in tags)),
        float(sum(tag in {"JJS", "RBS"} for tag in tags)),
        float(sum(w in _FIRST_SINGULAR for w in lowers)),
        float(sum(w in _FIRST_PLURAL for w in lowers)),
        float(sum(w in _SECOND for w in lowers)),
        float(sum(m in _FUTURE for m in modals)),
        float(sum(m in _DEONTIC for m in modals)),
        float(sum(m in _HEDGE for m in modals)),
        float(first_opinion),
        float(subject_named),
        float(root is not None and root.tag_ == "VBD"),
        float(root is not None and root.tag_ in {"VBZ", "VBP"}),
        float(root_future),
        float(imperative),
        float(sum(t.dep_ == "neg" for t in doc)),
        float("?" in doc.text),
        float(n),
        float(np.log1p(n)),
    ]


def spacy_counts(texts: Sequence[str], cache_dir: Path = Path("/tmp/factdesk-bench")) -> np.ndarray:
    """The :data:`COLUMNS` of each text, shape (len(texts), len(COLUMNS)); cached."""
    digest = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    path = cache_dir / f"checkability-{len(COLUMNS)}-{digest}.npy"
    if path.exists():
        return np.load(path)
    from factdesk.nlp.model import load_base_pipeline  # lazy: spaCy is heavy

    nlp = load_base_pipeline()
    rows = [_row(doc) for doc in nlp.pipe(list(texts), batch_size=256)]
    out = np.asarray(rows, dtype=np.float32)
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out

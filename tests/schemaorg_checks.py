"""Offline checks of ClaimReview exports: schema.org's types, properties, domains and
ranges (a vendored subset of the vocabulary, ``fixtures/schemaorg``) and Google's required
and recommended fields. Shared by the report tests (not a test module itself)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

VOCABULARY = json.loads((Path(__file__).parent / "fixtures" / "schemaorg"
                         / "claimreview_vocabulary.json").read_text(encoding="utf-8"))


def _ancestors(kind: str) -> set[str]:
    table = {**VOCABULARY["types"], **VOCABULARY["datatypes"]}
    found, todo = set(), [kind]
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo += table[name]
    return found


_LITERALS = {
    "Text": lambda v: isinstance(v, str),
    "URL": lambda v: isinstance(v, str) and re.match(r"^https?://[^\s/]+", v) is not None,
    "Date": lambda v: isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) is not None,
    "DateTime": lambda v: isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T.+", v)
    is not None,
    "Number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "Integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
}


def schema_org_errors(node: dict[str, Any], where: str = "$") -> list[str]:
    """Unknown types and properties, properties outside their domain, values outside
    their range, checked against the vendored schema.org subset."""
    kind = node.get("@type")
    if kind not in VOCABULARY["types"]:
        return [f"{where}: unknown type {kind!r}"]
    errors = []
    for prop, values in node.items():
        if prop.startswith("@"):
            continue
        spec = VOCABULARY["properties"].get(prop)
        if spec is None:
            errors.append(f"{where}.{prop}: not a schema.org property")
            continue
        if not _ancestors(kind) & set(spec["domain"]):
            errors.append(f"{where}.{prop}: not a property of {kind}")
        for i, value in enumerate(values if isinstance(values, list) else [values]):
            at = f"{where}.{prop}[{i}]"
            if isinstance(value, dict):
                if not _ancestors(value.get("@type", "?") if value.get("@type") in
                                  VOCABULARY["types"] else "Thing") & set(spec["range"]):
                    errors.append(f"{at}: {value.get('@type')} is not in {spec['range']}")
                errors += schema_org_errors(value, at)
            elif not any(_LITERALS[r](value) for r in spec["range"] if r in _LITERALS):
                errors.append(f"{at}: {value!r} is not a {spec['range']}")
    return errors


NUMBERS = ("ratingValue", "bestRating", "worstRating")


def google_problems(review: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(missing required, missing recommended) fields of Google's ClaimReview guidance.
    The Rating's numbers are "for numeric ratings" (Fact Check Tools API, ClaimRating): a
    textual rating carries none of them, a numeric one all three, the value between the
    worst and the best."""
    rules = VOCABULARY["google"]
    required: list[str] = []
    recommended: list[str] = []
    rating = review.get("reviewRating", {})
    for node, rule in ((review, "ClaimReview"), (review.get("itemReviewed", {}), "Claim"),
                       (rating, "Rating"), (review.get("author", {}), "author")):
        required += [f"{rule}.{f}" for f in rules[rule]["required"] if f not in node]
        recommended += [f"{rule}.{f}" for f in rules[rule]["recommended"] if f not in node
                        and not (rule == "Rating" and f in NUMBERS
                                 and not any(n in rating for n in NUMBERS))]
    if all(n in rating for n in NUMBERS) and not (
            rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]):
        required.append("Rating.ratingValue between worstRating and bestRating")
    if len(review.get("claimReviewed", "")) > rules["claimReviewed_advised_length"]:
        recommended.append("claimReviewed shorter than 75 characters")
    return required, recommended

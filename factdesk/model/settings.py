"""A project's settings: every key, its default and its validation, in one place.

Settings are stored as small JSON values under string keys in the project file
(:class:`factdesk.storage.settings.SettingsRepository`). :class:`ProjectSettings` is
their typed view: :meth:`ProjectSettings.from_stored` reads what is stored (a value
that is missing, or stored by an older FactDesk in a shape this one cannot use, reads
as the default), and :func:`clean_setting` checks and normalises a value before it is
written. The window's Preferences and ``factdesk settings`` both write through the
undoable :class:`factdesk.core.settings_command.ChangeSettings`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from factdesk.model.models import web_address
from factdesk.model.ratings import RatingScale

#: The claim threshold a project starts with: detected claims whose check-worthiness
#: score is at least this are shown (highlighted, listed, stepped through with j/k); the
#: others stay candidates, shown on request. Chosen so that 10-35% of the sentences of
#: real news are shown: 26% of BASIL dev's 6,464 sentences (bench/claims_quality.py;
#: docs/claims.md).
DEFAULT_CLAIM_THRESHOLD: float = 0.70

CHECKER = "checker"
ORGANISATION = "organisation"
ORGANISATION_URL = "organisation_url"
REPORT_URL = "report_url"
REPORT_TITLE = "report_title"
CLAIM_THRESHOLD = "claim_threshold"
RATING_SCALE = "rating_scale"
SPACY_MODEL = "spacy_model"


def _text(name: str) -> Callable[[Any], str | None]:
    def clean(value: Any) -> str | None:
        text = str(value).strip() if value is not None else ""
        return text or None

    clean.__name__ = f"clean_{name}"
    return clean


def _address(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return web_address(text) if text else None


def _threshold(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a number between 0 and 1") from None
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{number} is not between 0 and 1")
    return round(number, 3)


def _parse_scale(value: Any) -> RatingScale:
    if isinstance(value, str):  # typed as JSON (``factdesk settings``)
        try:
            value = json.loads(value)
        except ValueError:
            raise ValueError("give the scale as a JSON list of ratings, e.g. "
                             '[{"name": "True", "value": 2, "key": "1"}, ...]') from None
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            raise ValueError("give the scale as a JSON list of ratings")
    return value if isinstance(value, RatingScale) else RatingScale.from_json(value)


def _scale(value: Any) -> list[dict[str, Any]] | None:
    """A scale to store: its numbers are published (ClaimReview), so they must form one
    ordinal scale (a scale stored earlier is read as it is: :meth:`ProjectSettings.
    from_stored`)."""
    if value is None:
        return None
    scale = _parse_scale(value)
    if problem := scale.ordinal_problem():
        raise ValueError(f"the rating numbers must form one scale: {problem}")
    return scale.to_json()


@dataclass(frozen=True)
class SettingSpec:
    """One project setting: its key, what it is for, and how a value is checked."""

    key: str
    help: str
    clean: Callable[[Any], Any]  # the value to store; ValueError, saying why, if invalid
    by_hand: bool  # set with ``factdesk settings`` (the others: Preferences, or options)


SETTINGS: dict[str, SettingSpec] = {spec.key: spec for spec in (
    SettingSpec(CHECKER, "the checker's name, on verdicts and in reports",
                _text(CHECKER), by_hand=True),
    SettingSpec(ORGANISATION, "who publishes the checks (the ClaimReview author)",
                _text(ORGANISATION), by_hand=True),
    SettingSpec(ORGANISATION_URL, "the organisation's web address (the ClaimReview author's url)",
                _address, by_hand=True),
    SettingSpec(REPORT_URL, "the web address the report is published at (the ClaimReview url)",
                _address, by_hand=True),
    SettingSpec(REPORT_TITLE, "the title of the PDF report (its cover and document title)",
                _text(REPORT_TITLE), by_hand=True),
    SettingSpec(CLAIM_THRESHOLD, "the check-worthiness score from which a claim is shown",
                _threshold, by_hand=True),
    SettingSpec(RATING_SCALE, "the ratings a verdict can take, best first (keys 1-9; numbers, "
                "published in ClaimReview, fall down the list), as JSON",
                _scale, by_hand=True),
    SettingSpec(SPACY_MODEL, "the spaCy pipeline claims are detected with",
                _text(SPACY_MODEL), by_hand=False),
)}


def clean_setting(key: str, value: Any) -> Any:
    """``value`` as it is stored for ``key`` (None clears the setting); ValueError, saying
    why, for an unknown key or an invalid value."""
    spec = SETTINGS.get(key)
    if spec is None:
        raise ValueError(f"there is no project setting {key!r}; there are: "
                         + ", ".join(SETTINGS))
    if value is None:
        return None
    try:
        return spec.clean(value)
    except (ValueError, TypeError, KeyError) as exc:
        reason = str(exc) if isinstance(exc, ValueError) else f"not a valid value ({exc})"
        raise ValueError(f"{key}: {reason}") from None


@dataclass(frozen=True)
class ProjectSettings:
    """The typed view of a project's settings, defaults filled in."""

    checker: str | None = None  # None: the session's or login name is used
    organisation: str | None = None
    organisation_url: str | None = None
    report_url: str | None = None
    report_title: str | None = None
    claim_threshold: float = DEFAULT_CLAIM_THRESHOLD
    rating_scale: RatingScale = RatingScale.default()
    spacy_model: str | None = None  # None: en_core_web_sm, else its PyPI packaging

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> ProjectSettings:
        """The settings as stored (``SettingsRepository.all()``); a value this FactDesk
        cannot use reads as its default."""
        values: dict[str, Any] = {}
        for key, spec in SETTINGS.items():
            raw = stored.get(key)
            if raw is None:
                continue
            try:
                # a stored scale is read even when its numbers are not ordinal: its
                # ratings name the verdicts (the reports then publish no numbers)
                values[key] = (_parse_scale(raw).to_json() if key == RATING_SCALE
                               else spec.clean(raw))
            except (ValueError, TypeError, KeyError):
                continue
        scale = values.pop(RATING_SCALE, None)
        return cls(**{k: v for k, v in values.items() if v is not None},
                   rating_scale=RatingScale.from_json(scale))

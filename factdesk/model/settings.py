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
from factdesk.model.triage import Triage

#: The claim threshold a project starts with: a sentence whose check-worthiness score is
#: at least this is a check-worthy claim (ClaimBuster's CFS), and what ``factdesk score``
#: calls a claim. It is the threshold the shipped training procedure chooses for a flag
#: a checker acts on: the F-0.5 optimum (precision weighted twice) on ClaimBuster's
#: crowdsourced set (inner out-of-fold probabilities, ``claimbuster_threshold_default``
#: = 0.579 in factdesk/nlp/weights/worthiness.json), rounded. Nested 5-fold CV there:
#: P 0.798 / R 0.530 (the F1 optimum, 0.33, gives 0.653 / 0.740); docs/claims.md, "The
#: operating point". What an article shows by default is also capped by
#: :data:`DEFAULT_CLAIM_SHARE` (:mod:`factdesk.model.triage`).
DEFAULT_CLAIM_THRESHOLD: float = 0.58

#: The per-article attention budget a project starts with: an article shows by default
#: at most this share of its sentences (``ceil(share x sentences)``, at least one) as
#: claims, the most check-worthy first (plus the article's lead, ``triage.LEAD_FLOOR``).
#: Chosen on a checker's reading of 24 BASIL dev articles, every sentence labelled: 0.35
#: shows 13 more checker picks than 0.30 for 3 more fillers, and keeps the shown share of
#: BASIL dev news sentences (225 articles) inside 10-35% (31.2% with the lead rule):
#: docs/claims.md, "Operating point variants". 1.0 disables the cap. (Was 0.30; a share
#: stored at 0.3 by an older Preferences was dropped by migration 0009, and Preferences
#: now stores only an edited value, so no project pins 0.30 without its checker.)
DEFAULT_CLAIM_SHARE: float = 0.35

CHECKER = "checker"
ORGANISATION = "organisation"
ORGANISATION_URL = "organisation_url"
REPORT_URL = "report_url"
REPORT_TITLE = "report_title"
CLAIM_THRESHOLD = "claim_threshold"
CLAIM_SHARE = "claim_share"
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


def _share(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a share: a number above 0, at most 1") from None
    if not 0.0 < number <= 1.0:
        raise ValueError(f"{number} is not a share: it must be above 0 and at most 1 "
                         "(1 shows every claim above the threshold)")
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
    SettingSpec(CLAIM_THRESHOLD, "the check-worthiness score from which a sentence is a "
                "check-worthy claim (shown by default within the article's claim_share)",
                _threshold, by_hand=True),
    SettingSpec(CLAIM_SHARE, "the most of an article's sentences shown by default as claims "
                "(0-1, the highest-scoring first; 1: no cap)", _share, by_hand=True),
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
    claim_share: float = DEFAULT_CLAIM_SHARE
    rating_scale: RatingScale = RatingScale.default()
    spacy_model: str | None = None  # None: en_core_web_sm, else its PyPI packaging

    @property
    def triage(self) -> Triage:
        """The claim threshold and share, which decide what is shown by default."""
        return Triage(self.claim_threshold, self.claim_share)

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

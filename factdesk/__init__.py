"""FactDesk: a desktop fact-checking workstation (claims, cross-source matching, verdicts)."""

__version__ = "0.1.0"

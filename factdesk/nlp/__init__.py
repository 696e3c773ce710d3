"""FactDesk nlp layer."""

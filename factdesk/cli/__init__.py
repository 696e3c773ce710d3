"""FactDesk cli layer."""

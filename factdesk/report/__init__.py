"""FactDesk report layer."""

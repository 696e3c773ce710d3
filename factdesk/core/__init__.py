"""FactDesk core layer."""

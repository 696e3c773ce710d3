"""FactDesk matching layer."""

"""FactDesk gui layer."""

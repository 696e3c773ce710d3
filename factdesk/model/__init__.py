"""FactDesk's ground floor: plain data types, anchoring, change-sets and the rating scale.

Every other layer may import this package; it imports nothing of FactDesk's above it
(no SQL, no NLP, no Qt). See docs/development.md for the whole picture of the layers.
"""

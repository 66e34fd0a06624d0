"""SFR: Pack Business Unifié manager self-care (guide 004)."""

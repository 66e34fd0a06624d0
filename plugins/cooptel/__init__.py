"""Cooptel: Arcade business telephony portal (guide 003)."""

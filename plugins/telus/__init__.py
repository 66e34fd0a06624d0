"""TELUS: Connexion Affaires (Business Connect) admin portal (guide 002)."""

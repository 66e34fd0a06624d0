"""Cooptel audio conferences (guide 003 §16–§16.4, "Créer une conférence"):

- two types, "Permanente" and "Usage unique"; a one-time conference has a start date, an
  estimated length and a time zone, "leur durée maximale est limitée à 3 heures";
- the language greeting participants, "Français ou Anglais";
- "Diffuser la conférence sur le web ... cette option est désactivée pour les conférences
  permanentes";
- participants invited by name and e-mail, "Administrateur" or "Participant"; without an
  administrator connected, participants wait (§16, Notes);
- a 4-digit room number and a 4-digit access code "si applicable" (§16.2); a one-time
  conference can be joined "10 minutes avant la date de début" (§16.2, Note);
- the history of held conferences, "Conférences terminées" (§16.4), as the network reports
  them: "Une conférence n'ayant eu aucun participant connecté n'apparaîtra pas dans
  l'historique"; "Les enregistrements audios sont archivés pour une durée maximale de 7
  jours".
"""

from __future__ import annotations

from backoffice.plugin import (
    ConferenceLimits,
    FeatureOffer,
    conferences_block,
    participants_block,
)

GUIDE = "003_1f8630d8cbff8d99.txt"
SECTION = f"{GUIDE} §16"

OFFER = FeatureOffer("conferences", "tenant", (), ConferenceLimits(
    languages=("fr", "en"), max_minutes=180, opens_minutes_before=10,
    web_broadcast_permanent=False, recording_days=7), SECTION)
BLOCKS = (conferences_block(guide_section=SECTION),
          participants_block(guide_section=f"{GUIDE} §16.1"))

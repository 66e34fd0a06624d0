"""Cooptel softphones (guide 003 §13 "Ajouter un téléphone logiciel"):

- added from an extension ("repérer le poste auquel vous souhaitez ajouter un téléphone
  logiciel ... Ajout d'un téléphone logiciel");
- each has its SIP account: "Nom d'utilisateur SIP", "Serveur (aussi appelé Domaine)
  fournis par Cooptel", "Mot de passe fournis par Cooptel également";
- "il faudra créer autant de comptes SIP que de téléphones logiciels": an extension may
  have several softphones, each its own account;
- "Des frais de 30$ par poste, sont applicable pour le téléchargement de la licence.
  S'ajoute ensuite des frais de 3$/mois pour l'utilisation du UC Desktop": quoted to the
  agent as information, never charged.

The guide does not write the server's name: the sandbox's is ``sip.cooptel.qc.ca``.
"""

from __future__ import annotations

from backoffice.plugin import N_, FeatureOffer, SoftphoneLimits, softphones_block

GUIDE = "003_1f8630d8cbff8d99.txt"

FEES = (N_("$30 per extension for downloading the licence"),
        N_("then $3/month for using UC Desktop"))

OFFER = FeatureOffer("softphones", "line", ("extension",), SoftphoneLimits(
    server="sip.cooptel.qc.ca", fees=FEES), f"{GUIDE} §13")

BLOCK = softphones_block(guide_section=f"{GUIDE} §13")

"""Cooptel e-fax (guide 003 §6 "Paramètres de votre Efax", §6.1–§6.4):

- faxes are sent from the customer's fax numbers, the lines of plan "Numéro de fax (Efax)"
  (§6.1 "Gérer les paramètres de vos numéros de fax");
- the fax options (§6.2): the language, "Se souvenir du sujet / du nom de la compagnie pour
  le prochain fax", "Cacher le numéro de téléphone du destinataire / de provenance", "Cacher
  le numéro de fax de provenance";
- "Vous devez remplir TOUS les champs de la page de couverture" (§6.3);
- each document "Être en format .pdf; Faire au maximum 1,5MB; Être composé uniquement de
  pages en format US Letter portrait ou A4 portrait" (§6.4): 1,5 MB read as 1 500 000 bytes;
- "Ce courriel de confirmation ne sera envoyé que si notre équipe technique a activé
  l'option pour le numéro de fax sélectionné dans le champ Fax de provenance" (§6.4): a
  setting of each fax number.
"""

from __future__ import annotations

from backoffice.plugin import FaxLimits, FeatureOffer, fax_number_block

GUIDE = "003_1f8630d8cbff8d99.txt"
SECTION = f"{GUIDE} §6.1, §6.2, §6.3, §6.4"
PLANS = ("efax",)

LIMITS = FaxLimits(max_bytes=1_500_000, page_sizes=("letter", "a4"), portrait_only=True,
                   sender_plans=PLANS)
OFFER = FeatureOffer("faxes", "tenant", (), LIMITS, SECTION)
NUMBER_OFFER = FeatureOffer("fax_numbers", "line", PLANS, None, f"{GUIDE} §6.1, §6.4")
BLOCKS = (fax_number_block(guide_section=f"{GUIDE} §6.1, §6.4"),)

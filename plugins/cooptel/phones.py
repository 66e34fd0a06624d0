"""Cooptel phones (guide 003 §12 "Ajouter un téléphone à votre compte", §14 "Assigner un
téléphone à un poste", §14.1 "Désassigner", §14.2 "Assigner un téléphone à plusieurs
postes", §7.5 and §9 on restarting the phone):

- the bank of phones: "L'adresse MAC du téléphone est un numéro à 12 chiffres"; "Il est
  nécessaire que vous donniez un nom au téléphone";
- assigning a phone to an extension: the model ("Si le bon modèle n'est pas choisi, le
  téléphone ne fonctionnera pas"), the time zone ("Le fuseau horaire par défaut de l'usine
  est le HNE"), the line keys ("assurez-vous qu'il n'y a pas de touches de ligne vide au
  début et entre les extensions"); one phone serves several extensions, "il faut choisir
  des boutons de ligne différents", "Veillez à ne pas sélectionner deux fois le même
  bouton de ligne";
- "Il faudra alors redémarrer l'appareil", "Cela peut prendre jusqu'à 5 minutes".

The state of the extensions (§15) follows from their phones: see ``plugins/cooptel/network.py``.
Softphones (§13) are in ``plugins/cooptel/softphones.py``.
"""

from __future__ import annotations

from backoffice.plugin import (
    N_,
    DeviceLimits,
    DeviceModel,
    FeatureOffer,
    KeyLimits,
    assignments_block,
    phone_bank_block,
)

GUIDE = "003_1f8630d8cbff8d99.txt"

MODELS = (
    DeviceModel("polycom_vvx_311", "Polycom VVX 311", "ip_phone", 6),
    DeviceModel("polycom_vvx_450", "Polycom VVX 450", "ip_phone", 12),
)
TIMEZONES = {
    "America/St_Johns": N_("Newfoundland time (HNT)"),
    "America/Halifax": N_("Atlantic time (HNA)"),
    "America/Toronto": N_("Eastern time (HNE)"),
    "America/Winnipeg": N_("Central time (HNC)"),
    "America/Edmonton": N_("Mountain time (HNR)"),
    "America/Vancouver": N_("Pacific time (HNP)"),
}

DEVICES = FeatureOffer("devices", "tenant", (), DeviceLimits(
    models=MODELS, name_required=True, mac_required=True, timezones=TIMEZONES,
    default_timezone="America/Toronto", restart_minutes=5), f"{GUIDE} §12")
KEYS = FeatureOffer("programmable_keys", "line", ("extension",), KeyLimits(),
                    f"{GUIDE} §14")

BLOCKS = (phone_bank_block(guide_section=f"{GUIDE} §12"),
          assignments_block(guide_section=f"{GUIDE} §14, §14.2"))

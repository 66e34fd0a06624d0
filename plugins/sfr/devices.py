"""SFR hardware and programmable keys (guide 004 §6.16 "Matériel associé à une ligne", §6.17
"Touches programmables d'un poste IP", §9.2 "Modifier le matériel d'une ligne", §9.3 "Reset
de configuration d'un poste", §4.6 the @MAC of the lines):

- types of hardware: "Poste IP", "DECT IP", "Pieuvres de conférence" for a "Forfait
  fixe", "ATA" for a "Forfait analogique"; "Si Collab : pas de matériel obligatoire Sinon :
  modèle de matériel obligatoire" (the Collab option is not modelled: a model is required);
- "seuls les postes IP disposent de touches programmables";
- supervision keys first, "45 touches de supervision maximum quel que soit le modèle",
  "Lignes internes uniquement ... (Numéro fixe pour lignes mobiles exclu)"; speed dials
  after them, "autant que le nombre de touches programmables du poste"; one pickup key,
  "*98" labelled "Interception"; "sans touche vide entre deux touches programmées"; "il
  est possible d'ordonner les touches de supervision entre elles et les touches de
  raccourci entre elles, mais elles ne peuvent pas être mélangées";
- "La validation entraîne alors un redémarrage automatique du téléphone";
- a model with fewer keys: "seule une partie de vos touches seront conservées" (§9.2); the
  hardware removed: "vous perdez vos touches de supervision et de raccourci" (§9.3).

Not built: the SIM card ("A venir, en projet pour fin 2025"), with its MSISDN and codes.
"""

from __future__ import annotations

from backoffice.plugin import (
    DeviceLimits,
    DeviceModel,
    FeatureOffer,
    KeyLimits,
    keys_block,
    line_device_block,
)

GUIDE = "004_1c65287363dc7b18.txt"

MODELS = (
    DeviceModel("polycom_vvx_450", "Polycom VVX 450", "ip_phone", 47),
    DeviceModel("polycom_vvx_250", "Polycom VVX 250", "ip_phone", 4),
    DeviceModel("poly_edge_e220", "Poly Edge E220", "ip_phone", 15),
    DeviceModel("yealink_w52pu", "Yealink W52PU", "dect", 0),
    DeviceModel("polycom_soundstation_5000", "Polycom Soundstation 5000", "conference_phone",
                0),
    DeviceModel("audiocodes_mp202b", "AudioCodes MP-202B RevD", "ata", 0),
)

DEVICES = FeatureOffer("devices", "line", ("fixe", "analogique"), DeviceLimits(
    models=MODELS, model_required=True,
    kinds_per_plan={"fixe": ("ip_phone", "dect", "conference_phone"),
                    "analogique": ("ata",)}), f"{GUIDE} §6.16")
KEYS = FeatureOffer("programmable_keys", "line", ("fixe",), KeyLimits(
    categories={"supervision": ("supervision",), "shortcuts": ("speed_dial", "pickup")},
    max_per_kind={"supervision": 45, "pickup": 1}, supervision_plans=("fixe", "mobile"),
    pickup_number="*98", pickup_label="Interception", restarts_phone=True),
    f"{GUIDE} §6.17")

BLOCKS = (line_device_block(guide_section=f"{GUIDE} §6.16, §9.2, §9.3"),
          keys_block(guide_section=f"{GUIDE} §6.17"))

"""Cooptel's declarations and hooks."""

from __future__ import annotations

from backoffice.plugin import (
    BlacklistLimits,
    CalendarLimits,
    CallerIdLimits,
    CallPermissionLimits,
    Carrier,
    CarrierPlugin,
    FeatureOffer,
    ForwardingLimits,
    HolidaySpec,
    LineLimits,
    Plan,
    SwitchLimits,
    hookimpl,
)
from plugins.cooptel import (
    address_books,
    blacklist,
    business_hours,
    call_pickup,
    conferences,
    demo,
    extension_creation,
    extension_settings,
    extensions,
    fax,
    forwarding,
    phones,
    softphones,
    voicemail,
)
from plugins.cooptel.network import CooptelSandbox

GUIDE = "003_1f8630d8cbff8d99.txt"


class Cooptel(CarrierPlugin):
    """Cooptel: declarations from its guide, rules and call stages per feature."""

    network = CooptelSandbox
    demo = staticmethod(demo.load)

    blocks = (*blacklist.BLOCKS, forwarding.BLOCK, business_hours.BLOCK,
              *extension_settings.BLOCKS, voicemail.BLOCK, voicemail.MESSAGES_BLOCK,
              call_pickup.BLOCK, *conferences.BLOCKS, *address_books.BLOCKS,
              *extension_creation.BLOCKS, *fax.BLOCKS, *phones.BLOCKS,
              softphones.BLOCK)
    rules = {"forwarding": forwarding.validate_forwarding,
             "voicemail": voicemail.validate_voicemail}
    # screening comes first, then the closing message, then the extension's forwarding
    # ...and an unanswered extension ends in its mailbox, or rings forever without one
    call_stages = (blacklist.screening_steps, business_hours.closed_stage,
                   extension_settings.do_not_disturb_stage, call_pickup.call_pickup_stage,
                   forwarding.forwarding_stage, extension_settings.busy_stage,
                   voicemail.voicemail_stage)
    outgoing_stages = (extension_settings.permissions_stage,)
    quick_edit = extension_settings.QUICK_EDIT_BLOCKS

    @hookimpl
    def carrier_identity(self) -> Carrier:
        return Carrier(id="cooptel", name="Cooptel", country="CA", default_locale="fr",
                       timezone="America/Toronto", guides=(GUIDE,))

    @hookimpl
    def carrier_plans(self) -> list[Plan]:
        return [
            Plan("extension", {"fr": "Poste téléphonique", "en": "Extension"},
                 requires=("extension",), guide_section=f"{GUIDE} §11", set_once=("email",)),
            Plan("efax", {"fr": "Numéro de fax (Efax)", "en": "E-fax number"},
                 requires=("number",), guide_section=f"{GUIDE} §6", answered_by="fax"),
        ]

    @hookimpl
    def carrier_features(self) -> list[FeatureOffer]:
        return [
            FeatureOffer("forwarding", "line", ("extension",), ForwardingLimits(
                triggers=("always", "no_answer", "ring_together", "caller_confirms"),
                destinations=("number", "extension"),
                extensions_of_tenant=True,
                find_me_destinations=("number",),
            ), f"{GUIDE} §2, §9.1"),
            FeatureOffer("blacklist", "tenant", (), BlacklistLimits(
                modes=("block", "allow_only"),
                match=("equals", "starts_with", "ends_with", "contains"),
                applies_to_anonymous=False,
            ), f"{GUIDE} §8"),
            FeatureOffer("business_hours", "tenant", (), CalendarLimits(
                closures_repeat_yearly=True, holidays=HolidaySpec("CA", "QC"),
            ), f"{GUIDE} §4, §5"),
            FeatureOffer("extension_settings", "line", ("extension",), None, f"{GUIDE} §9.1"),
            FeatureOffer("do_not_disturb", "line", ("extension",), SwitchLimits(default=False),
                         f"{GUIDE} §9.1"),
            FeatureOffer("admin_settings", "line", ("extension",), None, f"{GUIDE} §9.2"),
            FeatureOffer("call_permissions", "line", ("extension",), CallPermissionLimits(
                categories=("long_distance", "international"),
                policies=("disabled", "code", "unlimited"), default_policy="unlimited",
            ), f"{GUIDE} §9.2, §10.2"),
            FeatureOffer("caller_id", "line", ("extension",), CallerIdLimits(
                modes=("line", "hidden", "alternate"), name_max_length=15,
                name_and_number=True, numbers_of_tenant=True,
            ), f"{GUIDE} §9.2"),
            FeatureOffer("call_pickup", "line", ("extension",), SwitchLimits(default=False),
                         f"{GUIDE} §9.2"),
            FeatureOffer("lines", "tenant", (), LineLimits(
                reserved_extensions=extensions.RESERVED,
            ), f"{GUIDE} §11.1"),
            conferences.OFFER,
            address_books.OFFER,
            extension_creation.OFFER,
            address_books.PHONE_OFFER,
            fax.OFFER,
            fax.NUMBER_OFFER,
            phones.DEVICES, phones.KEYS, softphones.OFFER,
            FeatureOffer("voicemail", "line", voicemail.PLANS, voicemail.LIMITS,
                         voicemail.SECTION),
        ]



plugin = Cooptel()

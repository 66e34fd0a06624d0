"""The call-path explainer walks a voice menu with the keys the caller presses (guide 004
§3.5.1, §8.1; guide 002 "Gestion des appels de l'entreprise (paramètres IVR)").

The call is answered and the greeting played (the closed-hours one while the menu's
calendar is closed); the first key chooses in the main menu, the second in the sub-menu
it opens; a key sends the call to its number. Without a key, the menu does what its
``no_input`` says, where the carrier offers that choice.
"""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import select

from backoffice.core.calendars.models import Calendar
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.ivr.menus import ivr_answering, ivr_limits
from backoffice.core.ivr.models import Announcement, Ivr, IvrKey
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db


def _greeting_words(announcement_id: int | None) -> str:
    item = db.session.get(Announcement, announcement_id) if announcement_id else None
    if item is None:
        return gettext("the default greeting, spoken with the company's name")
    return gettext("the greeting “%(name)s”", name=item.name)


def _target(key: IvrKey) -> str:
    destination = key.target
    return destination.value if destination is not None else ""


def _label(key: IvrKey) -> str:
    return f" ({key.label})" if key.label else ""


def menu_steps(call: CallContext, tenant: Tenant, line: Line, *, section: str,
               code_prefix: str = "ivr") -> list[CallStep]:
    """The steps of ``call`` through the menu answering ``line``; none when it has none."""
    ivr = ivr_answering(line)
    if ivr is None:
        return []
    if not ivr.enabled:
        return [CallStep("menu_off", gettext(
            "The voice menu is switched off: it does not answer calls."), section,
            final=True, code=f"{code_prefix}.off")]
    steps: list[CallStep] = []
    hours, greeting = "open", ivr.open_greeting_id
    limits = ivr_limits(tenant)
    calendar = db.session.get(Calendar, ivr.calendar_id) if ivr.calendar_id else None
    if calendar is not None and limits.closed_menu:
        status = calendar.status(call.moment)
        if not status.open:
            hours, greeting = "closed", ivr.closed_greeting_id
            steps.append(CallStep("closed", gettext(
                "%(reason)s: the closed-hours greeting and menu answer.", reason=status.reason),
                section, code=f"{code_prefix}.closed"))
    steps.append(CallStep("greeting", gettext(
        "The call is answered and the caller hears %(greeting)s.",
        greeting=_greeting_words(greeting)), section, code=f"{code_prefix}.greeting"))
    keys = {key.path: key for key in db.session.scalars(select(IvrKey).where(
        IvrKey.ivr_id == ivr.id, IvrKey.hours == hours))}
    return steps + _walk(call.digits, keys, ivr, section, code_prefix)


def _walk(digits: str, keys: dict[str, IvrKey], ivr: Ivr, section: str,
          code_prefix: str) -> list[CallStep]:
    steps: list[CallStep] = []
    path = ""
    for level in (1, 2):
        pressed = digits[level - 1:level]
        if not pressed:
            return steps + [_no_input(ivr, level, section, code_prefix)]
        path += pressed
        key = keys.get(path)
        if key is None:
            return steps + [CallStep("no_input", gettext(
                "Key %(key)s leads nowhere in this menu: no destination is set for it, so the "
                "call goes no further.", key=pressed), section, final=True,
                code=f"{code_prefix}.unassigned_key")]
        if key.kind != "menu":
            return steps + [CallStep("forward", gettext(
                "The caller presses %(key)s%(label)s: the call is sent to %(target)s.",
                key=pressed, label=_label(key), target=key.target.display if key.target
                else ""), section, target=_target(key), final=True,
                code=f"{code_prefix}.key")]
        steps.append(CallStep("menu", gettext(
            "The caller presses %(key)s%(label)s: the sub-menu answers with %(greeting)s.",
            key=pressed, label=_label(key), greeting=_greeting_words(key.greeting_id)),
            section, code=f"{code_prefix}.sub_menu"))
    return steps


def _no_input(ivr: Ivr, level: int, section: str, code_prefix: str) -> CallStep:
    if ivr.no_input == "operator":
        rule = gettext("The caller presses no key: the call is connected to the operator.")
        return CallStep("forward", rule, section, target="operator", final=True,
                        code=f"{code_prefix}.no_input.operator")
    if ivr.no_input == "disconnect":
        rule = gettext("The caller presses no key: the call is disconnected.")
        return CallStep("no_input", rule, section, final=True,
                        code=f"{code_prefix}.no_input.disconnect")
    rule = gettext("The caller presses no key: the menu waits for one and sends the call "
                   "nowhere (give the keys pressed to follow the call further).")
    return CallStep("no_input", rule, section, final=True, code=f"{code_prefix}.no_input")

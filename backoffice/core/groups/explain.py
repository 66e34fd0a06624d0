"""The call path of groups: a call to a hunt group or a queue walks distribution (who
rings, in what order), waiting and overflow; a call to a member says what the group's
calls do to it; a call to a pickup group's member says who can pick it up.

Carriers list these in their call stages and give the guide sections they come from.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask_babel import gettext, ngettext

from backoffice.core.calendars.models import Calendar
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.groups import hunt_groups, pickup
from backoffice.core.groups.models import HuntGroupMember
from backoffice.core.limits import HuntGroupLimits
from backoffice.core.media.models import AudioFile
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import for_display
from backoffice.extensions import db


def _who(line: Line, country: str) -> str:
    number = for_display(line.number, country) if line.number else (line.extension or "")
    return f"{line.display_name} ({number})" if line.display_name else number


def _names(members: list[HuntGroupMember], country: str) -> str:
    return ", ".join(_who(member.line, country) for member in members)


def _keys(line: Line) -> set[str]:
    return {key for key in (line.number, line.extension) if key}


def _order(members: list[HuntGroupMember], by: str) -> list[HuntGroupMember]:
    if by == "extension":
        return sorted(members, key=lambda m: (len(m.line.extension or ""),
                                              m.line.extension or "", m.position))
    return members


def distribution_steps(call: CallContext, tenant: Tenant, line: Line, *, country: str,
                       sections: Mapping[str, str], code_prefix: str = "hunt_group",
                       feature: str = hunt_groups.FEATURE) -> list[CallStep]:
    """The path of a call to the group ``line``: to members, to the queue, or to overflow.

    ``sections`` names the guide section of ``members``, ``distribution``, ``waiting`` and
    ``overflow`` (and, where the carrier offers them, ``greeting``, ``hold_music`` and
    ``hours``). Where offered: outside the group's hours, the after-hours greeting plays
    and the call goes where the carrier's ``after_hours`` says; within them, the greeting
    plays first, and a call handed to members or waiting hears the hold music.
    """
    limits = hunt_groups.limits_of(tenant, feature)
    settings = hunt_groups.effective_settings(tenant, line, feature)
    options = settings["options"]
    closed = _after_hours_steps(call, limits, settings, sections, code_prefix, country)
    if closed:
        return closed
    steps = _greeting_steps(options, "greeting", limits, sections, code_prefix)
    path = _member_steps(call, tenant, line, limits, settings, sections, code_prefix, country)
    if limits.hold_music is not None and path[-1].action in ("distribution", "queue"):
        steps.append(_hold_music_step(options, sections, code_prefix))
    return steps + path


def _audio_name(audio_id: int | None) -> str:
    audio = db.session.get(AudioFile, audio_id) if audio_id else None
    return audio.filename if audio is not None else ""


def _greeting_steps(options: Mapping[str, object], name: str, limits: HuntGroupLimits,
                    sections: Mapping[str, str], code_prefix: str) -> list[CallStep]:
    kind = options.get(name, "off")
    if limits.greeting is None or kind == "off":
        return []
    section = sections.get("greeting", sections["distribution"])
    if kind == "custom":
        text = gettext("The caller first hears the custom greeting “%(name)s”.",
                       name=_audio_name(options.get(f"{name}_audio_id")))
    else:
        text = gettext("The caller first hears the default greeting.")
    return [CallStep("greeting", text, section, code=f"{code_prefix}.{name}.{kind}")]


def _hold_music_step(options: Mapping[str, object], sections: Mapping[str, str],
                     code_prefix: str) -> CallStep:
    kind = options.get("hold_music", "default")
    section = sections.get("hold_music", sections["distribution"])
    if kind == "custom":
        text = gettext("While waiting, the caller hears the custom hold music “%(name)s”.",
                       name=_audio_name(options.get("hold_music_audio_id")))
    else:
        text = gettext("While waiting, the caller hears the default hold music.")
    return CallStep("hold_music", text, section, code=f"{code_prefix}.hold_music.{kind}")


def _after_hours_steps(call: CallContext, limits: HuntGroupLimits, settings, sections,
                       code_prefix: str, country: str) -> list[CallStep]:
    """Outside the group's hours: the after-hours greeting, then ``after_hours``."""
    options = settings["options"]
    calendar_id = options.get("calendar_id")
    if limits.after_hours is None or calendar_id is None:
        return []
    calendar = db.session.get(Calendar, calendar_id)
    if calendar is None:
        return []
    status = calendar.status(call.moment)
    if status.open:
        return []
    section = sections.get("hours", sections["distribution"])
    steps = [CallStep("closed", gettext(
        "%(reason)s: the call arrives outside the group's hours (calendar “%(calendar)s”).",
        reason=status.reason, calendar=calendar.name), section,
        code=f"{code_prefix}.after_hours")]
    steps += _greeting_steps(options, "after_hours_greeting", limits, sections, code_prefix)
    kind = limits.after_hours
    after = {**settings, "overflow": kind}
    action = {"number": "forward", "deterrent": "announcement", "voicemail": "voicemail"
              }.get(kind, "overflow")
    steps.append(CallStep(action, gettext(
        "Outside its hours, no member rings: %(what)s.",
        what=_overflow_words(after, country)), section,
        target="voicemail" if kind == "voicemail" else (
            settings["overflow_number"] or "" if kind == "number" else ""),
        final=True, code=f"{code_prefix}.after_hours.{kind}"))
    return steps


def _member_steps(call: CallContext, tenant: Tenant, line: Line, limits: HuntGroupLimits,
                  settings, sections, code_prefix: str, country: str) -> list[CallStep]:
    members = hunt_groups.members_of(line)
    busy, offline = set(call.busy_members), set(call.offline_members)
    connected = [m for m in members if m.present and not _keys(m.line) & offline]
    if not members:
        return [_overflow(settings, sections, code_prefix, country, gettext(
            "The group has no member: the queue is skipped and the call goes straight to "
            "overflow."), f"{code_prefix}.overflow.no_member", sections["members"])]
    if not connected:
        return [_overflow(settings, sections, code_prefix, country, gettext(
            "No member of the group is connected: the queue is skipped and the call goes "
            "straight to overflow."), f"{code_prefix}.overflow.none_connected",
            sections["members"])]
    max_calls = settings["max_calls"]
    if call.calls_waiting >= max_calls:
        return [_overflow(settings, sections, code_prefix, country, ngettext(
            "The queue is full: %(num)s call is waiting, at most %(max)s can wait. The new "
            "call overflows at once.",
            "The queue is full: %(num)s calls are waiting, at most %(max)s can wait. The new "
            "call overflows at once.", call.calls_waiting, max=max_calls),
            f"{code_prefix}.overflow.queue_full", sections["waiting"])]
    max_wait = settings["max_wait"]
    if max_wait is not None and call.waited >= max_wait:
        return [_overflow(settings, sections, code_prefix, country, gettext(
            "The call has waited %(waited)s s, and the maximum waiting time is %(max)s s: it "
            "overflows.", waited=call.waited, max=max_wait),
            f"{code_prefix}.overflow.max_wait", sections["waiting"])]
    available = [m for m in connected if not _keys(m.line) & busy]
    if not available or call.calls_waiting:
        return [_queue_step(call, settings, sections, code_prefix, country, available)]
    return [_distribution_step(call, limits, settings, sections, code_prefix, country,
                               members, connected, available)]


def _distribution_step(call, limits, settings, sections, code_prefix, country, members,
                       connected, available) -> CallStep:
    mode = settings["distribution"]
    rings = settings["rings"]
    if mode == "parallel":
        text = gettext("Parallel distribution: %(members)s ring all at once; the first to "
                       "answer takes the call.", members=_names(available, country))
        target = available
    elif mode == "longest_idle":
        text = gettext("Longest-idle distribution: the call goes first to the member free "
                       "for the longest among %(members)s, then to the next one free the "
                       "longest if it does not answer.", members=_names(available, country))
        target = available
    else:
        ordered = _order(available, limits.cyclic_order if mode == "cyclic" else "position")
        if mode == "cyclic":
            everyone = _order(connected, limits.cyclic_order)
            last = next((i for i, m in enumerate(everyone)
                         if call.last_answered and call.last_answered in _keys(m.line)), None)
            if last is not None:
                rotated = everyone[last + 1:] + everyone[:last + 1]
                ordered = [m for m in rotated if m in available]
            text = gettext("Cyclic distribution: the call goes to the member after the one "
                           "who answered last, then on in order: %(members)s.",
                           members=_names(ordered, country))
        else:
            text = gettext("Linear distribution: the call always goes to the first member "
                           "of the list, then to the next one: %(members)s.",
                           members=_names(ordered, country))
        target = ordered
    parts = [text]
    if rings and mode != "parallel":
        parts.append(ngettext("Each member rings at most %(num)s time before the next one.",
                              "Each member rings at most %(num)s times before the next one.",
                              rings))
    skipped = [m for m in members if m not in available]
    if skipped:
        parts.append(gettext("Not available: %(members)s.", members=_names(skipped, country)))
    if settings["wrap_up"]:
        parts.append(gettext("After a call, a member stays unavailable for %(seconds)s s "
                             "(wrap-up time).", seconds=settings["wrap_up"]))
    parts.append(_until_overflow(settings, country))
    return CallStep("distribution", " ".join(parts), sections["distribution"],
                    target=", ".join(m.line.number or m.line.extension or "" for m in target),
                    final=True, code=f"{code_prefix}.distribution.{mode}")


def _until_overflow(settings, country) -> str:
    if settings["max_wait"] is None:
        return gettext("If no member answers, the call waits in the queue.")
    return gettext("If no member answers, the call waits in the queue, at most %(max)s s, "
                   "then overflows: %(overflow)s.", max=settings["max_wait"],
                   overflow=_overflow_words(settings, country))


def _queue_step(call, settings, sections, code_prefix, country, available) -> CallStep:
    position = call.calls_waiting + 1
    if available:
        why = ngettext("%(num)s call is already waiting, so this one waits its turn.",
                       "%(num)s calls are already waiting, so this one waits its turn.",
                       call.calls_waiting)
    else:
        why = gettext("Every connected member is on a call.")
    text = " ".join((why, gettext(
        "The call waits in the queue (place %(place)s, at most %(max)s calls) and goes to the "
        "first member free.", place=position, max=settings["max_calls"]),
        _until_overflow(settings, country)))
    return CallStep("queue", text, sections["waiting"], final=True,
                    code=f"{code_prefix}.queue")


def _overflow_words(settings, country) -> str:
    kind = settings["overflow"]
    if kind == "number":
        return gettext("forwarded to %(number)s",
                       number=for_display(settings["overflow_number"] or "", country))
    if kind == "deterrent":
        return gettext("the deterrent announcement asks the caller to call again later")
    if kind == "voicemail":
        return gettext("the group's voicemail takes a message")
    return gettext("the call ends")


def _overflow(settings, sections, code_prefix, country, why: str, code: str,
              section: str) -> CallStep:
    kind = settings["overflow"]
    text = " ".join((why, gettext("Overflow: %(what)s.",
                                  what=_overflow_words(settings, country))))
    action = {"number": "forward", "deterrent": "announcement", "voicemail": "voicemail"
              }.get(kind, "overflow")
    target = settings["overflow_number"] or "" if kind == "number" else (
        "voicemail" if kind == "voicemail" else "")
    return CallStep(action, text, section or sections["overflow"], target=target,
                    final=True, code=code)


def membership_steps(call: CallContext, tenant: Tenant, line: Line, *, country: str,
                     section: str, code: str = "hunt_group.member",
                     feature: str = hunt_groups.FEATURE) -> list[CallStep]:
    """For a line that is a member of groups: the groups' calls ring it whatever its
    forwarding, when the carrier says so (a step that does not end the call)."""
    if not hunt_groups.limits_of(tenant, feature).prevails_over_forwarding:
        return []
    groups = [m for m in hunt_groups.memberships(line)]
    if not groups:
        return []
    connected = [m.group.line for m in groups if m.present]
    away = [m.group.line for m in groups if not m.present]
    parts = []
    if connected:
        parts.append(gettext(
            "The line is a connected member of %(groups)s: calls from the group ring it "
            "whatever its do-not-disturb, immediate or scheduled forwarding, which apply "
            "only to calls to the line itself.",
            groups=", ".join(_who(group, country) for group in connected)))
    if away:
        parts.append(gettext("It is a member of %(groups)s but not connected: those groups do "
                             "not ring it.",
                             groups=", ".join(_who(group, country) for group in away)))
    return [CallStep("hunt_group", " ".join(parts), section,
                     target=", ".join(group.number or "" for group in connected), code=code)]


def pickup_steps(call: CallContext, tenant: Tenant, line: Line, *, country: str,
                 section: str, code: str = "pickup_group") -> list[CallStep]:
    """While the line rings, who else can answer: the other members of its pickup group."""
    if call.state not in ("idle", "no_answer"):
        return []
    group = pickup.group_of_line(line)
    if group is None or not pickup.offers_pickup(tenant):
        return []
    others = [member.line for member in group.members if member.line_id != line.id]
    if not others:
        return []
    limits = pickup.limits_of(tenant)
    return [CallStep("pickup", gettext(
        "While it rings, another line of the pickup group “%(group)s” (%(members)s) can "
        "answer it by dialling %(code)s.", group=group.name,
        members=", ".join(_who(other, country) for other in others), code=limits.code),
        section, target=limits.code, code=code)]

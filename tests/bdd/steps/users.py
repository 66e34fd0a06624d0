"""French steps of the users, company numbers and extension-creation features (TELUS
guide 002 "Utilisateurs", "Numéros de l'entreprise"; Cooptel guide 003 §11.1, §11.2).

Changes go through the carrier's blocks, what the UI and the API call.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from pytest_bdd import parsers, then, when
from sqlalchemy import select

from backoffice.core.company_numbers.explain import explain_number_call
from backoffice.core.company_numbers.models import CompanyNumber
from backoffice.core.company_numbers.service import route_words
from backoffice.core.declarations import CallContext
from backoffice.core.models import Line
from backoffice.core.phone import any_number
from backoffice.core.users.assignment import proposed_extensions
from backoffice.core.users.models import TenantUser
from backoffice.core.users.service import unassigned_lines
from backoffice.extensions import db
from tests.bdd.steps.blacklist import _attempt
from tests.bdd.steps.conferences import _block
from tests.bdd.steps.forwarding import STATES
from tests.bdd.steps.pages import _click_delete

ROUTES = {"l'Auto-réception": "ivr", "aucun": "none"}


def _user(world, email: str) -> TenantUser:
    db.session.expire_all()  # read what was saved, not what the session still holds
    return db.session.scalars(select(TenantUser).where(
        TenantUser.tenant_id == world["tenant"].id, TenantUser.email == email)).one()


def _line(world, extension: str) -> Line | None:
    return db.session.scalar(select(Line).where(Line.tenant_id == world["tenant"].id,
                                                Line.extension == extension))


def _number(world, typed: str) -> CompanyNumber:
    stored = any_number(typed, "CA")
    return db.session.scalars(select(CompanyNumber).where(
        CompanyNumber.tenant_id == world["tenant"].id, CompanyNumber.number == stored)).one()


# Users


@when(parsers.parse("on inscrit l'utilisateur « {first} » « {last} » du service « {department} », "
                    "courriel « {email} », au poste « {extension} »"))
def when_add_user(world, first, last, department, email, extension):
    _attempt(world, _block(world, "users").add, world["tenant"], None, {
        "first_name": first, "last_name": last, "department": department, "email": email,
        "extension": extension})


@when(parsers.parse("on donne le poste « {extension} » à l'utilisateur « {email} »"))
def when_move_user(world, extension, email):
    _attempt(world, _block(world, "users").change, _user(world, email),
             {"extension": extension})


@when(parsers.parse("on change le courriel de l'utilisateur « {email} » en « {new} »"))
def when_change_email(world, email, new):
    _attempt(world, _block(world, "users").change, _user(world, email), {"email": new})


@when(parsers.parse("on supprime l'utilisateur « {email} »"))
def when_remove_user(world, email):
    _attempt(world, _block(world, "users").remove, _user(world, email))


@then(parsers.parse("l'utilisateur « {email} » a le poste « {extension} » et le service "
                    "« {department} »"))
def then_user_holds(world, email, extension, department):
    assert world.get("refusal") is None, world["refusal"].violations
    user = _user(world, email)
    assert (user.extension, user.department) == (extension, department), (
        user.extension, user.department, [(h.extension, h.user_id) for h in user.lines])
    assert _line(world, extension).first_name == user.first_name


@then(parsers.parse("les postes non attribués sont « {extensions} »"))
def then_unassigned(world, extensions):
    assert ", ".join(line.extension for line in unassigned_lines(world["tenant"])) == extensions


@then(parsers.parse("l'utilisateur est refusé : « {code} » sur le champ « {field} »"))
def then_user_refused(world, code, field):
    assert world["refusal"] is not None, "the user was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("l'utilisateur « {email} » existe encore"))
def then_user_kept(world, email):
    assert _user(world, email) is not None


# Company numbers


@when(parsers.parse("on ajoute le numéro « {typed} » aux numéros de l'entreprise"))
def when_add_number(world, typed):
    _attempt(world, _block(world, "company-numbers").add, world["tenant"], None,
             {"number": typed})


@when(parsers.parse("on achemine le numéro « {typed} » à l'Auto-réception"))
def when_route_ivr(world, typed):
    _attempt(world, _block(world, "company-numbers").change, _number(world, typed),
             {"route": "ivr"})


@when(parsers.parse("on achemine le numéro « {typed} » au poste « {extension} »"))
def when_route_extension(world, typed, extension):
    _attempt(world, _block(world, "company-numbers").change, _number(world, typed),
             {"route": "extension", "extension": extension})


@when(parsers.parse("on achemine le numéro « {typed} » à un poste sans le choisir"))
def when_route_nowhere(world, typed):
    _attempt(world, _block(world, "company-numbers").change, _number(world, typed),
             {"route": "extension"})


@then(parsers.parse("le numéro « {typed} » est attribué : ses appels vont à « {words} »"))
def then_number_routed(world, typed, words):
    assert world.get("refusal") is None, world["refusal"].violations
    number = _number(world, typed)
    assert number.assigned and route_words(number) == words


@then(parsers.parse("le numéro « {typed} » est non attribué"))
def then_number_free(world, typed):
    assert world.get("refusal") is None, world["refusal"].violations
    assert not _number(world, typed).assigned


@then(parsers.parse("le numéro de l'entreprise est refusé : « {code} » sur le champ « {field} »"))
def then_number_refused(world, code, field):
    assert world["refusal"] is not None, "the number was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


def _explain_number(world, typed: str, moment: str, state: str, digits: str) -> None:
    tenant = world["tenant"]
    local = datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo(tenant.timezone))
    world["path"] = explain_number_call(tenant, _number(world, typed), CallContext(
        "+16045550199", local, STATES[state], digits))


@when(parsers.parse("un appel arrive au numéro « {typed} » le « {moment} » alors que la ligne "
                    "jointe est « {state} »"))
def when_call_number(world, typed, moment, state):
    _explain_number(world, typed, moment, state, "")


@when(parsers.parse("un appel arrive au numéro « {typed} » le « {moment} » et l'appelant "
                    "compose « {digits} »"))
def when_call_number_with_digits(world, typed, moment, digits):
    _explain_number(world, typed, moment, "libre", digits)


@then("l'appel est acheminé à l'Auto-réception")
def then_routed_to_ivr(world):
    first = world["path"][0]
    assert (first.action, first.code) == ("forward", "company_number.ivr"), world["path"]
    assert "Auto-réception" in first.rule, first.rule


@then(parsers.parse("l'appel est acheminé au poste « {extension} »"))
def then_routed_to_extension(world, extension):
    first = world["path"][0]
    assert (first.action, first.code, first.target) == (
        "forward", "company_number.extension", extension), world["path"]
    assert f"poste {extension}" in first.rule, first.rule


@then("l'appel ne va nulle part")
def then_goes_nowhere(world):
    assert [(step.action, step.code, step.final) for step in world["path"]] == [
        ("unreachable", "company_number.unassigned", True)], world["path"]


# Cooptel extensions


def _create(world, data) -> None:
    _attempt(world, _block(world, "extensions").add, world["tenant"], None, data)


@when(parsers.parse("on crée le poste « {extension} » pour un nouvel utilisateur « {first} » "
                    "« {last} », courriel « {email} », avec une boîte vocale et listé dans "
                    "l'annuaire"))
def when_create_for_new_user(world, extension, first, last, email):
    _create(world, {"extension": extension, "assignment": "new_user", "first_name": first,
                    "last_name": last, "email": email, "voicemail": True, "directory": True})


@when(parsers.parse("on crée le poste « {extension} » pour un nouvel utilisateur « {first} » "
                    "« {last} » sans courriel"))
def when_create_without_email(world, extension, first, last):
    _create(world, {"extension": extension, "assignment": "new_user", "first_name": first,
                    "last_name": last})


@when(parsers.parse("on crée le poste « {extension} » pour un nouvel utilisateur « {first} » "
                    "« {last} », courriel « {email} »"))
def when_create_for_new_user_plain(world, extension, first, last, email):
    _create(world, {"extension": extension, "assignment": "new_user", "first_name": first,
                    "last_name": last, "email": email})


@when(parsers.parse("on crée le poste « {extension} » pour l'utilisateur existant « {email} »"))
def when_create_for_existing(world, extension, email):
    _create(world, {"extension": extension, "assignment": "existing_user",
                    "user_id": _user(world, email).id})


@when(parsers.parse("on crée le poste « {extension} » géré par l'administrateur"))
def when_create_for_admin(world, extension):
    _create(world, {"extension": extension, "assignment": "administrator"})


@then(parsers.parse("le poste « {extension} » est à « {name} », courriel « {email} »"))
def then_extension_user(world, extension, name, email):
    assert world.get("refusal") is None, world["refusal"].violations
    line = _line(world, extension)
    user = db.session.get(TenantUser, line.user_id)
    assert (user.display_name, user.email, line.display_name, line.email) == (
        name, email, name, email)


@then(parsers.parse("le poste « {extension} » est géré par l'administrateur"))
def then_extension_admin(world, extension):
    assert world.get("refusal") is None, world["refusal"].violations
    line = _line(world, extension)
    assert (line.user_id, line.display_name, line.email) == (None, "", None)


@then(parsers.parse("le poste « {extension} » a une boîte vocale et est listé dans l'annuaire"))
def then_extension_options(world, extension):
    line = _line(world, extension)
    assert _block(world, "voicemail").read(world["tenant"], line)["enabled"] is True
    assert _block(world, "admin-settings").read(world["tenant"], line)["directory"] is True


@then(parsers.parse("le poste « {extension} » n'a pas de boîte vocale et n'est pas listé dans "
                    "l'annuaire"))
def then_extension_no_options(world, extension):
    line = _line(world, extension)
    assert _block(world, "voicemail").read(world["tenant"], line)["enabled"] is False
    assert _block(world, "admin-settings").read(world["tenant"], line)["directory"] is False


@then(parsers.parse("le poste est refusé : « {code} » sur le champ « {field} »"))
def then_extension_refused(world, code, field):
    assert world["refusal"] is not None, "the extension was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("le système propose les postes « {extensions} »"))
def then_proposed(world, extensions):
    assert ", ".join(proposed_extensions(world["tenant"])) == extensions


@when(parsers.parse("l'agent clique sur « Supprimer » pour le poste « {extension} »"))
def when_click_delete_extension(world, agent_client, extension):
    _click_delete(world, agent_client, "extensions", _line(world, extension).id)


@then(parsers.parse("le poste « {extension} » n'existe plus"))
def then_extension_gone(world, extension):
    assert _line(world, extension) is None


@then(parsers.parse("le poste « {extension} » existe encore"))
def then_extension_kept(world, extension):
    assert _line(world, extension) is not None


@then(parsers.parse("la suppression de l'utilisateur est refusée : « {code} »"))
def then_user_removal_refused(world, code):
    assert world["refusal"] is not None, "the user was deleted"
    assert code in [v.code for v in world["refusal"].violations]

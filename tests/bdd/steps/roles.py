"""French steps of TELUS users' roles, through the carrier's role block."""

from __future__ import annotations

from flask_babel import force_locale, gettext
from pytest_bdd import parsers, then, when

from backoffice.core.carriers import registry
from backoffice.core.errors import ChangeRejected
from backoffice.extensions import db
from plugins.telus.roles import LABELS
from tests.bdd.steps.common import _counts, _line_by_number


def _role_id(label: str) -> str:
    with force_locale("fr"):
        return next(role for role, text in LABELS.items() if gettext(text) == label)


def _role_block(world):
    return registry()[world["tenant"].carrier_id].block("role")


@when(parsers.parse("on donne le rôle « {label} » à la ligne « {text} »"))
def when_give_role(world, label, text):
    line = _line_by_number(world["tenant"], text)
    world["line"], world["refusal"] = line, None
    world["before"] = (*_counts(), line.version)
    try:
        _role_block(world).write(world["tenant"], line, {"role": _role_id(label)})
    except ChangeRejected as refused:
        db.session.rollback()
        world["refusal"] = refused


@then(parsers.parse("la ligne « {text} » a le rôle « {label} »"))
def then_role(world, text, label):
    line = _line_by_number(world["tenant"], text)
    assert _role_block(world).read(world["tenant"], line)["role"] == _role_id(label)

"""Every message the code can show has its French translation."""

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None, "N_": None,
            "ngettext": (1, 2)}
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2")]


def test_every_message_is_translated_to_french():
    with open(ROOT / "backoffice/translations/fr/LC_MESSAGES/messages.po", "rb") as po:
        catalog = read_po(po)
    missing = []
    for folder in ("backoffice", "plugins"):
        for filename, _, message, _, _ in extract_from_dir(
                ROOT / folder, METHODS, keywords=KEYWORDS):
            text = message if isinstance(message, str) else message[0]
            entry = catalog.get(text)
            translated = () if entry is None else entry.string
            if isinstance(translated, str):
                translated = (translated,)
            if not translated or not all(translated):  # every plural form, for plurals
                missing.append(f"{folder}/{filename}: {text}")
    assert missing == []


CODE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def _french_catalog():
    with open(ROOT / "backoffice/translations/fr/LC_MESSAGES/messages.po", "rb") as po:
        return read_po(po)


def _untranslated(catalog, text) -> bool:
    entry = catalog.get(str(text))
    return entry is None or not entry.string


def test_every_block_form_of_every_carrier_reads_in_french(app):
    """Each form field of every block of every carrier (theirs and core's) has a label, a
    group and choices in French: none falls back to its field name or shows a code."""
    from flask_babel import force_locale
    from sqlalchemy import select

    from backoffice.core.carriers import registry
    from backoffice.core.models import Tenant
    from backoffice.core.tenancy import system_scope
    from backoffice.demo import load_demo
    from backoffice.extensions import db
    from backoffice.web.forms import build_form, shared_choices

    load_demo()
    catalog = _french_catalog()
    tenants = {t.carrier_id: t for t in db.session.scalars(select(Tenant))}
    problems, checked = [], 0
    for entry in registry().all():
        tenant = tenants[entry.carrier.id]
        for block in entry.blocks:
            where = f"{entry.carrier.id} {block.id}"
            if _untranslated(catalog, block.title):
                problems.append(f"{where}: title {block.title!r}")
            schema = block.schema(tenant)
            with app.test_request_context(), system_scope(), force_locale("fr"), \
                    shared_choices():
                form = build_form(schema, tenant=tenant)
            for field in form:
                checked += 1
                meta = schema.fields[field.name].metadata
                if not meta.get("label"):
                    problems.append(f"{where}.{field.name}: no label (shown {field.label!r})")
                elif _untranslated(catalog, meta["label"]):
                    problems.append(f"{where}.{field.name}: label {meta['label']!r}")
                if meta.get("group") and _untranslated(catalog, meta["group"]):
                    problems.append(f"{where}.{field.name}: group {meta['group']!r}")
                codes = [value for value, label in field.choices
                         if label == value and CODE.fullmatch(value)]
                if codes:
                    problems.append(f"{where}.{field.name}: choices shown as codes {codes}")
    assert checked > 20
    assert problems == [], "\n".join(problems)

"""Every message the code can show has its French translation."""

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

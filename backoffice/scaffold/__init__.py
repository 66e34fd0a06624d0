"""``backoffice new-carrier``: writes a separately installable carrier package.

The package holds what every carrier holds (``carrier.py``, one feature module,
``network.py``, ``demo.py``, a migration folder, a French feature and tests that run the
conformance kit); it imports only :mod:`backoffice.plugin` and passes the kit as written.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

import phonenumbers
from babel.core import get_global
from babel.languages import get_official_languages
from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATE = Path(__file__).parent / "template"
CARRIER_ID = re.compile(r"[a-z][a-z0-9_]{1,29}")
LOCALES = ("fr", "en")


class ScaffoldError(ValueError):
    """The new carrier cannot be written as asked; the message says why."""


@dataclass(frozen=True)
class NewCarrier:
    """What the templates are filled with."""

    id: str
    name: str
    country: str
    locale: str
    timezone: str
    demo_number: str

    @property
    def package(self) -> str:
        return f"carrier_{self.id}"

    @property
    def distribution(self) -> str:
        return f"backoffice-carrier-{self.id.replace('_', '-')}"

    @property
    def class_name(self) -> str:
        return "".join(part.title() for part in self.id.split("_"))


def new_carrier(carrier_id: str, name: str, country: str, *, locale: str | None = None,
                timezone: str | None = None, taken: tuple[str, ...] = ()) -> NewCarrier:
    """Check the new carrier's identity and complete it from its country."""
    if not CARRIER_ID.fullmatch(carrier_id):
        raise ScaffoldError(f"the carrier id {carrier_id!r} must be 2 to 30 lowercase letters, "
                            "digits or underscores, starting with a letter")
    if carrier_id in taken:
        raise ScaffoldError(f"a carrier {carrier_id!r} is already installed")
    country = country.upper()
    if country not in phonenumbers.SUPPORTED_REGIONS:
        raise ScaffoldError(f"{country!r} is not an ISO 3166-1 country with phone numbers")
    zones = get_global("territory_zones").get(country, [])
    timezone = timezone or (zones[0] if zones else "UTC")
    if locale is None:
        spoken = [code for code in get_official_languages(country) if code in LOCALES]
        locale = spoken[0] if spoken else "en"
    example = phonenumbers.example_number_for_type(
        country, phonenumbers.PhoneNumberType.FIXED_LINE)
    number = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    return NewCarrier(carrier_id, name, country, locale, timezone, number)


def write_carrier(carrier: NewCarrier, parent: Path) -> Path:
    """Write the carrier's package folder under ``parent`` and return it."""
    root = parent / carrier.distribution
    if root.exists():
        raise ScaffoldError(f"{root} already exists")
    environment = Environment(loader=FileSystemLoader(TEMPLATE), undefined=StrictUndefined,
                              keep_trailing_newline=True)
    values = {**asdict(carrier), "package": carrier.package,
              "distribution": carrier.distribution, "class_name": carrier.class_name}
    for template in sorted(TEMPLATE.rglob("*.j2")):
        relative = template.relative_to(TEMPLATE).with_suffix("")
        parts = [carrier.package if part == "package" else part for part in relative.parts]
        target = root.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(environment.get_template(template.relative_to(TEMPLATE).as_posix())
                          .render(values))
    return root

"""Probes of :class:`AddressBookLimits` and :class:`PhoneContactsLimits` (guide 003 §7.2,
§7.4, §7.5): each declared limit acts on the carrier's address books and phones, through
its blocks (the change pipeline)."""

from __future__ import annotations

import itertools

import phonenumbers

from backoffice.plugin import (
    AddressBookLimits,
    CollectionBlock,
    Line,
    PhoneContactsLimits,
    add_book,
    add_book_contact,
)
from backoffice.testing.probes import Probe, ProbeContext, carrier_region, distinct_numbers

_COUNTER = itertools.count(1)


def _blocks(ctx: ProbeContext) -> tuple[CollectionBlock, CollectionBlock]:
    """The books block (it has ``visible_to``) and the contacts block (it has ``book_id``)."""
    books = next(b for b in ctx.blocks if isinstance(b, CollectionBlock)
                 and "visible_to" in ctx.fields_of(b))
    contacts = next(b for b in ctx.blocks if isinstance(b, CollectionBlock)
                    and "book_id" in ctx.fields_of(b))
    return books, contacts


def _user(ctx: ProbeContext) -> Line:
    """A new user: a line of the offer's first plan with an e-mail address (their login)."""
    return ctx.new_line(ctx.plans()[0], email=f"probe.book{next(_COUNTER)}@conformance.example")


def probe_personal_book(ctx: ProbeContext) -> None:
    """True: a user gets one personal book, refused a second one. False: refused any."""
    books, _ = _blocks(ctx)
    user = _user(ctx)
    data = {"owner_line_id": user.id}
    if ctx.value:
        ctx.accepted(lambda: books.add(ctx.tenant, None, data), "a user's first personal book")
        ctx.refused(lambda: books.add(ctx.tenant, None, data), "owner_line_id",
                    "a second personal book of the same user")
    else:
        ctx.refused(lambda: books.add(ctx.tenant, None, data), "owner_line_id",
                    "a personal book where only shared books are offered")


def probe_plain_digits(ctx: ProbeContext) -> None:
    """True: a number typed with spaces and dashes is refused, its digits accepted.
    False: the number typed with spaces and dashes is accepted."""
    books, contacts = _blocks(ctx)
    book = ctx.accepted(lambda: books.add(ctx.tenant, None, {
        "name": f"Probe {next(_COUNTER)}", "visible_to": []}), "a shared book")
    number = next(distinct_numbers(ctx.tenant, 1))
    parsed = phonenumbers.parse(number, carrier_region(ctx.tenant))
    typed = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    digits = "".join(ch for ch in typed if ch.isdigit())
    assert typed != digits, f"{ctx.name}: {typed} has no separator to probe"

    def contact(text: str) -> dict[str, object]:
        return {"book_id": book.id, "first_name": "Probe", "last_name": "Contact",
                "number": text}

    if ctx.value:
        ctx.refused(lambda: contacts.add(ctx.tenant, None, contact(typed)), "number",
                    f"{typed}, typed with separators")
        ctx.accepted(lambda: contacts.add(ctx.tenant, None, contact(digits)),
                     f"{digits}, typed without separators")
    else:
        ctx.accepted(lambda: contacts.add(ctx.tenant, None, contact(typed)),
                     f"{typed}, typed with separators")


def probe_favourites_extensions_only(ctx: ProbeContext) -> None:
    """True: a book's contact made a favourite on a phone is refused, an extension of the
    company accepted. False: the book's contact is accepted as a favourite."""
    block = ctx.collection_block()
    user = _user(ctx)
    book = ctx.accepted(lambda: add_book(ctx.tenant, None, {
        "name": f"Probe {next(_COUNTER)}", "visible_to": [user.id]}), "a book the user sees")
    contact = ctx.accepted(lambda: add_book_contact(ctx.tenant, None, {
        "book_id": book.id, "first_name": "Probe", "last_name": "Favourite",
        "number": next(distinct_numbers(ctx.tenant, 1))}), "a contact of that book")
    favourite_contact = {"position": 1, "entry": f"contact:{contact.id}", "favourite": True}
    if ctx.value:
        ctx.refused(lambda: block.add(ctx.tenant, user, favourite_contact),
                    "favourite", "a book's contact as a favourite")
        ctx.accepted(lambda: block.add(ctx.tenant, user, {
            "position": 1, "entry": f"extension:{user.id}", "favourite": True}),
            "an extension of the company as a favourite")
    else:
        ctx.accepted(lambda: block.add(ctx.tenant, user, favourite_contact),
                     "a book's contact as a favourite")


PROBES: dict[tuple[type | None, str], Probe] = {
    (AddressBookLimits, "personal_book"): probe_personal_book,
    (AddressBookLimits, "plain_digits"): probe_plain_digits,
    (PhoneContactsLimits, "favourites_extensions_only"): probe_favourites_extensions_only,
}

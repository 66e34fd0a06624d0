"""French steps of the address books (Cooptel §7.1–§7.4).

Changes go through the carrier's blocks (what the UI and the API call); an agent who only
reads goes through the API, where roles are enforced.
"""

from __future__ import annotations

from pytest_bdd import parsers, then, when
from sqlalchemy import func, select

from backoffice.core.directory.books import books_visible_to, company_book
from backoffice.core.directory.models import AddressBook, AddressBookContact
from backoffice.core.models import Line
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client
from tests.bdd.steps.blacklist import _attempt
from tests.bdd.steps.conferences import _block


def _user(world, extension: str) -> Line:
    return db.session.scalars(select(Line).where(
        Line.tenant_id == world["tenant"].id, Line.extension == extension)).one()


def _book(world, name: str, owner: Line | None = None) -> AddressBook:
    query = select(AddressBook).where(AddressBook.tenant_id == world["tenant"].id,
                                      AddressBook.name == name)
    if owner is not None:
        query = query.where(AddressBook.owner_line_id == owner.id)
    return db.session.scalars(query).one()


def _contact(world, full_name: str) -> AddressBookContact:
    return next(contact for contact in db.session.scalars(select(AddressBookContact).where(
        AddressBookContact.tenant_id == world["tenant"].id))
        if f"{contact.first_name} {contact.last_name}" == full_name)


def _users(world, extensions: str) -> list[int]:
    return [_user(world, extension.strip()).id for extension in extensions.split(",")]


# Books


@when(parsers.parse("on crée le carnet « Mes contacts » de l'utilisateur du poste "
                    "« {extension} », visible aussi par le poste « {other} »"))
def when_create_personal_shared(world, extension, other):
    owner = _user(world, extension)
    _attempt(world, _block(world, "address-books").add, world["tenant"], None,
             {"owner_line_id": owner.id, "visible_to": [owner.id, _user(world, other).id]})


@when(parsers.parse("on crée le carnet « Mes contacts » de l'utilisateur du poste "
                    "« {extension} »"))
def when_create_personal(world, extension):
    _attempt(world, _block(world, "address-books").add, world["tenant"], None,
             {"owner_line_id": _user(world, extension).id})


@when(parsers.parse("on crée le carnet partagé « {name} » visible par les postes "
                    "« {extensions} »"))
def when_create_shared(world, name, extensions):
    _attempt(world, _block(world, "address-books").add, world["tenant"], None,
             {"name": name, "visible_to": _users(world, extensions)})
    assert world["refusal"] is None, world["refusal"].violations


@when(parsers.parse("on rend le carnet « {name} » visible par les postes « {extensions} »"))
def when_grant(world, name, extensions):
    book = _book(world, name)
    _attempt(world, _block(world, "address-books").change, book,
             {"name": book.name, "visible_to": _users(world, extensions)})
    assert world["refusal"] is None, world["refusal"].violations


@when(parsers.parse("on renomme le carnet « {old} » en « {new} »"))
def when_rename(world, old, new):
    book = _book(world, old)
    _attempt(world, _block(world, "address-books").change, book,
             {"name": new, "visible_to": book.visible_to})
    assert world["refusal"] is None, world["refusal"].violations


@when(parsers.parse("on supprime le carnet « {name} »"))
def when_delete_book(world, name):
    _attempt(world, _block(world, "address-books").remove, _book(world, name))
    assert world["refusal"] is None, world["refusal"].violations


@then(parsers.parse("le carnet d'adresses est refusé : « {code} » sur le champ « {field} »"))
def then_book_refused(world, code, field):
    assert world["refusal"] is not None, "the book was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("le carnet « {name} » liste « {entries} » sans être enregistré"))
def then_company_book(world, name, entries):
    assert name == world["tenant"].name
    listed = ", ".join(f"{entry.extension} {entry.name}".strip()
                       for entry in company_book(world["tenant"]))
    assert listed == entries, listed
    assert db.session.scalar(select(func.count()).select_from(AddressBook).where(
        AddressBook.name == name)) == 0


@then(parsers.parse("l'utilisateur du poste « {extension} » voit les carnets « {names} »"))
def then_sees(world, extension, names):
    assert [book.name for book in books_visible_to(_user(world, extension))] == \
        [name.strip() for name in names.split(",")]


@then(parsers.parse("l'utilisateur du poste « {extension} » ne voit aucun carnet"))
def then_sees_none(world, extension):
    assert books_visible_to(_user(world, extension)) == []


@then(parsers.parse("le carnet « Mes contacts » de l'utilisateur du poste « {extension} » "
                    "n'est visible que par lui"))
def then_private(world, extension):
    owner = _user(world, extension)
    assert _book(world, "Mes contacts", owner).visible_to == [owner.id]


# Contacts


def _contact_data(world, book, first, last, number, **more):
    return {"book_id": _book(world, book).id, "first_name": first, "last_name": last,
            "number": number, **more}


@when(parsers.parse("on ajoute au carnet « {book} » le contact « {first} » « {last} » au "
                    "numéro « {number} », courriel « {email} »"))
def when_add_contact_with_email(world, book, first, last, number, email):
    _attempt(world, _block(world, "address-book-contacts").add, world["tenant"], None,
             _contact_data(world, book, first, last, number, email=email))


@when(parsers.parse("on ajoute au carnet « {book} » le contact « {first} » « {last} » au "
                    "numéro « {number} »"))
def when_add_contact(world, book, first, last, number):
    _attempt(world, _block(world, "address-book-contacts").add, world["tenant"], None,
             _contact_data(world, book, first, last, number))


@when(parsers.parse("on change le numéro du contact « {name} » en « {number} »"))
def when_change_number(world, name, number):
    _attempt(world, _block(world, "address-book-contacts").change, _contact(world, name),
             {"number": number})
    assert world["refusal"] is None, world["refusal"].violations


@when(parsers.parse("on supprime le contact « {name} »"))
def when_delete_contact(world, name):
    _attempt(world, _block(world, "address-book-contacts").remove, _contact(world, name))
    assert world["refusal"] is None, world["refusal"].violations


@when(parsers.parse("un agent en lecture seule ajoute au carnet « {book} » le contact "
                    "« {first} » « {last} » au numéro « {number} »"))
def when_viewer_adds(app, world, book, first, last, number):
    api = bearer_client(app, "viewer", "cooptel")
    world["answer"] = api("POST", f"/api/v1/tenants/{world['tenant'].id}/address-book-contacts",
                          json=_contact_data(world, book, first, last, number))


@then(parsers.parse("il est refusé avec le code « {code} »"))
def then_api_refused(world, code):
    assert world["answer"].status_code == 403, world["answer"].json
    assert world["answer"].json["code"] == code


@then(parsers.parse("le carnet « {book} » compte {count:d} contacts"))
@then(parsers.parse("le carnet « {book} » compte {count:d} contact"))
def then_book_count(world, book, count):
    assert world.get("refusal") is None, world["refusal"].violations
    assert _book(world, book).contact_count == count


@then(parsers.parse("les carnets du client comptent {count:d} contact en tout"))
@then(parsers.parse("les carnets du client comptent {count:d} contacts en tout"))
def then_all_contacts(world, count):
    assert db.session.scalar(select(func.count()).select_from(AddressBookContact).where(
        AddressBookContact.tenant_id == world["tenant"].id)) == count


@then(parsers.parse("le contact « {name} » a le numéro « {number} »"))
def then_contact_number(world, name, number):
    assert _contact(world, name).number == number


@when(parsers.parse("on cherche « {text} » dans tous les contacts"))
def when_search(world, text):
    block = _block(world, "address-book-contacts")
    world["found"] = [f"{c.first_name} {c.last_name}"
                      for c in block.search(world["tenant"], None, text)]


@then(parsers.parse("on trouve « {name} »"))
def then_found(world, name):
    assert world["found"] == [name]


# The phones (§7.5)


@when(parsers.parse("on place sur le téléphone du poste « {extension} » le contact « {name} » "
                    "en position {position:d}, comme favori"))
def when_place_favourite(world, extension, name, position):
    _attempt(world, _block(world, "phone-contacts").add, world["tenant"],
             _user(world, extension), {"position": position, "favourite": True,
                                       "entry": f"contact:{_contact(world, name).id}"})


@when(parsers.parse("on place sur le téléphone du poste « {extension} » le contact « {name} » "
                    "en position {position:d}"))
def when_place(world, extension, name, position):
    _attempt(world, _block(world, "phone-contacts").add, world["tenant"],
             _user(world, extension), {"position": position,
                                       "entry": f"contact:{_contact(world, name).id}"})


@then(parsers.parse("le téléphone est refusé : « {code} » sur le champ « {field} »"))
def then_phone_refused(world, code, field):
    assert world["refusal"] is not None, "the entry was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("le téléphone du poste « {extension} » affiche « {entries} »"))
def then_phone_shows(app, world, extension, entries):
    from backoffice.core.directory.phones import describe_entry

    line = _user(world, extension)
    shown = [describe_entry(row) + (" (favori)" if row.favourite else "")
             for row in _block(world, "phone-contacts").items(line.tenant, line)]
    assert ", ".join(shown) == entries, shown

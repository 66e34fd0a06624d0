"""Cooptel address books (guide 003 §7.1–§7.4, "Carnets d'adresse"):

- "Mes contacts" is "la liste des contacts créés par l'utilisateur connecté. Il est le seul
  à pouvoir le voir, modifier et l'utiliser. Chaque utilisateur peut en avoir un seul"
  (§7.2): the ``personal_book`` limit;
- the book "portant le nom de votre compte, est composé de tous vos postes téléphoniques.
  Il est créé et mis à jour automatiquement, vous ne pouvez pas le modifier" (§7.2):
  computed from the lines, shown read-only, never stored;
- shared books, "autant de Carnets d'adresses que vous le souhaitez", whose "visibilité
  permet de limiter l'accès ... aux utilisateurs en ayant besoin"; "Tout utilisateur créé
  après le Carnet d'adresses devra se faire donner accès à celui-ci" (§7.3);
- a contact has a "numéro de téléphone, prénom, nom et adresse courriel (facultatif)";
  "Les numéros de téléphone doivent être saisis sans espace, tiret ou espace" (§7.4): the
  ``plain_digits`` limit.

The phone display (§7.5), as far as this console shows it: each extension's phone lists
contacts and extensions at positions, without duplicate positions, and only the company's
extensions can be favourites. Copying a phone's list to other phones is not built.

The users are the extensions' users (§11, "Courriel (nom d'utilisateur)"): Cooptel has no
user or role of its own here; the administrators who alone change shared books (§7.4,
"Seuls les administrateurs peuvent modifier les contacts des Carnets d'adresses
partagés") are the agents who manage the customer, never its users.
"""

from __future__ import annotations

from backoffice.plugin import (
    AddressBookLimits,
    FeatureOffer,
    PhoneContactsLimits,
    address_book_contacts_block,
    address_books_block,
    phone_contacts_block,
)

GUIDE = "003_1f8630d8cbff8d99.txt"
SECTION = f"{GUIDE} §7.3"

OFFER = FeatureOffer("address_books", "tenant", (), AddressBookLimits(
    personal_book=True, plain_digits=True), f"{GUIDE} §7.1, §7.2, §7.3, §7.4")
# §7.5: "veillez à ce qu'il n'y ait pas de doublons dans les positions"; "Vous pourrez
# uniquement surveiller l'état des postes téléphoniques de votre entreprise" (Favori).
PHONE_OFFER = FeatureOffer("phone_contacts", "line", ("extension",), PhoneContactsLimits(
    favourites_extensions_only=True), f"{GUIDE} §7.5")
BLOCKS = (address_books_block(guide_section=f"{GUIDE} §7.2"),
          address_book_contacts_block(guide_section=f"{GUIDE} §7.4"),
          phone_contacts_block(guide_section=f"{GUIDE} §7.5"))

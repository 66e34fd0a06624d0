"""The search keys kept beside a line's and a tenant's own columns (issue #12, item 11).

An agent types the last digits of a number (``0173``, ``01 73``) or a name without its
accents (``stephane``). Neither is an indexable prefix of the stored values, so each
row keeps derived columns that are: the number's digits reversed (its last digits become
a prefix) and names folded to lowercase without accents. They are plain columns, so the
same B-tree prefix search serves SQLite and PostgreSQL, with no database extension.

The model keeps them up to date: an attribute event for changes through the ORM, a
column default for rows inserted in bulk. Audit snapshots leave them out (``DERIVED``).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import ExecutionContext

#: ``info`` of a derived column: no one edits it, the audit trail does not record it.
DERIVED = {"derived": True}


def fold(text: str | None) -> str:
    """``text`` in lowercase, without accents and with single spaces: ``Stéphane`` ->
    ``stephane``, ``Œuvre  Été`` -> ``œuvre ete``."""
    if not text:
        return ""
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def reversed_digits(number: str | None) -> str | None:
    """The digits of ``number`` last first: ``+33483050173`` -> ``37105038433``."""
    if not number:
        return None
    return "".join(ch for ch in reversed(number) if ch.isdigit()) or None


def default_from(source: str, derive: Any) -> Any:
    """A column default deriving the key from ``source`` in the same INSERT (bulk rows)."""

    def default(context: ExecutionContext) -> Any:
        return derive(context.get_current_parameters().get(source))

    return default


def keep_in_sync(attribute: Any, key: str, derive: Any) -> None:
    """Set the object's ``key`` whenever ``attribute`` is set through the ORM."""

    @event.listens_for(attribute, "set", propagate=True)
    def sync(target: Any, value: Any, oldvalue: Any, initiator: Any) -> None:
        setattr(target, key, derive(value))

"""Password hashing (argon2id) and the password policy."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app
from zxcvbn import zxcvbn

from backoffice.core.errors import N_

MIN_LENGTH = 12
MAX_LENGTH = 1024  # hashing a megabyte of "password" is a cheap denial of service
TOO_SHORT = N_("The password must be at least %(min)d characters long.")
TOO_LONG = N_("The password must be at most %(max)d characters long.")
MIN_SCORE = 3  # zxcvbn's "safely unguessable": about 10^8 guesses and more
ESTIMATED_PREFIX = 72  # zxcvbn's own limit; what follows only adds strength
COMMON = N_("This password is one of the most common ones (or close to one): choose a "
            "phrase of several uncommon words.")
GUESSABLE = N_("This password is too easy to guess (a word, a name, a date, a keyboard "
               "pattern or a repetition): choose a phrase of several uncommon words.")
OWN_EMAIL = N_("The password must not contain your e-mail address or its name part.")


def init_app(app: Flask) -> None:
    """One hasher per app: the library's defaults, or the cheapest parameters under test."""
    if app.testing:
        hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    else:
        hasher = PasswordHasher()
    app.extensions["password_hasher"] = hasher


def _hasher() -> PasswordHasher:
    return current_app.extensions["password_hasher"]


def policy_problem(password: str, email: str | None = None
                   ) -> tuple[str, dict[str, int]] | None:
    """The policy message (an untranslated msgid and its parameters) the password breaks:
    its length, the agent's own e-mail address, or a guessable password (zxcvbn)."""
    if len(password) < MIN_LENGTH:
        return TOO_SHORT, {"min": MIN_LENGTH}
    if len(password) > MAX_LENGTH:
        return TOO_LONG, {"max": MAX_LENGTH}
    own = [part for part in {(email or "").strip().lower(),
                             (email or "").strip().lower().partition("@")[0]}
           if len(part) >= 4]
    if any(part in password.lower() for part in own):
        return OWN_EMAIL, {}
    estimate = zxcvbn(password[:ESTIMATED_PREFIX], user_inputs=own)
    if estimate["score"] < MIN_SCORE:
        warning = estimate["feedback"].get("warning") or ""
        return (COMMON if "common" in warning.lower() else GUESSABLE), {}
    return None


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (salted; encodes its own parameters)."""
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; False for a missing or malformed hash."""
    if not password_hash or len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters than the current ones."""
    return _hasher().check_needs_rehash(password_hash)


def burn_time(password: str) -> None:
    """Spend the time of one verification, so an unknown e-mail answers as slowly."""
    _hasher().hash(password[:MAX_LENGTH])

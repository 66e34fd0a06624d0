"""Runs every French feature under features/."""

from pytest_bdd import scenarios

scenarios(".")

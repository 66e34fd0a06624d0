"""Core's own hook implementations, registered like any plugin and called last."""

from __future__ import annotations

from flask import Flask

from backoffice.core.hookspecs import hookimpl
from backoffice.core.network import Network, SandboxNetwork


@hookimpl(trylast=True)
def carrier_network(app: Flask) -> Network:
    """A carrier that ships no network of its own gets the plain sandbox."""
    return SandboxNetwork(app)


@hookimpl(trylast=True)
def bulk_provisioning() -> str:
    """A carrier that says nothing hears of an import's lines one order at a time."""
    return "per_line"

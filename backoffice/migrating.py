"""Alembic as the backoffice uses it: core's revisions plus every carrier's, one branch each.

Core's revisions live in ``backoffice/migrations/versions``; a carrier with tables of its
own declares its folder (hook ``carrier_migrations``). All the folders become Alembic's
version locations, so the history has one head per branch, and ``db upgrade`` without a
revision applies every head rather than Flask-Migrate's single ``head``.
"""

from __future__ import annotations

import copy
from pathlib import Path

import click
from alembic.config import Config
from flask_migrate.cli import db as flask_migrate_commands

from backoffice.core.carriers import registry
from backoffice.extensions import migrate

MIGRATIONS = Path(__file__).parent / "migrations"
CORE_VERSIONS = MIGRATIONS / "versions"
EVERY_HEAD = "heads"


def version_locations() -> list[str]:
    """Core's revision folder, then each carrier's that has one (current app)."""
    return [str(CORE_VERSIONS), *registry().migration_folders]


@migrate.configure
def _add_carrier_versions(config: Config) -> Config:
    config.set_main_option("path_separator", "newline")
    config.set_main_option("version_locations",
                           "\n".join(folder.replace("%", "%%") for folder in version_locations()))
    return config


def db_commands() -> click.Group:
    """Flask-Migrate's ``db`` commands, with ``upgrade`` defaulting to every head."""
    original = flask_migrate_commands.commands["upgrade"]
    params = [copy.copy(param) for param in original.params]
    for param in params:
        if param.name == "revision":
            param.default = EVERY_HEAD
    upgrade = click.Command(
        "upgrade", callback=original.callback, params=params,
        help="Upgrade to a later version (default: every head, core's and each carrier's).")
    group = copy.copy(flask_migrate_commands)
    group.commands = {**flask_migrate_commands.commands, "upgrade": upgrade}
    return group

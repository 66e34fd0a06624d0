"""Commands: create-agent, create-token, revoke-token, list-agents."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import select

from backoffice.auth import agents, tokens
from backoffice.auth.models import Agent, ApiToken
from backoffice.auth.roles import ROLES
from backoffice.extensions import db


def _read_password() -> str:
    """The password from standard input: prompted twice on a terminal, else one line."""
    if sys.stdin is None:
        raise click.ClickException("no standard input to read the password from")
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\r\n")


def _rejected(rejected: agents.AgentRejected) -> click.ClickException:
    lines = [f"  {field}: {message % params}"
             for field, (message, params) in rejected.problems.items()]
    return click.ClickException("the agent was not created:\n" + "\n".join(lines))


@click.command("create-agent")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(list(ROLES)),
              help="operator_admin (no carrier), carrier_admin, support_agent or viewer.")
@click.option("--carrier", "carrier_id", default=None,
              help="The agent's carrier id; required for every role but operator_admin.")
@with_appcontext
def create_agent_command(email: str, role: str, carrier_id: str | None) -> None:
    """Create an agent; the password is read from standard input (never an argument)."""
    password = _read_password()
    try:
        agent = agents.create_agent(email, password, role, carrier_id)
    except agents.AgentRejected as rejected:
        raise _rejected(rejected) from None
    click.echo(f"agent {agent.id} created: {agent.email} {agent.role} {agent.carrier_id or '*'}")


def _agent_or_fail(email: str) -> Agent:
    agent = agents.find_agent(email)
    if agent is None:
        raise click.ClickException(f"no agent has the e-mail address {email}")
    return agent


@click.command("create-token")
@click.argument("email")
@click.option("--name", default="", help="What the token is for (shown in the token list).")
@with_appcontext
def create_token_command(email: str, name: str) -> None:
    """Create a personal API token for an agent and print it, once."""
    agent = _agent_or_fail(email)
    if not agent.active:
        raise click.ClickException(f"the agent {agent.email} is deactivated")
    token, clear = tokens.create_token(agent, name)
    click.echo(f"token {token.id} for {agent.email} ({agent.role}); "
               "copy it now, it is not shown again:", err=True)
    click.echo(clear)


@click.command("revoke-token")
@click.argument("token_id", type=int)
@with_appcontext
def revoke_token_command(token_id: int) -> None:
    """Revoke an API token by its number (see the agent's token page)."""
    token = db.session.get(ApiToken, token_id)
    if token is None:
        raise click.ClickException(f"no token has the number {token_id}")
    if not tokens.revoke_token(token, by="command line"):
        raise click.ClickException(f"token {token_id} was already revoked")
    click.echo(f"token {token_id} of {token.agent.email} revoked")


@click.command("list-agents")
@with_appcontext
def list_agents_command() -> None:
    """List agents: e-mail, role, carrier, state and active tokens."""
    for agent in db.session.scalars(select(Agent).order_by(Agent.carrier_id, Agent.email)):
        active_tokens = sum(1 for token in agent.tokens if not token.revoked)
        state = "active" if agent.active else "deactivated"
        click.echo(f"{agent.email}\t{agent.role}\t{agent.carrier_id or '*'}\t{state}\t"
                   f"tokens={active_tokens}")


def register(app: Flask) -> None:
    """Add the agent and token commands to the app's CLI."""
    for command in (create_agent_command, create_token_command, revoke_token_command,
                    list_agents_command):
        app.cli.add_command(command)

"""The agent commands, and the demo agents they make possible."""

from sqlalchemy import func, select

from backoffice.auth.demo import DEMO_PASSWORD
from backoffice.auth.models import Agent
from backoffice.extensions import db
from backoffice.testing.auth import log_in

PASSWORD = "a long enough password"


def invoke(app, *args, password=PASSWORD):
    return app.test_cli_runner().invoke(args=list(args), input=f"{password}\n")


def test_create_agent_reads_the_password_from_standard_input(app):
    result = invoke(app, "create-agent", "Jean.Roy@Example.com", "--role", "support_agent",
                    "--carrier", "cooptel")
    assert result.exit_code == 0, result.output
    agent = db.session.scalar(select(Agent))
    assert (agent.email, agent.role, agent.carrier_id) == (
        "jean.roy@example.com", "support_agent", "cooptel")
    assert agent.password_hash.startswith("$argon2id$") and PASSWORD not in agent.password_hash
    assert log_in(app.test_client(), "jean.roy@example.com", PASSWORD).status_code == 302
    listing = app.test_cli_runner().invoke(args=["list-agents"])
    assert "jean.roy@example.com\tsupport_agent\tcooptel\tactive\ttokens=0" in listing.output


def test_create_agent_refuses_bad_roles_carriers_and_passwords_clearly(app):
    cases = [
        (["x@example.com", "--role", "support_agent"], PASSWORD,
         "The role support_agent needs a carrier."),
        (["x@example.com", "--role", "viewer", "--carrier", "orange"], PASSWORD,
         "“orange” is not a carrier. Carriers: "),
        (["x@example.com", "--role", "operator_admin", "--carrier", "bell"], PASSWORD,
         "covers every carrier"),
        (["x@example.com", "--role", "viewer", "--carrier", "bell"], "short",
         "The password must be at least 12 characters long."),
        (["not-an-email", "--role", "operator_admin"], PASSWORD,
         "“not-an-email” is not an e-mail address."),
    ]
    for args, password, message in cases:
        result = invoke(app, "create-agent", *args, password=password)
        assert result.exit_code == 1 and message in result.output, (args, result.output)
    wrong_role = invoke(app, "create-agent", "x@example.com", "--role", "boss")
    assert wrong_role.exit_code == 2 and "'boss' is not one of" in wrong_role.output
    assert db.session.scalar(select(func.count()).select_from(Agent)) == 0


def test_create_agent_refuses_a_second_agent_with_the_same_email(app):
    assert invoke(app, "create-agent", "a@example.com", "--role", "operator_admin").exit_code == 0
    again = invoke(app, "create-agent", "A@EXAMPLE.COM", "--role", "operator_admin")
    assert again.exit_code == 1 and "already exists" in again.output


def test_create_token_for_an_unknown_agent_fails_clearly(app):
    result = app.test_cli_runner().invoke(args=["create-token", "ghost@example.com"])
    assert result.exit_code == 1 and "no agent has the e-mail address" in result.output


def test_the_demo_creates_one_agent_per_role_and_carrier_once(app):
    runner = app.test_cli_runner()
    runner.invoke(args=["demo"])
    agents = {(a.email, a.role, a.carrier_id) for a in db.session.scalars(select(Agent))}
    assert ("admin@demo.backoffice.test", "operator_admin", None) in agents
    assert ("carrier_admin.sfr@demo.backoffice.test", "carrier_admin", "sfr") in agents
    assert ("viewer.bell@demo.backoffice.test", "viewer", "bell") in agents
    assert len(agents) == 1 + 3 * 4
    assert "0 object(s) created" in runner.invoke(args=["demo"]).output
    response = log_in(app.test_client(), "support_agent.telus@demo.backoffice.test",
                      DEMO_PASSWORD)
    assert response.status_code == 302

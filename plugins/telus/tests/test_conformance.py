"""TELUS passes the conformance kit, with probes for the limits of its own roles feature."""

from sqlalchemy import select

from backoffice.plugin import Line
from backoffice.testing import db
from backoffice.testing.conformance import CarrierConformance
from backoffice.testing.probes import ProbeContext
from plugins.telus.roles import SUPER_ADMIN


def probe_predefined_roles(ctx: ProbeContext) -> None:
    """A user takes each predefined role (but the super administrator's), and no other."""
    block, user = ctx.settings_block(), ctx.new_line("user")
    for role in ctx.value:
        if role != SUPER_ADMIN:
            ctx.accepted(lambda role=role: block.write(ctx.tenant, user, {"role": role}),
                         f"the predefined role {role}")
            assert block.read(ctx.tenant, user)["role"] == role, f"{ctx.name}: {role} not kept"
    ctx.refused(lambda: block.write(ctx.tenant, user, {"role": "owner"}), "role",
                "a role that is not predefined")


def probe_super_admin_extension(ctx: ProbeContext) -> None:
    """The user of the declared extension is the super administrator, and stays one."""
    block = ctx.settings_block()
    admin = db.session.scalar(select(Line).where(Line.tenant_id == ctx.tenant.id,
                                                 Line.extension == ctx.value))
    assert admin is not None, f"{ctx.name}: the demo has no user on extension {ctx.value}"
    assert block.read(ctx.tenant, admin)["role"] == SUPER_ADMIN
    ctx.refused(lambda: block.write(ctx.tenant, admin, {"role": "standard"}), "role",
                "demoting the super administrator")
    other = ctx.new_line("user")
    ctx.refused(lambda: block.write(ctx.tenant, other, {"role": SUPER_ADMIN}), "role",
                "a second super administrator")


def probe_caller_name_length(ctx: ProbeContext) -> None:
    """The company caller name takes up to the declared length, and no more."""
    block = ctx.settings_block()
    ctx.accepted(lambda: block.write(ctx.tenant, None, {"caller_name": "x" * ctx.value}),
                 f"a name of {ctx.value} characters")
    ctx.refused(lambda: block.write(ctx.tenant, None, {"caller_name": "x" * (ctx.value + 1)}),
                "caller_name", f"a name of {ctx.value + 1} characters")


class TestTelusConformance(CarrierConformance):
    carrier_id = "telus"
    probes = {("roles", "predefined"): probe_predefined_roles,
              ("roles", "super_admin_extension"): probe_super_admin_extension,
              ("company_caller_name", "max_length"): probe_caller_name_length}

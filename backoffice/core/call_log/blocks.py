"""The call log's block: the schedule of its e-mail. The log itself is a page of its own
(``/tenants/<id>/calls``), read with filters, since nobody writes a call."""

from __future__ import annotations

from backoffice.core.blocks import SettingsBlock
from backoffice.core.call_log import schedule
from backoffice.core.call_log.records import FEATURE
from backoffice.core.errors import N_


def call_log_email_block(*, guide_section: str, title: str = N_("Call log by e-mail"),
                         block_id: str = "call-log-email") -> SettingsBlock:
    """When the call log is e-mailed (every day, week or month on a chosen day), and where."""
    return SettingsBlock(id=block_id, feature=FEATURE, title=title,
                         schema=schedule.email_schema, guide_section=guide_section,
                         read=schedule.read_schedule, write=schedule.write_schedule)

"""Every step module is imported here: steps are fixtures, shared by every feature."""

from tests.bdd.steps.address_books import *  # noqa: F403
from tests.bdd.steps.administration import *  # noqa: F403
from tests.bdd.steps.bell import *  # noqa: F403
from tests.bdd.steps.blacklist import *  # noqa: F403
from tests.bdd.steps.call_log import *  # noqa: F403
from tests.bdd.steps.calling import *  # noqa: F403
from tests.bdd.steps.common import *  # noqa: F403
from tests.bdd.steps.conferences import *  # noqa: F403
from tests.bdd.steps.devices import *  # noqa: F403
from tests.bdd.steps.directory import *  # noqa: F403
from tests.bdd.steps.faxes import *  # noqa: F403
from tests.bdd.steps.forwarding import *  # noqa: F403
from tests.bdd.steps.groups import *  # noqa: F403
from tests.bdd.steps.ivr import *  # noqa: F403
from tests.bdd.steps.pages import *  # noqa: F403
from tests.bdd.steps.roles import *  # noqa: F403
from tests.bdd.steps.users import *  # noqa: F403
from tests.bdd.steps.voicemail import *  # noqa: F403

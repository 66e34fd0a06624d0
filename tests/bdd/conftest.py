from tests.bdd.steps import *  # noqa: F403 - steps are fixtures, shared by every feature

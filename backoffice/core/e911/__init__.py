"""The common emergency-address feature: a line's saved 9-1-1 addresses and its current one.

Carriers narrow it with :class:`~backoffice.core.limits.E911Limits` (the provinces offered,
an "outside the country" option) and expose it with :mod:`.blocks`.
"""

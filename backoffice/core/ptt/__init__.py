"""The common push-to-talk feature: the master contact list (the customer's devices and its
external contacts), sub-lists, talk groups, each device's talk-group scanning and its
messaging options.

Carriers narrow it with :class:`~backoffice.core.limits.PttLimits` and
:class:`~backoffice.core.limits.PttScanLimits` and expose it with :mod:`.blocks`.
"""

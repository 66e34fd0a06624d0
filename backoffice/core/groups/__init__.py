"""Groups of lines: hunt groups and call queues (members, distribution, waiting,
overflow) and pickup groups. Carriers narrow them with ``HuntGroupLimits`` and
``PickupGroupLimits``."""

"""The customer's users: people with names, an e-mail and a department, who hold the
customer's lines (extensions) — a person distinct from the line, as in the carriers'
portals where an extension is assigned to a new user, an existing user, or to nobody.

Carriers offer it as the ``users`` feature (scope tenant) with
:class:`~backoffice.core.limits.UserLimits`, and show it with
:func:`~backoffice.core.users.service.users_block`. The tenant structure page reads
:func:`~backoffice.core.users.service.users_overview`.
"""

"""The company's numbers: the inventory of the customer's phone numbers, assigned or not,
and where an assigned number's calls go (the auto-receptionist or an extension).

Carriers offer it as the ``company_numbers`` feature (scope tenant) with
:class:`~backoffice.core.limits.NumberLimits`, and show it with
:func:`~backoffice.core.company_numbers.service.company_numbers_block`. The tenant
structure page reads :func:`~backoffice.core.company_numbers.service.numbers_overview`.
"""

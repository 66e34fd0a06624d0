"""The company directory's external contacts: people outside the customer's company that
the carrier's company directory lists beside its lines, within the carrier's maximum.

Carriers offer it as the ``external_contacts`` feature (scope tenant) with
:class:`~backoffice.core.limits.DirectoryLimits`, and show it with
:func:`~backoffice.core.directory.contacts.external_contacts_block`.
"""

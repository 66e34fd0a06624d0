"""Faxes sent from the customer's numbers: a cover page whose every field is required, a
PDF document inspected with pypdf, a per-number e-mail confirmation.

Carriers offer it as the ``faxes`` feature (scope tenant, used on core's fax pages) with
:class:`~backoffice.core.limits.FaxLimits`: the largest document, the page sizes, whether
pages must be in portrait, and the plans of the lines faxes are sent from. The
``fax_numbers`` feature (scope line) holds each fax number's settings: whether the sending
confirmation is e-mailed, and to whom (:func:`~backoffice.core.fax.blocks.fax_number_block`).
A fax is sent as a provisioning order; its status is that order's, as the carrier's
network answers it.
"""

"""The portal's appearance: the company's logo and the link it opens (guide 002 Outils >
Apparence: "ajoutez le logo de votre entreprise ... établissez le lien entre le logo de
votre entreprise et son site web"; the logo shows "dans le coin supérieur droit").

Carriers offer it as the ``appearance`` feature (scope tenant) with
:class:`~backoffice.core.limits.AppearanceLimits`: the image formats, the largest file and
the longest side, checked on the image's content with Pillow. Agents use it on core's page
``/tenants/<id>/appearance`` and at ``/api/v1/tenants/<id>/appearance``.
"""

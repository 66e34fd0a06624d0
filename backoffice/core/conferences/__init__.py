"""Audio conferences: permanent or one-time rooms with a 4-digit room number, an optional
4-digit access code, options and invited participants (administrators or participants).

Carriers offer it as the ``conferences`` feature (scope tenant) with
:class:`~backoffice.core.limits.ConferenceLimits`: the longest one-time conference, the
languages, how early a one-time conference opens, whether a permanent one may be broadcast
on the web. :func:`~backoffice.core.conferences.joining.joining` says what a participant
dialling in meets.
"""

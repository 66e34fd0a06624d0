"""Audio files of common features (voicemail greetings, announcements): inspected on upload
with mutagen, kept through one small storage interface, served back to the agent's player.

A feature declares an :class:`~backoffice.core.limits.AudioLimits` per kind of audio it
takes (formats, longest recording, largest file); :mod:`.inspection` reads the real format
from the content and names the limit a file breaks; :mod:`.storage` keeps the bytes;
:mod:`.service` ties them to a tenant (``AudioFile``) and checks a feature's reference to one.
"""

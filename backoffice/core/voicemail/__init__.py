"""The common voicemail feature: one mailbox per line that has one, its settings (on/off,
greeting, e-mail notification, the carrier's options) and what it holds.

Carriers narrow it with :class:`~backoffice.core.limits.VoicemailLimits` and add their own
options to the block (:func:`backoffice.core.voicemail.blocks.voicemail_block`). The call
path names the mailbox's state wherever a call reaches it (:mod:`.explain`).
"""

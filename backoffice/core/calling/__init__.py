"""Calling options of a line: caller ID, do not disturb, outgoing-call permissions, and the
small per-line settings carriers group with them; their outgoing-call path."""

"""A process-wide setting changed while an import needs it.

Imports may nest or run in several threads of one process: the first block that needs the
setting changes it, the last one to end puts back what it was.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class ProcessWide:
    """A setting that ``change`` sets (returning what it was) and ``restore`` puts back."""

    def __init__(self, change: Callable[[], Any], restore: Callable[[Any], None]):
        self._change, self._restore = change, restore
        self._holders = 0
        self._before: Any = None
        self._lock = threading.Lock()

    @contextmanager
    def held(self) -> Iterator[None]:
        """The setting changed for the block (and for as long as another block holds it)."""
        with self._lock:
            if self._holders == 0:
                self._before = self._change()
            self._holders += 1
        try:
            yield
        finally:
            with self._lock:
                self._holders -= 1
                if self._holders == 0:
                    self._restore(self._before)

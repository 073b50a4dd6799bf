"""The last samples handed to the speaker's device, each piece tagged with its reply item.

The device plays what it was handed 20-40 ms later. When the user talks over a reply, the
speaker stops at once, dropping what it still holds (playback.py); that audio was counted as
played and is not heard, so it goes back in front of the queue (a resume plays it, a truncate
does not count it). Fades and silence are tagged None: they are nobody's audio to give back.
"""

from __future__ import annotations

from collections import deque

import numpy as np


class Handed:
    """A bounded record, newest last, of `limit` samples at most (0: none kept). Only the
    speaker's thread touches it: the buffer's reads, the silence it writes between replies
    without them, and its stops."""

    def __init__(self, limit: int = 0) -> None:
        self.limit = limit
        self._pieces: deque[tuple[str | None, np.ndarray]] = deque()
        self._size = 0

    def add(self, item_id: str | None, samples: np.ndarray) -> None:
        if not self.limit or not samples.size:
            return
        self._pieces.append((item_id, samples))
        self._size += samples.size
        while self._size - self._pieces[0][1].size >= self.limit:
            self._size -= self._pieces.popleft()[1].size

    def take_last(self, samples: int) -> list[tuple[str, np.ndarray]]:
        """The items' audio among the last `samples` handed, oldest first; the record is then
        empty (what came before was played, or is past recalling)."""
        back: list[tuple[str, np.ndarray]] = []
        while samples > 0 and self._pieces:
            item_id, piece = self._pieces.pop()
            piece = piece[-samples:]
            samples -= piece.size
            if item_id is not None:
                back.append((item_id, piece))
        self._pieces.clear()
        self._size = 0
        return back[::-1]

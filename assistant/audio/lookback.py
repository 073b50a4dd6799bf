"""The user's first words over a reply reach the server whole: the mic is held back briefly
while the assistant is audible.

Over a reply, the talk-over stage (talk_over.py) sends silence for every frame it cannot yet
call the user, and it knows only 40-140 ms after they start (longer the louder the echo). The
server's VAD then wants 60 ms of speech after that before it starts a turn, and their first
words reach it as holes. So while the assistant is audible each frame waits HOLD_FRAMES here
with both its forms, as it came and as judged: if nobody talks over the reply, the judged form
goes on, HOLD_FRAMES late; the moment the user has the floor (a local onset, the server's
speech_started), the held frames go as they came, at once, ahead of theirs. The server then
has the start of their words in one send. A reply nobody talks over costs the server nothing
but that delay; once the reply and its echo have ended, what is held goes on at once.
"""

from __future__ import annotations

from collections import deque

import numpy as np

HOLD_FRAMES = 5            # 100 ms: the user found up to that long after they start is sent whole


class Lookback:
    def __init__(self, frames: int = HOLD_FRAMES) -> None:
        self._limit = frames
        self._held: deque[tuple[np.ndarray, np.ndarray]] = deque()

    def frames(self, came: np.ndarray, judged: np.ndarray, floor: bool) -> list[np.ndarray]:
        """One frame while the assistant is audible; what leaves now. `floor`: the user has it
        (everything held goes as it came, then this frame as judged); else this frame is held
        and, once HOLD_FRAMES are, the judged form of the oldest leaves."""
        if floor:
            return [*self.empty(as_came=True), judged]
        self._held.append((came, judged))
        return [self._held.popleft()[1]] if len(self._held) > self._limit else []

    def empty(self, as_came: bool) -> list[np.ndarray]:
        """The assistant is no longer audible: everything held, as it came if the user has
        the floor (the server heard them), else as judged."""
        frames = [came if as_came else judged for came, judged in self._held]
        self._held.clear()
        return frames

    def drop(self) -> None:
        """Nothing held is for the server (a new turn, a new session)."""
        self._held.clear()

    def __len__(self) -> int:
        return len(self._held)

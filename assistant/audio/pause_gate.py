"""Holds the microphone back after a reconnect while the user is mid-sentence.

Audio from before a drop never reaches the new session; but a sentence still being spoken when
the new session is ready would reach it half-way, as a turn of its own. So if the user was talking
when the connection dropped, or starts while it reconnects, the new session gets the microphone
only after 300 ms without speech. WebRTC's VAD judges speech (a real speech detector, not a level
threshold, so a noisy room still counts as quiet); a room it never finds quiet opens after 5 s.
"""

from __future__ import annotations

import numpy as np

from assistant.audio.speech import SpeechDetector
from assistant.config import FRAME_MS

PAUSE_FRAMES = 300 // FRAME_MS
GIVE_UP_FRAMES = 5000 // FRAME_MS


class PauseGate:
    def __init__(self, talking: bool, aggressiveness: int = 2) -> None:
        """`talking`: the user was mid-sentence at the drop (the gate starts closed)."""
        self._is_speech = SpeechDetector(aggressiveness)
        self._quiet_run = 0 if talking else PAUSE_FRAMES
        self._closed_for = 0
        self.dropped = 0                 # frames held back (speech the new session never got)

    @property
    def open(self) -> bool:
        return self._quiet_run >= PAUSE_FRAMES or self._closed_for >= GIVE_UP_FRAMES

    def admit(self, frames: list[np.ndarray], listening: bool) -> list[np.ndarray]:
        """What of these frames a session gets: none while no session is `listening` (their
        speech still counts), then those from the user's pause on."""
        if not listening:
            for frame in frames:
                self.observe(frame)
            return []
        return [frame for frame in frames if self.passes(frame)]

    def observe(self, frame: np.ndarray) -> None:
        """A frame heard while no session listens: speech now closes the gate."""
        self._judge(frame)

    def passes(self, frame: np.ndarray) -> bool:
        """A frame for the new session: False (held back) until the user pauses."""
        if self.open:
            return True
        self._judge(frame)
        self.dropped += 1
        return False

    def _judge(self, frame: np.ndarray) -> None:
        if self._is_speech(frame):
            self._quiet_run = 0
        else:
            self._quiet_run += 1
        self._closed_for = 0 if self.open else self._closed_for + 1

"""Holds the microphone back after a reconnect until the user pauses.

Audio from before the drop never reaches the new session; but a sentence still being spoken when
the new session is ready would reach it half-way, as a turn of its own. So the first frames wait
for 300 ms without speech (WebRTC's VAD: a real speech detector, not a level threshold, so a noisy
room still opens the gate). A room the detector never finds quiet opens it after 5 s.
"""

from __future__ import annotations

import numpy as np
import webrtcvad

from assistant.config import FRAME_MS

PAUSE_FRAMES = 300 // FRAME_MS
GIVE_UP_FRAMES = 5000 // FRAME_MS
VAD_RATE = 48_000           # WebRTC's VAD takes 8/16/32/48 kHz; 24 kHz doubles exactly


class PauseGate:
    def __init__(self, aggressiveness: int = 2) -> None:
        self._vad = webrtcvad.Vad(aggressiveness)
        self._quiet_run = 0
        self._seen = 0
        self.open = False
        self.dropped = 0                 # frames held back (speech the new session never got)

    def passes(self, frame: np.ndarray) -> bool:
        """One 20 ms int16 frame at 24 kHz: False while the gate waits for a pause."""
        if self.open:
            return True
        self._seen += 1
        doubled = np.repeat(frame.astype(np.int16, copy=False), 2).tobytes()
        speech = self._vad.is_speech(doubled, VAD_RATE)
        self._quiet_run = 0 if speech else self._quiet_run + 1
        self.open = self._quiet_run >= PAUSE_FRAMES or self._seen >= GIVE_UP_FRAMES
        self.dropped += 1
        return False

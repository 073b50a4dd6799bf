"""WebRTC's voice-activity detector on our 20 ms, 24 kHz frames.

It judges the spectrum, not only the level, so a steady hum is mostly not speech; loud broadband
noise can pass it (measured), which is why an onset also needs the echo guard's level test.
It costs ~15 µs a frame and is already a dependency; Silero would need onnxruntime (~15 MB more
in the binary) or torch, for a decision the level test makes most of anyway.
"""

from __future__ import annotations

import numpy as np
import webrtcvad

VAD_RATE = 48_000           # it takes 8/16/32/48 kHz; 24 kHz doubles exactly


class SpeechDetector:
    def __init__(self, aggressiveness: int = 2) -> None:
        self._vad = webrtcvad.Vad(aggressiveness)

    def __call__(self, frame: np.ndarray) -> bool:
        doubled = np.repeat(frame.astype(np.int16, copy=False), 2).tobytes()
        return bool(self._vad.is_speech(doubled, VAD_RATE))

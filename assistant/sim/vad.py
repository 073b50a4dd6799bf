"""Energy voice-activity detection with hysteresis, on the server's timeline.

Not a neural VAD: it finds speech by level, which is what the offline demo and the tests need.
`threshold` (0..1, as in `server_vad`) maps onto a start level of -60..-30 dBFS.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_WINDOW_MS = 10
_MIN_SPEECH_MS = 60        # this much loud audio in a row starts speech
_HYSTERESIS_DB = 6.0


@dataclass
class VadEvent:
    kind: str       # "started" | "stopped"
    ms: int         # on the input buffer's timeline (ms since the session's first audio)


class EnergyVad:
    def __init__(self, threshold: float = 0.5, silence_duration_ms: int = 500,
                 rate: int = 24_000, start_ms: int = 0) -> None:
        self.on_db = -60.0 + 30.0 * threshold
        self.off_db = self.on_db - _HYSTERESIS_DB
        self.silence_ms = silence_duration_ms
        self.window = rate * _WINDOW_MS // 1000
        self.in_speech = False
        self._loud_run = 0            # ms of consecutive loud windows
        self._quiet_run = 0           # ms of consecutive quiet windows while in speech
        self._pending = np.zeros(0, dtype=np.int16)
        self._pos_ms = start_ms       # timeline position of the first pending sample

    def feed(self, samples: np.ndarray) -> list[VadEvent]:
        """Feed int16 samples; return the speech starts/stops they complete."""
        data = np.concatenate((self._pending, samples)) if self._pending.size else samples
        n_windows = data.size // self.window
        self._pending = data[n_windows * self.window:].copy()
        if n_windows == 0:
            return []
        frames = data[: n_windows * self.window].reshape(n_windows, self.window)
        power = np.mean(np.square(frames, dtype=np.float64), axis=1)
        levels = 10.0 * np.log10(power / (32768.0**2) + 1e-12)
        events: list[VadEvent] = []
        for level in levels.tolist():   # ~100 per second of audio: cheap
            self._step(level, events)
            self._pos_ms += _WINDOW_MS
        return events

    def _step(self, level: float, events: list[VadEvent]) -> None:
        end_ms = self._pos_ms + _WINDOW_MS
        if not self.in_speech:
            self._loud_run = self._loud_run + _WINDOW_MS if level >= self.on_db else 0
            if self._loud_run >= _MIN_SPEECH_MS:
                self.in_speech, self._quiet_run = True, 0
                events.append(VadEvent("started", end_ms - self._loud_run))
            return
        self._quiet_run = self._quiet_run + _WINDOW_MS if level < self.off_db else 0
        if self._quiet_run >= self.silence_ms:
            self.in_speech, self._loud_run = False, 0
            events.append(VadEvent("stopped", end_ms))

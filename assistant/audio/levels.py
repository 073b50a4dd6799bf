"""Signal levels for the meter: dBFS per frame, an IEC 60268-18 scale, and meter ballistics.

The audio thread only stores the newest (rms, peak) pair in a `LevelHolder`; whoever paints
polls it at its own rate and runs the ballistics there. A painter at rest does not poll: the
loop's thread stirs the holder where sound passes it anyway (the microphone's frames handed
over, the reply's audio queued), so silence costs no wake-up and the audio threads stay free of
Qt.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

FLOOR_DB = -90.0


def dbfs(samples: np.ndarray) -> tuple[float, float]:
    """(RMS dBFS, peak dBFS) of int16 samples; a full-scale sine reads -3 / 0 dBFS."""
    if samples.size == 0:
        return FLOOR_DB, FLOOR_DB
    # (one dot product, not mean(square()): 3 us a frame instead of 9, and it runs for every
    # frame of both directions)
    x = samples.astype(np.float32)
    rms = math.sqrt(float(np.vdot(x, x)) / samples.size) / 32768.0
    peak = max(int(samples.max()), -int(samples.min())) / 32768.0
    return _db(rms), _db(peak)


def mean_squares(frames: np.ndarray) -> np.ndarray:
    """Each row's mean square (int16 frames in rows)."""
    x = frames.astype(np.float32)
    powers: np.ndarray = np.einsum("ij,ij->i", x, x) / max(1, x.shape[1])
    return powers


def _db(value: float) -> float:
    return max(FLOOR_DB, 20.0 * math.log10(value)) if value > 0 else FLOOR_DB


def iec_scale(db: float) -> float:
    """IEC 60268-18 deflection (0..1) for a dBFS value: more room where speech lives."""
    if db < -70.0:
        return 0.0
    if db < -60.0:
        return (db + 70.0) * 0.0025
    if db < -50.0:
        return (db + 60.0) * 0.005 + 0.025
    if db < -40.0:
        return (db + 50.0) * 0.0075 + 0.075
    if db < -30.0:
        return (db + 40.0) * 0.015 + 0.15
    if db < -20.0:
        return (db + 30.0) * 0.02 + 0.3
    return min(1.0, (db + 20.0) * 0.025 + 0.5)


class LevelHolder:
    """The newest level, written by an audio thread and read by the GUI; a tuple swap is atomic
    under the GIL, so no lock is needed for it. The loudest since the last `take_loudest` is
    kept too, under a lock: a reader on its own 20 ms clock (the echo guard) misses no block."""

    def __init__(self) -> None:
        self.value: tuple[float, float] = (FLOOR_DB, FLOOR_DB)
        self.frames = 0
        self._loudest: float | None = None
        self._lock = threading.Lock()
        # Set (on the loop's thread) by a painter that rests until sound comes; see `stir`.
        self.on_stir: Callable[[], None] | None = None

    def update(self, rms_db: float, peak_db: float) -> None:
        self.value = (rms_db, peak_db)
        self.frames += 1
        with self._lock:
            self._loudest = rms_db if self._loudest is None else max(self._loudest, rms_db)

    def take_loudest(self) -> float:
        """The loudest RMS written since the last take; the newest if none was. Two clocks of
        20 ms drift in phase, so two blocks can come between two looks (measured: 1.5 % of
        the speaker's loud blocks were never seen by the guard when it read the newest)."""
        with self._lock:
            loudest, self._loudest = self._loudest, None
        return self.value[0] if loudest is None else loudest

    def reset(self) -> None:
        self.value = (FLOOR_DB, FLOOR_DB)

    def stir(self, coming: bool = False) -> None:
        """On the loop's thread, where sound passes: wake a painter resting on this holder if
        the newest level is above the floor, or if sound is `coming` (queued to play, not yet
        measured). Never called by an audio thread."""
        if self.on_stir is not None and (coming or self.value[0] > FLOOR_DB
                                         or self.value[1] > FLOOR_DB):
            try:
                self.on_stir()
            except RuntimeError:          # its painter went with the application: the sound
                self.on_stir = None       # still plays, and is still sent


@dataclass
class MeterBallistics:
    """RMS smoothed over ~300 ms; the peak holds for 1.5 s, then falls at 20 dB/s."""
    rms_tau_s: float = 0.3
    hold_s: float = 1.5
    fall_db_per_s: float = 20.0
    rms_db: float = FLOOR_DB
    peak_db: float = FLOOR_DB
    _held_for: float = 0.0

    @property
    def at_rest(self) -> bool:
        """Both readings sit on the floor: silence in changes nothing."""
        return self.rms_db <= FLOOR_DB and self.peak_db <= FLOOR_DB

    def step(self, dt: float, rms_db: float, peak_db: float) -> tuple[float, float]:
        alpha = 1.0 - math.exp(-dt / self.rms_tau_s) if dt > 0 else 1.0
        power = (1 - alpha) * 10 ** (self.rms_db / 10) + alpha * 10 ** (rms_db / 10)
        self.rms_db = max(FLOOR_DB, 10 * math.log10(power)) if power > 0 else FLOOR_DB
        if self.rms_db < FLOOR_DB + 0.5:     # the decay only nears the floor: land on it
            self.rms_db = FLOOR_DB
        if peak_db >= self.peak_db:
            self.peak_db, self._held_for = peak_db, 0.0
        else:
            self._held_for += dt
            if self._held_for > self.hold_s:
                self.peak_db = max(peak_db, self.peak_db - self.fall_db_per_s * dt, FLOOR_DB)
        return self.rms_db, self.peak_db

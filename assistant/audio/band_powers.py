"""Band powers of 10 ms frames: ~200 Hz bands from 300 Hz to 4 kHz, each of the 20 ms window
ending at the frame, for several streams in one transform.

The double-talk detector (double_talk.py) weighs the mic's against the speaker's band by band.
The powers come out as a 20 ms window at 24 kHz gives them, whatever the device's rate: its
thresholds were set at that rate, and a 48 kHz window is twice as long.
"""

from __future__ import annotations

import numpy as np

LOW_HZ, HIGH_HZ, BAND_HZ = 300, 4000, 200
TUNED_WINDOW = 480     # samples in a 20 ms window at 24 kHz, where the powers were set


class BandPowers:
    def __init__(self, rate: int) -> None:
        self.frame = rate // 100
        window = 2 * self.frame
        self._nfft = 1 << (window - 1).bit_length()
        self._window = (np.hanning(window + 2)[1:-1] * TUNED_WINDOW / window).astype(np.float32)
        bin_hz = rate / self._nfft
        self._first = max(1, int(LOW_HZ / bin_hz))
        self._width = max(1, round(BAND_HZ / bin_hz))
        self.bands = max(1, (int(HIGH_HZ / bin_hz) - self._first) // self._width)
        self._index = np.zeros((0, 0), np.intp)

    def of(self, streams: np.ndarray, rows: int) -> np.ndarray:
        """Per stream (the last axis: a frame, then `rows` frames), each row's band powers."""
        windows = streams[..., self._windows(rows)] * self._window
        spectrum = np.abs(np.fft.rfft(windows, self._nfft)) ** 2
        used = spectrum[..., self._first:self._first + self.bands * self._width]
        shape = (*streams.shape[:-1], rows, self.bands, self._width)
        powers: np.ndarray = used.reshape(shape).sum(axis=-1)
        return powers

    def _windows(self, rows: int) -> np.ndarray:
        """Sample indices of each frame's window in [previous frame, frames]."""
        if self._index.shape[0] != rows:
            starts = np.arange(rows)[:, None] * self.frame
            self._index = starts + np.arange(2 * self.frame)
        return self._index

"""Cuts a sample stream into exact frames (20 ms for the wire, 10 ms for the echo canceller)."""

from __future__ import annotations

import numpy as np

from assistant.config import FRAME_SAMPLES


class Framer:
    """Cuts a sample stream into exact frames; carries the remainder to the next push."""

    def __init__(self, frame_samples: int = FRAME_SAMPLES) -> None:
        self.frame_samples = frame_samples
        self._pending = np.zeros(0, dtype=np.int16)

    @property
    def pending(self) -> int:
        """Samples waiting for the rest of their frame."""
        return int(self._pending.size)

    def push(self, samples: np.ndarray) -> np.ndarray:
        """Returns the complete frames as rows of a (n, frame_samples) array: a view of
        `samples` when they are whole frames and nothing was pending (the usual device block,
        which each audio thread cuts 50 times a second), else a new array."""
        if not self._pending.size and not samples.size % self.frame_samples:
            return samples.reshape(-1, self.frame_samples)
        data = np.concatenate((self._pending, samples)) if self._pending.size else samples
        n = data.size // self.frame_samples
        cut = n * self.frame_samples
        self._pending = data[cut:].copy()
        return data[:cut].reshape(n, self.frame_samples)

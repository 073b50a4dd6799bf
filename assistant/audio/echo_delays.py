"""Where the echo is among its delays: band powers correlated per delay, and weights moved.

The double-talk detector's looks (double_talk.py) ask this when its echo may have moved or
come back after a break: how well what was played explains what the mic heard, at each delay.
Log powers, each band's mean taken out, so a path's loudness and a band's colour do not count,
only the shape in time that a delayed copy shares.
"""

from __future__ import annotations

import numpy as np


def fit_by_delay(heard_logs: np.ndarray, played_logs: np.ndarray, delays: int) -> np.ndarray:
    """Per delay (0 to `delays` - 1 frames): the mean over bands of the correlation of the
    mic's frames (`heard_logs`, bands x frames, newest first) with what was played that many
    frames before them (`played_logs`, bands x frames, newest first)."""
    frames = heard_logs.shape[1]
    heard = heard_logs - heard_logs.mean(axis=1, keepdims=True)
    played = np.lib.stride_tricks.sliding_window_view(
        played_logs, frames, axis=1)[:, :delays]                      # bands, delay, frames
    played = played - played.mean(axis=2, keepdims=True)
    products = np.einsum("bf,bdf->bd", heard, played)
    norms = np.sqrt(np.einsum("bf,bf->b", heard, heard)[:, None]
                    * np.einsum("bdf,bdf->bd", played, played)) + 1e-9
    fit: np.ndarray = (products / norms).mean(axis=0)
    return fit


def delayed(weights: np.ndarray, frames: int) -> np.ndarray:
    """The weights `frames` delay steps later (sooner where negative), none where none were."""
    moved = np.zeros_like(weights)
    if frames > 0:
        moved[:, frames:] = weights[:, :-frames]
    elif frames < 0:
        moved[:, :frames] = weights[:, -frames:]
    else:
        moved[:] = weights
    return moved

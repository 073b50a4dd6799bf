"""How late the shared Qt/asyncio loop takes the microphone's frames, for the benches
(`VOICE_ASSISTANT_STATS`): each block's time from the capture thread's read to the loop
(`FrameOutbox.latency_s`, kept anyway), p50, p99 and the worst. A late loop delays the mic's
frames, the reply's audio and the repaints alike.

It used to be a callback of its own every 50 ms, timed against when it was due: 20 wake-ups a
second of the loop in every bench run, to measure that loop (~75 us each here, ~0.2 % of a core
added to the very CPU figure the run reports). The mic's hand-off wakes the loop anyway.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from assistant.audio.percentile import percentiles
from assistant.private_files import write_private


def loop_lag(latency_s: Iterable[float]) -> dict[str, float]:
    lags = [1000 * seconds for seconds in latency_s]
    if not lags:
        return {}
    p50, p99 = percentiles(lags, 50, 99)
    return {"loop_lag_ms_p50": p50, "loop_lag_ms_p99": p99, "loop_lag_ms_max": max(lags),
            "loop_samples": float(len(lags))}


def write_stats(path: Path, latency_s: Iterable[float], **extra: object) -> None:
    write_private(path, json.dumps({**loop_lag(latency_s), **extra}))

"""How late the shared Qt/asyncio loop runs what is due: a callback asks to run every 50 ms and
records how late it ran. A late loop delays microphone frames, audio deltas and repaints alike.
Started only when asked for (`VOICE_ASSISTANT_STATS`), for the benches."""

from __future__ import annotations

import asyncio
import json
from collections import deque
from pathlib import Path

import numpy as np

from assistant.private_files import write_private

INTERVAL_S = 0.05


class LoopLagMonitor:
    def __init__(self) -> None:
        self.lag_ms: deque[float] = deque(maxlen=100_000)
        self._due = 0.0
        self._handle: asyncio.TimerHandle | None = None

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._due = loop.time() + INTERVAL_S
        self._handle = loop.call_at(self._due, self._tick)

    def stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _tick(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        self.lag_ms.append((now - self._due) * 1000)
        self._due = now + INTERVAL_S
        self._handle = loop.call_at(self._due, self._tick)

    def summary(self) -> dict[str, float]:
        if not self.lag_ms:
            return {}
        lags = np.array(self.lag_ms)
        return {"loop_lag_ms_p50": float(np.percentile(lags, 50)),
                "loop_lag_ms_p99": float(np.percentile(lags, 99)),
                "loop_lag_ms_max": float(lags.max()), "loop_samples": float(lags.size)}

    def write(self, path: Path, **extra: object) -> None:
        write_private(path, json.dumps({**self.summary(), **extra}))

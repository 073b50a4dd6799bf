"""The protocol events the inspector shows, as they pass.

Streaming events (50 microphone appends a second, the reply's audio deltas) are counted, not
emitted one by one: a run of them becomes one entry with its count and its newest event,
flushed as soon as another event comes (so the order stays true), by the run's own next event
once FLUSH_MS have passed, and FLUSH_MS after a run stops. A run that flows wakes nothing of its
own (a timer of its own cost the idle app 4 wake-ups a second while the microphone streams).
Audio payloads are summarised to their size; nothing here keeps the key.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.dispatch import Event
from assistant.realtime.redact import summarize

STREAMING = frozenset({"input_audio_buffer.append", "response.output_audio.delta",
                       "response.output_audio_transcript.delta", "response.output_text.delta",
                       "response.function_call_arguments.delta",
                       "response.mcp_call_arguments.delta",
                       "conversation.item.input_audio_transcription.delta",
                       "session.input_audio_buffer.append", "session.output_audio.delta",
                       "session.input_transcript.delta", "session.output_transcript.delta"})
FLUSH_MS = 250


class EventLog(QObject):
    logged = Signal(str, float, str, object, int)    # direction, time, type, summary, count

    def __init__(self) -> None:
        super().__init__()
        self._runs: dict[tuple[str, str], tuple[float, Event, int]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)
        self._flushed_at = time.monotonic()

    def record(self, direction: str, event: Event) -> None:
        kind = str(event.get("type"))
        if kind in STREAMING:
            first, _, count = self._runs.get((direction, kind), (time.time(), event, 0))
            self._runs[(direction, kind)] = (first, event, count + 1)
            if time.monotonic() - self._flushed_at >= FLUSH_MS / 1000:
                self.flush()
            else:
                self._timer.start()         # restarted: it fires only once the run stops
            return
        self.flush()
        self.logged.emit(direction, time.time(), kind, summarize(event), 1)

    def flush(self) -> None:
        self._timer.stop()
        self._flushed_at = time.monotonic()
        runs, self._runs = self._runs, {}
        for (direction, kind), (first, newest, count) in runs.items():
            self.logged.emit(direction, first, kind, summarize(newest), count)

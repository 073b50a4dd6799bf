"""Live translation's speech on the speaker: one continuous stream, with no items to cut or
truncate, and no "done" event. A pause in the deltas ends a stretch, so the speaker can go quiet
(and rest its level meter) between the interpreter's sentences."""

from __future__ import annotations

import asyncio

from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.realtime.reply_audio import TRANSLATION_STREAM

STREAM_GAP_S = 0.3         # no translated audio this long: the stretch has ended


class TranslatedStream:
    def __init__(self, buffer: PlaybackBuffer) -> None:
        self.buffer = buffer
        self._end: asyncio.TimerHandle | None = None

    def write(self, pcm: bytes) -> None:
        self.buffer.write(TRANSLATION_STREAM, pcm)
        if self._end is not None:
            self._end.cancel()
        self._end = asyncio.get_running_loop().call_later(STREAM_GAP_S, self._ended)

    def _ended(self) -> None:
        self._end = None
        self.buffer.finish(TRANSLATION_STREAM)

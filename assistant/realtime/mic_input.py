"""The microphone's way to the server: `input_audio_buffer.append` events (a second per event
when catching up), or, over WebRTC, the transport's track. Held, bounded with the oldest dropped,
until the session is configured, so nothing said while connecting is lost."""

from __future__ import annotations

from collections.abc import Callable

from assistant.dispatch import Event
from assistant.realtime import events
from assistant.realtime.audio_ledger import HeldAudio
from assistant.realtime.transport import MediaTransport


class MicInput:
    def __init__(self, send: Callable[[Event], str], media: MediaTransport | None,
                 translating: bool, max_held_bytes: int, wire_rate: int) -> None:
        self._send, self._media, self._translating = send, media, translating
        self._held = HeldAudio(max_held_bytes)
        self._catch_up_bytes = wire_rate * 2          # one second per event

    def append(self, pcm: bytes, configured: bool) -> None:
        if not configured:
            self._held.hold(pcm)
        elif self._media is not None:
            self._media.send_audio(pcm)
        else:
            self._send(events.audio_append(pcm, self._translating))

    def flush(self) -> None:
        held = self._held.take()
        if self._media is not None:
            self._media.send_audio(held)
            return
        for start in range(0, len(held), self._catch_up_bytes):
            self._send(events.audio_append(held[start:start + self._catch_up_bytes],
                                           self._translating))

    def clear(self) -> None:
        self._held.clear()

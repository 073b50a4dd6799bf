"""The assistant's audio as a session receives it, whichever transport brings it.

Over a WebSocket it comes in `response.output_audio.delta` events (base64, with their item);
over WebRTC it comes on the remote track, belonging to the response's audio item, while the server
owns the output buffer (`output_audio_buffer.started/stopped/cleared`). Either way listeners get
(item_id, wire-rate pcm16) and the session knows how much of each item came, which truncation
may never pass. Live translation's one stream has no item: it is `TRANSLATION_STREAM`.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Callable

import numpy as np

from assistant.dispatch import Event, EventTable, notify
from assistant.realtime.audio_ledger import ReceivedAudio

log = logging.getLogger(__name__)

AudioListener = Callable[[str, bytes], None]
TRANSLATION_STREAM = "translation"
PREVIEW_STREAM = "voice-preview"      # a voice preview played here: no item of the session
SILENCE = 32           # |sample| at most this: what Opus and resampling make of silence
_TRACK: EventTable[ReplyAudio, None] = EventTable()


class ReplyAudio:
    def __init__(self) -> None:
        self.listeners: list[AudioListener] = []
        # WebRTC: an item's audio has all come (the server stopped, and the track went quiet).
        self.ended_listeners: list[Callable[[str], None]] = []
        self.server_playing = False               # WebRTC: the server's buffer is playing
        self._received = ReceivedAudio()
        self._item: str | None = None             # WebRTC: the item the track's audio is
        self._item_response: str | None = None
        self._stopped = False                     # its last audio is on its way

    def track(self, event: Event) -> None:
        handler = _TRACK.handler(event["type"])
        if handler is not None:
            handler(self, event)

    def received_bytes(self, item_id: str) -> int:
        return self._received.bytes_of(item_id)

    def from_track(self, pcm: bytes) -> None:
        """WebRTC: audio from the remote track. The track never stops; the silence before a
        reply's first sound is not the item's, or what was heard would be counted late."""
        item = self._item
        if item is None:
            return
        if not self._received.bytes_of(item):
            pcm = _from_first_sound(pcm)
        elif self._stopped and not _from_first_sound(pcm):
            self._end()                  # the server's last audio has played out
            return
        self._deliver(item, pcm)

    def _end(self) -> None:
        item, self._item, self._item_response, self._stopped = self._item, None, None, False
        if item is not None:
            notify(self.ended_listeners, item)

    @_TRACK.on("response.output_audio.delta")
    def _on_delta(self, event: Event) -> None:
        item_id, delta = event.get("item_id"), event.get("delta")
        if isinstance(item_id, str) and isinstance(delta, str):
            self._deliver(item_id, _decoded(delta))

    @_TRACK.on("session.output_audio.delta")
    def _on_translated(self, event: Event) -> None:
        delta = event.get("delta")
        if isinstance(delta, str):
            self._deliver(TRANSLATION_STREAM, _decoded(delta))

    @_TRACK.on("response.output_item.added")
    def _on_item(self, event: Event) -> None:
        item = event.get("item")
        if isinstance(item, dict) and item.get("type") == "message" \
                and item.get("role") == "assistant" and isinstance(item.get("id"), str):
            self._end()
            self._item, self._item_response = item["id"], event.get("response_id")

    @_TRACK.on("output_audio_buffer.started")
    def _on_started(self, event: Event) -> None:
        self.server_playing = True

    @_TRACK.on("output_audio_buffer.stopped")
    def _on_stopped(self, event: Event) -> None:
        """The server has sent its last; what is still on the network belongs to the item."""
        self.server_playing = False
        if event.get("response_id") in (None, self._item_response):
            self._stopped = True

    @_TRACK.on("output_audio_buffer.cleared")
    def _on_cleared(self, event: Event) -> None:
        self.server_playing = False
        if event.get("response_id") in (None, self._item_response):
            self._end()

    def _deliver(self, item_id: str, pcm: bytes) -> None:
        pcm = pcm[: len(pcm) // 2 * 2]
        if not pcm:
            return
        self._received.add(item_id, len(pcm))
        notify(self.listeners, item_id, pcm)


def _from_first_sound(pcm: bytes) -> bytes:
    """The audio from its first sample above the codec's silence (none: empty)."""
    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], np.int16)
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > SILENCE)
    return pcm[int(loud[0]) * 2:] if loud.size else b""


def _decoded(delta: str) -> bytes:
    try:
        return base64.b64decode(delta, validate=True)
    except (binascii.Error, ValueError):
        log.warning("ignored an audio delta that is not base64 (%d chars)", len(delta))
        return b""

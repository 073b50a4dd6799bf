"""The embedded server's input audio buffer: appended audio, its timeline, server/semantic VAD,
and commits that turn speech into user items (transcribed when the session asks for it)."""

from __future__ import annotations

import asyncio
import base64
import binascii
from typing import Any

import numpy as np

from assistant.config import pcm_ms
from assistant.sim.errors import RequestError
from assistant.sim.port import Conversation
from assistant.sim.replies import Item
from assistant.sim.vad import EnergyVad

_SEMANTIC_SILENCE_MS = {"high": 250, "medium": 600, "auto": 600, "low": 1200}
MIN_COMMIT_MS = 100


def decode_pcm16(audio: str) -> bytes:
    """An append's base64 payload as pcm16 bytes; RequestError for what is not."""
    try:
        pcm = base64.b64decode(audio, validate=True)
    except (binascii.Error, ValueError):
        raise RequestError("Invalid 'audio': not valid base64.", "invalid_value",
                           "audio") from None
    if len(pcm) % 2:
        raise RequestError("Invalid 'audio': pcm16 needs an even number of bytes.",
                           "invalid_value", "audio")
    return pcm


class InputAudio:
    def __init__(self, conv: Conversation) -> None:
        self.conv = conv
        self.rate = conv.rate
        self.transcribed = 0             # user turns transcribed (the faults count them)
        self._buffer = bytearray()
        self._start_ms = 0               # timeline position of the buffer's first byte
        self._speech_item_id: str | None = None
        self._speech_start_ms = 0
        self._vad: EnergyVad | None = None
        self._idle: asyncio.TimerHandle | None = None
        self._idle_task: asyncio.Task[None] | None = None
        self.reset_vad()

    @property
    def _turn(self) -> dict[str, Any]:
        return self.conv.turn_detection or {}

    def reset_vad(self) -> None:
        """A detector whose clock continues the session's audio timeline."""
        turn = self.conv.turn_detection
        if not turn:
            self._vad = None
            return
        now_ms = self._start_ms + pcm_ms(len(self._buffer), self.rate)
        if turn["type"] == "semantic_vad":
            silence = _SEMANTIC_SILENCE_MS[turn.get("eagerness", "auto")]
            self._vad = EnergyVad(0.5, silence, self.rate, now_ms)
        else:
            self._vad = EnergyVad(turn.get("threshold", 0.5), turn.get("silence_duration_ms", 500),
                                  self.rate, now_ms)

    async def append(self, audio: str) -> None:
        await self.append_pcm(decode_pcm16(audio))

    async def append_pcm(self, pcm: bytes) -> None:
        """The caller's audio, from an event or a WebRTC call's track."""
        self._buffer += pcm
        if self._vad is None:
            return
        for vad_event in self._vad.feed(np.frombuffer(pcm, dtype=np.int16)):
            if vad_event.kind == "started":
                await self._speech_started(vad_event.ms)
            else:
                await self._speech_stopped(vad_event.ms)
        if not self._vad.in_speech:
            self._trim()

    def _trim(self) -> None:
        """Outside speech keep only the prefix padding, so silence does not pile up."""
        keep = self.rate * 2 * self._turn.get("prefix_padding_ms", 300) // 1000
        if len(self._buffer) > keep:
            cut = len(self._buffer) - keep
            cut -= cut % 2
            del self._buffer[:cut]
            self._start_ms += pcm_ms(cut, self.rate)

    def arm_idle(self) -> None:
        """A reply has ended: with server VAD's idle_timeout_ms, silence that long makes the
        server commit the buffer and answer it (the model checks the user is still there)."""
        self.disarm_idle()
        timeout = self._turn.get("idle_timeout_ms") if self._turn.get("type") == "server_vad" \
            else None
        if isinstance(timeout, int) and self.conv.kind == "realtime":
            loop = asyncio.get_running_loop()

            def fire() -> None:
                self._idle_task = loop.create_task(self._timed_out())
            self._idle = loop.call_later(timeout / 1000 / self.conv.speed, fire)

    def disarm_idle(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None

    async def _timed_out(self) -> None:
        self._idle = None
        if self.conv.response or (self._vad and self._vad.in_speech):
            return
        item_id = self.conv.new_id("item")
        end_ms = self._start_ms + pcm_ms(len(self._buffer), self.rate)
        await self.conv.emit({"type": "input_audio_buffer.timeout_triggered",
                              "audio_start_ms": self._start_ms, "audio_end_ms": end_ms,
                              "item_id": item_id})
        await self._commit(item_id, timed_out=True)
        await self.conv.start_response(None)

    async def _speech_started(self, ms: int) -> None:
        self.disarm_idle()
        pad = self._turn.get("prefix_padding_ms", 300)
        self._speech_start_ms = max(self._start_ms, ms - pad)
        self._speech_item_id = self.conv.new_id("item")
        await self.conv.emit({"type": "input_audio_buffer.speech_started",
                              "audio_start_ms": self._speech_start_ms,
                              "item_id": self._speech_item_id})
        if self.conv.response and self._turn.get("interrupt_response", True):
            self.conv.response.cancel("turn_detected")

    async def _speech_stopped(self, ms: int) -> None:
        item_id = self._speech_item_id or self.conv.new_id("item")
        await self.conv.emit({"type": "input_audio_buffer.speech_stopped", "audio_end_ms": ms,
                              "item_id": item_id})
        start = (self._speech_start_ms - self._start_ms) * self.rate * 2 // 1000
        del self._buffer[:start]
        self._start_ms = self._speech_start_ms
        await self._commit(item_id)
        if self._turn.get("create_response", True) and self.conv.kind == "realtime":
            await self.conv.start_response(None)

    async def commit(self) -> None:
        buffered_ms = pcm_ms(len(self._buffer), self.rate)
        if buffered_ms < MIN_COMMIT_MS:
            raise RequestError(
                f"Error committing input audio buffer: buffer too small. Expected at least "
                f"{MIN_COMMIT_MS}ms of audio, but buffer only has {buffered_ms}ms of audio.",
                "input_audio_buffer_commit_empty")
        await self._commit(self._speech_item_id or self.conv.new_id("item"))

    async def _commit(self, item_id: str, timed_out: bool = False) -> None:
        audio_ms = pcm_ms(len(self._buffer), self.rate)
        self._start_ms += audio_ms
        self._buffer.clear()
        self._speech_item_id = None
        conv = self.conv
        previous = conv.items[-1].data["id"] if conv.items else None
        await conv.emit({"type": "input_audio_buffer.committed", "previous_item_id": previous,
                         "item_id": item_id})
        item = Item({"id": item_id, "object": "realtime.item", "type": "message",
                     "role": "user", "status": "completed",
                     "content": [{"type": "input_audio", "transcript": None}]}, audio_ms,
                    timed_out)
        conv.add_item(item)
        await conv.emit_item_added(item)
        await conv.emit({"type": "conversation.item.done", "item": item.data})
        if conv.session["audio"]["input"].get("transcription"):
            await self._transcribe(item)

    async def _transcribe(self, item: Item) -> None:
        text = f"({item.audio_ms / 1000:.1f} s of speech)"
        where = {"item_id": item.data["id"], "content_index": 0}
        self.transcribed += 1
        if self.transcribed == self.conv.faults.fail_transcription:
            await self.conv.emit({"type": "conversation.item.input_audio_transcription.failed",
                                  **where, "error": {
                                      "type": "transcription_error", "code": "audio_unintelligible",
                                      "message": "The audio could not be transcribed.",
                                      "param": None}})
            return
        await self.conv.emit({"type": "conversation.item.input_audio_transcription.delta",
                              **where, "delta": text})
        item.data["content"][0]["transcript"] = text
        await self.conv.emit({"type": "conversation.item.input_audio_transcription.completed",
                              **where, "transcript": text,
                              "usage": {"type": "duration", "seconds": item.audio_ms / 1000}})

    async def clear(self) -> None:
        self._start_ms += pcm_ms(len(self._buffer), self.rate)
        self._buffer.clear()
        self.reset_vad()
        await self.conv.emit({"type": "input_audio_buffer.cleared"})

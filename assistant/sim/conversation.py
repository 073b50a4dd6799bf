"""The embedded server's protocol state for one connection, transport-free (GA events in and out).

`handle()` takes one client event; every outcome is emitted through `emit`. Bad input becomes an
`error` event carrying the offending event_id; nothing here closes the connection.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import copy
import itertools
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

import numpy as np

from assistant.config import WIRE_RATE, pcm_ms
from assistant.sim import replies, schema
from assistant.sim.replies import Item
from assistant.sim.responder import Response
from assistant.sim.vad import EnergyVad

log = logging.getLogger(__name__)
Emit = Callable[[dict[str, Any]], Awaitable[None]]

_SEMANTIC_SILENCE_MS = {"high": 250, "medium": 600, "auto": 600, "low": 1200}
_MIN_COMMIT_MS = 100
_ATOMIC_KEYS = {"turn_detection", "transcription", "noise_reduction", "format", "tools"}


class RequestError(Exception):
    def __init__(self, message: str, code: str | None = None, param: str | None = None) -> None:
        super().__init__(message)
        self.code, self.param = code, param


def default_session(kind: str, model: str) -> dict[str, Any]:
    fmt = {"type": "audio/pcm", "rate": WIRE_RATE}
    audio_in = {"format": fmt, "noise_reduction": None, "transcription": None,
                "turn_detection": {"type": "server_vad", "threshold": 0.5,
                                   "prefix_padding_ms": 300, "silence_duration_ms": 500,
                                   "idle_timeout_ms": None, "create_response": True,
                                   "interrupt_response": True}}
    if kind == "transcription":
        return {"type": "transcription", "audio": {"input": audio_in}, "include": None}
    return {"type": "realtime", "model": model,
            "output_modalities": ["audio"], "instructions": "", "tools": [], "tool_choice": "auto",
            "max_output_tokens": "inf", "tracing": None, "truncation": "auto", "prompt": None,
            "include": None,
            "audio": {"input": audio_in,
                      "output": {"format": dict(fmt), "voice": "marin", "speed": 1.0}}}


def merge_session(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge a partial update; the listed keys are replaced whole, never merged."""
    merged = copy.deepcopy(base)
    for key, value in update.items():
        nested = isinstance(value, dict) and isinstance(merged.get(key), dict)
        if nested and key not in _ATOMIC_KEYS:
            merged[key] = merge_session(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


class SimConversation:
    def __init__(self, emit: Emit, *, kind: str = "realtime", model: str = "gpt-realtime",
                 speed: float = 1.0) -> None:
        self._emit = emit
        self.kind, self.speed = kind, speed
        self.rate = WIRE_RATE
        self.session = default_session(kind, model)
        self.conversation_id = self.new_id("conv")
        self.items: list[Item] = []
        self.response: Response | None = None
        self._response_task: asyncio.Task[None] | None = None
        self._event_ids = itertools.count(1)
        self._buffer = bytearray()
        self._buffer_start_ms = 0        # timeline position of the buffer's first byte
        self._speech_item_id: str | None = None
        self._speech_start_ms = 0
        self._vad: EnergyVad | None = None
        self._vad = self._make_vad()
        self._cached_tokens = 0
        self._audio_produced = False

    # ---- plumbing -----------------------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        return f"{prefix}_{secrets.token_hex(10)}"

    async def emit(self, event: dict[str, Any]) -> None:
        event = {"event_id": f"event_{next(self._event_ids)}", **event}
        await self._emit(event)

    async def error(self, message: str, *, code: str | None = None, param: str | None = None,
                    event_id: str | None = None, kind: str = "invalid_request_error") -> None:
        await self.emit({"type": "error", "error": {"type": kind, "code": code, "message": message,
                                                    "param": param, "event_id": event_id}})

    @property
    def voice(self) -> str:
        return self.session.get("audio", {}).get("output", {}).get("voice", "marin")

    @property
    def turn_detection(self) -> dict[str, Any] | None:
        return self.session["audio"]["input"].get("turn_detection")

    async def start(self) -> None:
        await self.emit({"type": "session.created", "session": self.session})

    async def close(self) -> None:
        if self.response:
            self.response.cancel("client_cancelled")
        if self._response_task:
            self._response_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._response_task

    # ---- dispatch -----------------------------------------------------------------------------

    async def handle(self, event: dict[str, Any]) -> None:
        event_id = event.get("event_id") if isinstance(event.get("event_id"), str) else None
        try:
            schema.check_client_event(event)
            await getattr(self, "_on_" + event["type"].replace(".", "_"))(event)
        except schema.Invalid as exc:
            await self.error(str(exc), code="invalid_value", param=exc.param, event_id=event_id)
        except RequestError as exc:
            await self.error(str(exc), code=exc.code, param=exc.param, event_id=event_id)

    async def _on_session_update(self, event: dict[str, Any]) -> None:
        update = event["session"]
        if update.get("type") != self.kind:
            raise RequestError(f"Invalid 'session.type': this is a {self.kind} session.",
                               "invalid_value", "session.type")
        schema.check_session(update, self.kind, "ga")
        merged = merge_session(self.session, update)
        if self._audio_produced and merged.get("audio", {}).get("output", {}).get(
                "voice") != self.voice:
            raise RequestError("Cannot update a conversation's voice if assistant audio is "
                               "present.", "cannot_update_voice", "session.audio.output.voice")
        self.session = merged
        self._vad = self._make_vad()
        await self.emit({"type": "session.updated", "session": self.session})

    def _make_vad(self) -> EnergyVad | None:
        """A detector whose clock continues the session's audio timeline."""
        turn = self.turn_detection
        if not turn:
            return None
        now_ms = self._buffer_start_ms + pcm_ms(len(self._buffer), self.rate)
        if turn["type"] == "semantic_vad":
            silence = _SEMANTIC_SILENCE_MS[turn.get("eagerness", "auto")]
            return EnergyVad(0.5, silence, self.rate, now_ms)
        return EnergyVad(turn.get("threshold", 0.5), turn.get("silence_duration_ms", 500),
                         self.rate, now_ms)

    # ---- input audio --------------------------------------------------------------------------

    async def _on_input_audio_buffer_append(self, event: dict[str, Any]) -> None:
        try:
            pcm = base64.b64decode(event["audio"], validate=True)
        except (binascii.Error, ValueError):
            raise RequestError("Invalid 'audio': not valid base64.", "invalid_value",
                               "audio") from None
        if len(pcm) % 2:
            raise RequestError("Invalid 'audio': pcm16 needs an even number of bytes.",
                               "invalid_value", "audio")
        self._buffer += pcm
        if self._vad is not None:
            for vad_event in self._vad.feed(np.frombuffer(pcm, dtype=np.int16)):
                if vad_event.kind == "started":
                    await self._speech_started(vad_event.ms)
                else:
                    await self._speech_stopped(vad_event.ms)
            if not self._vad.in_speech:
                self._trim_buffer()

    def _trim_buffer(self) -> None:
        """Outside speech keep only the prefix padding, so silence does not pile up."""
        pad = (self.turn_detection or {}).get("prefix_padding_ms", 300)
        keep = self.rate * 2 * pad // 1000
        if len(self._buffer) > keep:
            cut = len(self._buffer) - keep
            cut -= cut % 2
            del self._buffer[:cut]
            self._buffer_start_ms += pcm_ms(cut, self.rate)

    async def _speech_started(self, ms: int) -> None:
        pad = (self.turn_detection or {}).get("prefix_padding_ms", 300)
        self._speech_start_ms = max(self._buffer_start_ms, ms - pad)
        self._speech_item_id = self.new_id("item")
        await self.emit({"type": "input_audio_buffer.speech_started",
                         "audio_start_ms": self._speech_start_ms,
                         "item_id": self._speech_item_id})
        if self.response and (self.turn_detection or {}).get("interrupt_response", True):
            self.response.cancel("turn_detected")

    async def _speech_stopped(self, ms: int) -> None:
        item_id = self._speech_item_id or self.new_id("item")
        await self.emit({"type": "input_audio_buffer.speech_stopped", "audio_end_ms": ms,
                         "item_id": item_id})
        start = (self._speech_start_ms - self._buffer_start_ms) * self.rate * 2 // 1000
        del self._buffer[:start]
        self._buffer_start_ms = self._speech_start_ms
        await self._commit(item_id)
        if (self.turn_detection or {}).get("create_response", True) and self.kind == "realtime":
            await self._start_response(None)

    async def _on_input_audio_buffer_commit(self, event: dict[str, Any]) -> None:
        if pcm_ms(len(self._buffer), self.rate) < _MIN_COMMIT_MS:
            raise RequestError(
                f"Error committing input audio buffer: buffer too small. Expected at least "
                f"{_MIN_COMMIT_MS}ms of audio, but buffer only has "
                f"{pcm_ms(len(self._buffer), self.rate)}ms of audio.",
                "input_audio_buffer_commit_empty")
        await self._commit(self._speech_item_id or self.new_id("item"))

    async def _commit(self, item_id: str) -> None:
        audio_ms = pcm_ms(len(self._buffer), self.rate)
        self._buffer_start_ms += audio_ms
        self._buffer.clear()
        self._speech_item_id = None
        previous = self.items[-1].data["id"] if self.items else None
        await self.emit({"type": "input_audio_buffer.committed", "previous_item_id": previous,
                         "item_id": item_id})
        transcribe = self.session["audio"]["input"].get("transcription")
        item = Item({"id": item_id, "object": "realtime.item", "type": "message",
                     "role": "user", "status": "completed",
                     "content": [{"type": "input_audio", "transcript": None}]}, audio_ms)
        self.add_item(item)
        await self.emit_item_added(item)
        await self.emit({"type": "conversation.item.done", "item": item.data})
        if transcribe:
            await self._transcribe(item)

    async def _transcribe(self, item: Item) -> None:
        text = f"({item.audio_ms / 1000:.1f} s of speech)"
        where = {"item_id": item.data["id"], "content_index": 0}
        await self.emit({"type": "conversation.item.input_audio_transcription.delta", **where,
                         "delta": text})
        item.data["content"][0]["transcript"] = text
        await self.emit({"type": "conversation.item.input_audio_transcription.completed",
                         **where, "transcript": text,
                         "usage": {"type": "duration", "seconds": item.audio_ms / 1000}})

    async def _on_input_audio_buffer_clear(self, event: dict[str, Any]) -> None:
        self._buffer_start_ms += pcm_ms(len(self._buffer), self.rate)
        self._buffer.clear()
        self._vad = self._make_vad()
        await self.emit({"type": "input_audio_buffer.cleared"})

    # ---- conversation items -------------------------------------------------------------------

    def add_item(self, item: Item, after: str | None = None) -> None:
        index = len(self.items) if after is None else self._index(after) + 1
        self.items.insert(index, item)

    async def emit_item_added(self, item: Item) -> None:
        index = self.items.index(item)
        previous = self.items[index - 1].data["id"] if index else None
        await self.emit({"type": "conversation.item.added", "previous_item_id": previous,
                         "item": item.data})

    def _index(self, item_id: str, param: str = "previous_item_id") -> int:
        for index, item in enumerate(self.items):
            if item.data["id"] == item_id:
                return index
        raise RequestError(f"Item with item_id not found: {item_id}", "item_not_found", param)

    def _find(self, item_id: str) -> Item:
        return self.items[self._index(item_id, "item_id")]

    async def _on_conversation_item_create(self, event: dict[str, Any]) -> None:
        data = copy.deepcopy(event["item"])
        after = event.get("previous_item_id")
        if after is not None:
            self._index(after)
        if data["type"] == "function_call_output" and not any(
                i.data.get("call_id") == data["call_id"] and i.data["type"] == "function_call"
                for i in self.items):
            raise RequestError(f"No tool call found for call_id: {data['call_id']}",
                               "invalid_value", "item.call_id")
        data.setdefault("id", self.new_id("item"))
        data.update(object="realtime.item", status="completed")
        item = Item(data)
        self.add_item(item, after)
        await self.emit_item_added(item)
        await self.emit({"type": "conversation.item.done", "item": data})

    async def _on_conversation_item_truncate(self, event: dict[str, Any]) -> None:
        item = self._find(event["item_id"])
        if item.data.get("role") != "assistant" or item.data.get("type") != "message":
            raise RequestError("Only assistant messages can be truncated.", "invalid_value",
                               "item_id")
        if event["content_index"] != 0 or item.audio_ms == 0:
            raise RequestError("Content part has no audio to truncate.", "invalid_value",
                               "content_index")
        if event["audio_end_ms"] > item.audio_ms:
            raise RequestError(f"Audio content of {item.audio_ms}ms is already shorter than "
                               f"{event['audio_end_ms']}ms", "invalid_value", "audio_end_ms")
        item.audio_ms = event["audio_end_ms"]
        for part in item.data.get("content", []):
            part["transcript"] = ""    # as OpenAI does: the transcript no longer matches
        await self.emit({"type": "conversation.item.truncated", "item_id": event["item_id"],
                         "content_index": 0, "audio_end_ms": event["audio_end_ms"]})

    async def _on_conversation_item_delete(self, event: dict[str, Any]) -> None:
        del self.items[self._index(event["item_id"], "item_id")]
        await self.emit({"type": "conversation.item.deleted", "item_id": event["item_id"]})

    async def _on_conversation_item_retrieve(self, event: dict[str, Any]) -> None:
        item = self._find(event["item_id"])
        await self.emit({"type": "conversation.item.retrieved", "item": item.data})

    # ---- responses ----------------------------------------------------------------------------

    async def _on_response_create(self, event: dict[str, Any]) -> None:
        if self.kind != "realtime":
            raise RequestError("Transcription sessions do not create responses.", "invalid_value",
                               "type")
        if self.response:
            raise RequestError(
                f"Conversation already has an active response in progress: {self.response.id}. "
                "Wait until the response is finished before creating a new one.",
                "conversation_already_has_active_response")
        await self._start_response(event.get("response"))

    async def _on_response_cancel(self, event: dict[str, Any]) -> None:
        wanted = event.get("response_id")
        if not self.response or (wanted and wanted != self.response.id):
            raise RequestError("Cancellation failed: no active response found",
                               "response_cancel_not_active")
        self.response.cancel("client_cancelled")

    async def _start_response(self, params: dict[str, Any] | None) -> None:
        if self.response:
            return
        modality = ((params or {}).get("output_modalities")
                    or self.session.get("output_modalities") or ["audio"])[0]
        tools = {t.get("name") for t in self.session.get("tools") or []}
        reply = replies.plan_reply(self.items, tools)
        self.response = Response(self, reply, modality)
        if modality == "audio":
            self._audio_produced = True
        self._response_task = asyncio.create_task(self._run_response(self.response))

    async def _run_response(self, response: Response) -> None:
        try:
            await response.run()
        except Exception:      # the connection went away mid-stream
            log.debug("response %s ended early", response.id, exc_info=True)
        finally:
            if self.response is response:
                self.response = None

    def bill(self, context: list[Item], out_text: str, out_audio_ms: int) -> dict[str, Any]:
        usage = replies.usage(context, self.session.get("instructions", ""), self._cached_tokens,
                              out_text, out_audio_ms)
        self._cached_tokens = usage["input_tokens"]
        return usage

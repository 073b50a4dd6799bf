"""The embedded server's live-translation session (`/v1/realtime/translations?model=...`).

Audio streams in with `session.input_audio_buffer.append`; there are no turns to commit. Each
stretch of speech the energy VAD finds is "translated" when it ends: the demo recognises no
words, so the source transcript names its length and the target one says so in the target
language's code, spoken (espeak-ng) as `session.output_audio.delta`, paced like a reply. With
`session.close` the server says `session.closed` and ends the connection.
"""

from __future__ import annotations

import asyncio
import base64
import copy
import itertools
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any

import numpy as np

from assistant.config import WIRE_RATE, pcm_ms
from assistant.dispatch import Event, EventTable
from assistant.sim import client_events, schema, voice
from assistant.sim.input_audio import decode_pcm16
from assistant.sim.pacing import paced
from assistant.sim.vad import EnergyVad

log = logging.getLogger(__name__)
Emit = Callable[[dict[str, Any]], Awaitable[None]]
_SILENCE_MS = 500
# Client event type -> its one handler (the schema has checked the event first).
EVENTS: EventTable[SimTranslation, Awaitable[None]] = EventTable()


def translated_text(speech_ms: int, language: str) -> tuple[str, str]:
    """(source transcript, target transcript) of one stretch of speech."""
    seconds = speech_ms / 1000
    return (f"({seconds:.1f} s of speech)",
            f"Translated into {language}: {seconds:.1f} seconds of speech.")


class SimTranslation:
    kind = "translation"

    def __init__(self, emit: Emit, *, model: str, speed: float = 1.0) -> None:
        self._emit, self.speed = emit, speed
        self.session: dict[str, Any] = {
            "id": f"sess_{secrets.token_hex(10)}", "type": "translation", "model": model,
            "expires_at": int(time.time()) + 3600,
            "audio": {"input": {"noise_reduction": None, "transcription": None},
                      "output": {"language": "es"}}}
        self.closed = asyncio.Event()
        self._ids = itertools.count(1)
        self._vad = EnergyVad(0.5, _SILENCE_MS, WIRE_RATE)
        self._speech_ms = 0
        self._elapsed_ms = 0                  # audio received so far, the events' clock
        self._speaking: asyncio.Task[None] | None = None
        self._queue: list[tuple[int, int]] = []          # (speech ms, ended at ms)

    def begin_with(self, minted: dict[str, Any]) -> None:
        """A client secret's session: its model, and its audio settings."""
        self.session = _merge({**self.session, "model": minted.get("model",
                                                                   self.session["model"])},
                              minted)

    async def emit(self, event: dict[str, Any]) -> None:
        await self._emit({"event_id": f"event_{next(self._ids)}", **event})

    async def error(self, message: str, *, code: str | None = None, param: str | None = None,
                    event_id: str | None = None) -> None:
        await self.emit({"type": "error", "error": {"type": "invalid_request_error",
                                                    "code": code, "message": message,
                                                    "param": param, "event_id": event_id}})

    async def start(self) -> None:
        await self.emit({"type": "session.created", "session": self.session})

    async def close(self) -> None:
        if self._speaking is not None:
            self._speaking.cancel()

    async def handle(self, event: dict[str, Any]) -> None:
        await client_events.handle(self, event, schema.TRANSLATION_EVENTS, EVENTS)

    @EVENTS.on("session.update")
    async def _on_update(self, event: Event) -> None:
        self.session = _merge(self.session, event["session"])
        await self.emit({"type": "session.updated", "session": self.session})

    @EVENTS.on("session.input_audio_buffer.append")
    async def _on_append(self, event: Event) -> None:
        await self._append(event["audio"])

    @EVENTS.on("session.close")
    async def _on_close(self, event: Event) -> None:
        await self.emit({"type": "session.closed"})
        self.closed.set()

    async def _append(self, audio: str) -> None:
        pcm = decode_pcm16(audio)
        self._elapsed_ms += pcm_ms(len(pcm), WIRE_RATE)
        for change in self._vad.feed(np.frombuffer(pcm, dtype=np.int16)):
            if change.kind == "started":
                self._speech_ms = change.ms
            else:
                self._queue.append((change.ms - self._speech_ms - _SILENCE_MS, change.ms))
        if self._queue and (self._speaking is None or self._speaking.done()):
            self._speaking = asyncio.ensure_future(self._speak_queue())

    async def _speak_queue(self) -> None:
        while self._queue:
            speech_ms, ended_ms = self._queue.pop(0)
            try:
                await self._speak(max(speech_ms, 0), ended_ms)
            except Exception:                  # the connection went away mid-stream
                log.debug("translation output ended early", exc_info=True)
                return

    async def _speak(self, speech_ms: int, ended_ms: int) -> None:
        audio_in = self.session["audio"]["input"]
        language = str(self.session["audio"]["output"].get("language") or "es")
        source, target = translated_text(speech_ms, language)
        if audio_in.get("transcription"):
            await self.emit({"type": "session.input_transcript.delta", "delta": source + " ",
                             "elapsed_ms": ended_ms})
        pcm = await asyncio.to_thread(voice.synthesize, target)
        async for chunk in paced(pcm, target, WIRE_RATE, self.speed, after_last_word=" "):
            at = ended_ms + chunk.at_ms                     # the next stretch follows on
            if chunk.words:
                await self.emit({"type": "session.output_transcript.delta",
                                 "delta": chunk.words, "elapsed_ms": at})
            await self.emit({"type": "session.output_audio.delta",
                             "delta": base64.b64encode(chunk.audio).decode("ascii"),
                             "elapsed_ms": at, "format": "pcm16", "sample_rate": WIRE_RATE,
                             "channels": 1})


def _merge(session: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(session)
    for direction, part in (update.get("audio") or {}).items():
        merged["audio"][direction].update(copy.deepcopy(part))
    return merged

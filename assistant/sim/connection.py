"""One client of the embedded server, whatever carries its events: checks each frame, feeds the
conversation, writes what it emits, and makes the faults a test asked for.

A `Wire` is a WebSocket (sim/server.py) or a WebRTC call's data channel (sim/calls.py); the
call also carries audio, which it takes out of the event stream through `audio_out`.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import time
from collections.abc import Callable
from typing import Any, Protocol

from assistant.realtime import dialect
from assistant.sim import schema
from assistant.sim.conversation import SimConversation
from assistant.sim.faults import ConnectionFaults, Faults, junk
from assistant.sim.session_state import merge_session
from assistant.sim.translation import SimTranslation

_EVENT_ID = re.compile(rb'"event_id"\s*:\s*"([^"]{1,64})"')


class Wire(Protocol):
    """What carries one client's events."""

    transport: asyncio.BaseTransport | None     # the socket under it (tests pause or cut it)

    async def send(self, text: str) -> None: ...
    async def close(self, code: int, reason: str) -> None: ...
    def abort(self) -> None: ...


class Host(Protocol):
    """What a connection (and a call) needs of its server (`SimServer`)."""

    speed: float
    spoken_tool: str | None
    max_session_s: float
    max_event_bytes: int
    reject_beta: bool
    faults: Faults
    on_wire: Callable[[str, dict[str, Any], str], None] | None
    on_call_audio: Callable[[str, bytes], None] | None
    connections: list[SimConnection]

    def refuses_model(self, model: str) -> str | None: ...


class SimConnection:
    """One client: reads frames, checks them, feeds the conversation, writes what it emits."""

    def __init__(self, server: Host, wire: Wire, *, beta: bool, kind: str,
                 model: str, minted: dict[str, Any] | None = None) -> None:
        self.server, self.wire, self.beta = server, wire, beta
        self.conversation: SimConversation | SimTranslation
        if kind == "translation":
            self.conversation = SimTranslation(self._send, model=model, speed=server.speed)
            if minted is not None:       # the secret's model and audio settings
                self.conversation.begin_with(minted)
        else:
            self.conversation = SimConversation(self._send, kind=kind, model=model,
                                                speed=server.speed)
            self.conversation.spoken_tool = server.spoken_tool
            self.conversation.faults = server.faults
            if minted is not None:       # an ephemeral key's session is where this one starts
                self.conversation.session = merge_session(self.conversation.session, minted)
        self.received: list[dict[str, Any]] = []   # GA form, for tests that inspect the peer
        self.faults = ConnectionFaults(server.faults)
        # A WebRTC call takes the reply's audio out of the event stream (returns True).
        self.audio_out: Callable[[dict[str, Any]], bool] | None = None
        self._expiry: asyncio.Task[None] | None = None
        self._timer: asyncio.TimerHandle | None = None     # the session's time limit

    @property
    def transport(self) -> asyncio.BaseTransport | None:
        return self.wire.transport

    async def _send(self, event: dict[str, Any]) -> None:
        if self.audio_out is not None and self.audio_out(event):
            return
        wire = dialect.server_to_beta(event) if self.beta else event
        if wire is None:
            return
        if (reshape := _BETA_SESSION_SHAPES.get(wire["type"])) is not None:
            wire["session"] = reshape(wire["session"])
        fault = self.faults.before_send(str(event.get("type")))
        if fault == "drop":
            self.wire.abort()
            return
        if fault == "garbage":
            await self.wire.send(junk(self.faults.faults.junk))
        if fault != "skip":
            self._tap("out", wire)
            await self.wire.send(json.dumps(wire, separators=(",", ":")))
        if fault == "send-then-drop":
            self.wire.abort()

    def _tap(self, direction: str, event: dict[str, Any]) -> None:
        if self.server.on_wire is not None:
            self.server.on_wire(direction, event, "beta" if self.beta else
                                "translation" if self.conversation.kind == "translation"
                                else "ga")

    async def start(self) -> bool:
        """Greet the client (session.created); False when its dialect is refused."""
        if self.beta and self.server.reject_beta:
            await self.conversation.error(
                "The beta Realtime API shape is no longer supported; use the GA interface.",
                code="beta_api_shape_disabled")
            await self.wire.close(4000, "beta_api_shape_disabled")
            return False
        refusal = self.server.refuses_model(str(self.conversation.session.get("model") or ""))
        if refusal is not None:
            await self.conversation.error(refusal, code="model_not_found", param="model")
            await self.wire.close(1008, "model_not_found")
            return False
        self._timer = asyncio.get_running_loop().call_later(self.server.max_session_s,
                                                            self._expire)
        await self.conversation.start()
        return True

    async def finish(self) -> None:
        if self._timer is not None:              # (none: the dialect was refused)
            self._timer.cancel()
        await self.conversation.close()

    def _expire(self) -> None:
        async def expire() -> None:
            await self.conversation.error("Your session hit the maximum duration of "
                                          f"{self.server.max_session_s:g} seconds.",
                                          code="session_expired")
            await self.wire.close(1001, "session expired")
        self._expiry = asyncio.ensure_future(expire())

    async def on_message(self, message: str | bytes) -> None:
        raw = message.encode() if isinstance(message, str) else message
        if len(raw) > self.server.max_event_bytes:
            found = _EVENT_ID.search(raw[:512])
            await self.conversation.error(
                f"Event too large: {len(raw)} bytes (limit {self.server.max_event_bytes}).",
                code="event_too_large", event_id=found.group(1).decode() if found else None)
            return
        try:
            event = json.loads(raw)
        except json.JSONDecodeError as exc:
            await self.conversation.error(f"Invalid JSON: {exc.msg}.", code="invalid_json")
            return
        except ValueError:       # bytes that are not UTF-8
            await self.conversation.error("Invalid JSON: not UTF-8 text.", code="invalid_json")
            return
        if not isinstance(event, dict):
            await self.conversation.error("An event must be a JSON object.", code="invalid_json")
            return
        self._tap("in", event)
        if self.beta:
            event = await self._from_beta(event)
            if event is None:
                return
        self.received.append(event)
        await self.conversation.handle(event)
        if isinstance(self.conversation, SimTranslation) and self.conversation.closed.is_set():
            await self.wire.close(1000, "session closed")

    async def _from_beta(self, event: dict[str, Any]) -> dict[str, Any] | None:
        """Check a beta session update in its own (flat) shape, then translate to GA."""
        session = event.get("session")
        if event.get("type") in _BETA_SESSION_UPDATES and isinstance(session, dict):
            try:
                schema.check_session(session, self.conversation.kind, "beta")
            except schema.Invalid as exc:
                await self.conversation.error(str(exc), code="invalid_value", param=exc.param,
                                              event_id=event.get("event_id"))
                return None
            for key in schema.BETA_ONLY_FIELDS:
                session.pop(key, None)
        return dialect.client_from_beta(event)


def _beta_transcription_session(flat: dict[str, Any]) -> dict[str, Any]:
    """Beta's transcription session object: its few fields, and the client secret it carried
    (a fresh, useless one: nothing accepts it)."""
    kept = ("input_audio_format", "input_audio_transcription", "turn_detection", "modalities")
    turn = flat.get("turn_detection")
    return {**{key: flat[key] for key in kept if key in flat},
            "turn_detection": {k: v for k, v in turn.items() if k in (
                "type", "threshold", "prefix_padding_ms", "silence_duration_ms")}
            if isinstance(turn, dict) else None,
            "client_secret": {"value": f"ek_sim_{secrets.token_hex(12)}",
                              "expires_at": int(time.time()) + 60}}


# The beta events that carry a session in a shape of their own.
_BETA_SESSION_SHAPES = {"transcription_session.updated": _beta_transcription_session}
_BETA_SESSION_UPDATES = frozenset({"session.update", "transcription_session.update"})

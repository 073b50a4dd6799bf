"""RealtimeSession: one connection to a Realtime endpoint, with the rules clients trip on.

Events travel over a `Transport` (a WebSocket unless told otherwise). Sending is synchronous
(events go into an ordered outbox drained by a writer task), so Qt slots and the audio bridge
send without awaiting. Received events are normalised to GA names, tracked by one handler per
type, and handed to listeners. Reconnecting means a new RealtimeSession.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant import errors
from assistant.config import WIRE_RATE, pcm_ms
from assistant.dispatch import Event, EventTable, notify
from assistant.errors import REFUSING_CODES, AssistantError, closed_error, refusal
from assistant.realtime import dialect, events
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.mic_input import MicInput
from assistant.realtime.reply_audio import ReplyAudio
from assistant.realtime.session_config import without_fixed
from assistant.realtime.transport import (
    MediaTransport,
    Transport,
    TransportClosed,
    TransportFactory,
)
from assistant.realtime.transport.transports import transport_for
from assistant.realtime.waiters import EventWaiters, Match

if TYPE_CHECKING:
    from typing_extensions import Buffer  # bytes, bytearray, memoryview, numpy

log = logging.getLogger(__name__)

Listener = Callable[[Event], None]
CloseListener = Callable[[AssistantError | None], None]

# The bookkeeping behind the send-side rules, one handler per event type.
_TRACK: EventTable[RealtimeSession, None] = EventTable()
MALFORMED_SAID = 20            # unusable messages told to listeners per session; then counted


class RealtimeSession:
    """A connected Realtime session (GA names throughout, whatever the endpoint's dialect)."""

    def __init__(self, endpoint: Endpoint, *, wire_rate: int = WIRE_RATE,
                 max_held_audio_ms: int = 10_000,
                 transport: TransportFactory = transport_for) -> None:
        self.endpoint = endpoint
        self.wire_rate = wire_rate
        self.listeners: list[Listener] = []
        self.sent_listeners: list[Listener] = []
        self.close_listeners: list[CloseListener] = []
        self.configured = False            # a session.updated has arrived: audio may flow
        self.response_id: str | None = None
        self.malformed_events = 0
        self.replies_finished = 0          # response.done events: the session was of use
        self._transport: Transport = transport(endpoint)
        self.audio = ReplyAudio()             # the assistant's audio, from either transport
        self._media = self._transport if isinstance(self._transport, MediaTransport) else None
        if self._media is not None:           # WebRTC: audio on tracks, not in events
            self._media.on_audio = self.audio.from_track
        self._mic = MicInput(self.send, self._media, self.translating,
                             max_held_audio_ms * wire_rate * 2 // 1000, wire_rate)
        self._opened = False
        self._outbox: asyncio.Queue[str | None] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self._ids = itertools.count(1)
        self._response_state: str | None = None      # None | "requested" | "active"
        self._requested_by: str | None = None
        self._later: dict[str, Callable[[], object]] = {}   # "update", "create": after the reply
        self._waiters = EventWaiters()
        self._closing = False
        self._refused: AssistantError | None = None   # the server said retrying cannot help
        self.last_event_at = 0.0                      # time.monotonic() of the last message
        self.closed: asyncio.Future[AssistantError | None] | None = None

    async def connect(self, timeout: float = 10.0) -> Event:
        """Open the socket and wait for `session.created`; raise a typed error otherwise."""
        where = self.endpoint.display()
        self.closed = asyncio.get_running_loop().create_future()
        await self._transport.open(timeout)
        self._opened = True
        created = self.wait_for("session.created", timeout)
        self._tasks = [asyncio.create_task(self._receive_loop(), name="realtime-receive"),
                       asyncio.create_task(self._send_loop(), name="realtime-send")]
        waits: list[asyncio.Future[Any]] = [created, self.closed]
        done, _ = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        if created in done and not created.cancelled() and created.exception() is None:
            return created.result()
        created.cancel()
        error = self.closed.result() if self.closed.done() else None
        await self.close()
        raise error or errors.NotStarted(where)

    async def close(self, reason: AssistantError | None = None) -> None:
        """Close the socket (idempotent); listeners get `reason` (None: we chose to close)."""
        self._closing = True
        for task in self._tasks:
            if task is not asyncio.current_task():
                task.cancel()
        self._finish(reason)
        if self._opened:
            await self._transport.close()

    @property
    def is_open(self) -> bool:
        return self._opened and self.closed is not None and not self.closed.done()

    def wait_for(self, match: Match, timeout: float | None = None) -> asyncio.Future[Event]:
        """A future for the next received event of a type (or matching a predicate)."""
        return self._waiters.wait_for(match, timeout)

    def send(self, event: Event) -> str:
        """Queue a GA client event; returns its event_id. Never blocks."""
        if not self._opened or self._closing:
            raise errors.NotConnected()
        event_id = str(event.setdefault("event_id", f"evt_c{next(self._ids)}"))
        notify(self.sent_listeners, event)
        wire = dialect.client_to_beta(event) if self.endpoint.dialect == "beta" else event
        text = json.dumps(wire, separators=(",", ":"))
        if event["type"] not in events.AUDIO_APPENDS.values():       # 50 a second: unlogged
            log.debug("-> %s (%d bytes)", event["type"], len(text))
        self._outbox.put_nowait(text)
        return event_id

    def update_session(self, session: dict[str, Any]) -> str:
        """Sent without the fields the organisation fixed (they stay as its secret set them);
        a voice's speed waits for the reply in progress (the service takes it between turns)."""
        session = without_fixed(session, self.endpoint.fixed)
        if self._response_state is not None and "speed" in (session.get("audio") or {}).get(
                "output", {}):
            self._later["update"] = lambda: self.update_session(session)
            return ""
        return self.send(events.session_update(session))

    def append_audio(self, pcm16: Buffer) -> None:
        """Send pcm16 at the wire rate (any buffer: bytes, a numpy frame); held until
        `session.updated` (see MicInput)."""
        self._mic.append(bytes(memoryview(pcm16).cast("B")), self.configured)

    @property
    def carries_audio(self) -> bool:       # WebRTC: and the server owns the output buffer
        return self._media is not None

    @property
    def translating(self) -> bool:   # live translation: a stream, no input buffer to commit
        return self.endpoint.intent == "translation"

    def commit(self) -> str:
        return "" if self.translating else self.send(events.audio_commit())

    def clear_input(self) -> str:
        self._mic.clear()
        return "" if self.translating else self.send(events.audio_clear())

    def add_text_message(self, text: str) -> str:
        return self.send(events.user_text(text))

    def function_output(self, call_id: str, output: str) -> str:
        return self.send(events.function_output(call_id, output))

    def create_response(self, response: dict[str, Any] | None = None) -> bool:
        """Ask for a response; deferred while one is active. True if sent now."""
        if self._response_state is not None:
            self._later["create"] = lambda: self.create_response(response)
            return False
        self._requested_by = self.send(events.response_create(response))
        self._response_state = "requested"
        return True

    def cancel_response(self) -> bool:
        """Cancel the active response, if any; drops a deferred one too."""
        self._later.pop("create", None)
        if self._response_state is None:
            return False
        self.send(events.response_cancel())
        return True

    def truncate(self, item_id: str, audio_end_ms: int) -> int | None:
        """Truncate an assistant item at min(audio_end_ms, audio received). Returns the ms sent,
        or None when nothing of the item was received (nothing to truncate)."""
        end_ms = min(max(0, int(audio_end_ms)), self.received_ms(item_id))
        if end_ms <= 0:
            return None
        self.send(events.item_truncate(item_id, end_ms))
        return end_ms

    @property
    def response_active(self) -> bool:
        return self._response_state is not None

    def received_ms(self, item_id: str) -> int:
        return pcm_ms(self.audio.received_bytes(item_id), self.wire_rate)

    def stop_output(self) -> None:
        """WebRTC: the server plays the reply; cut what it still has queued."""
        if self._media is not None and self.audio.server_playing:
            self.send(events.output_audio_clear())

    async def _send_loop(self) -> None:
        try:
            while (text := await self._outbox.get()) is not None:
                await self._transport.send(text)
        except TransportClosed:
            pass  # the receive loop reports the close

    async def _receive_loop(self) -> None:
        error: AssistantError | None = None
        try:
            async for raw in self._transport.receive():
                self.handle_raw(raw)
        except Exception:  # a bug of ours must not leave the app hanging on a dead socket
            log.exception("receive loop failed")
            error = errors.ConnectionFailed()
        if not self._closing:
            error = error or self._refused or closed_error(
                self.endpoint.display(), self._transport.close_code, self._transport.close_reason)
        self._finish(error)

    def handle_raw(self, raw: str | bytes) -> None:
        """Parse, normalise, track and dispatch one incoming message. Never raises."""
        self.last_event_at = time.monotonic()
        event = self._parse(raw)
        if event is None:
            return
        try:
            if self.endpoint.dialect == "beta":
                event = dialect.server_from_beta(event)
            self.audio.track(event)
            if (track := _TRACK.handler(event["type"])) is not None:
                track(self, event)
            else:
                log.debug("<- %s", event["type"])
        except Exception:         # a shape no real server sends: logged; the listeners still hear
            log.exception("could not take %s", event.get("type"))
        self._dispatch(event)

    def _parse(self, raw: str | bytes) -> Event | None:
        try:
            return events.parse(raw)
        except events.Refused as refused:
            self.malformed_events += 1          # said (and logged) up to a bound: a flood of
            if self.malformed_events <= MALFORMED_SAID:      # junk must not flood the window
                log.warning("ignored a server message (%d bytes): %s", len(raw), refused)
                self._dispatch(events.malformed_error(len(raw), str(refused)))
            return None

    def _dispatch(self, event: Event) -> None:
        self._waiters.received(event)
        notify(self.listeners, event)

    @_TRACK.on("session.updated")
    def _on_session_updated(self, event: Event) -> None:
        if not self.configured:
            self.configured = True
            self._mic.flush()

    @_TRACK.on("response.created")
    def _on_response_created(self, event: Event) -> None:
        self._response_state = "active"
        response = event.get("response")
        self.response_id = response.get("id") if isinstance(response, dict) else None

    @_TRACK.on("response.done")
    def _on_response_done(self, event: Event) -> None:
        self._response_state, self.response_id = None, None
        self.replies_finished += 1
        for step in ("update", "create"):
            if (later := self._later.pop(step, None)) is not None:
                later()

    @_TRACK.on("error")
    def _on_error(self, event: Event) -> None:
        error = event.get("error")
        if not isinstance(error, dict):
            return
        log.info("server error: %s %s", error.get("code"), error.get("message"))
        code = error.get("code")
        if code in REFUSING_CODES:
            self._refused = refusal(self.endpoint.display(), str(code),
                                    str(error.get("message") or ""))
        ours = error.get("event_id") and error.get("event_id") == self._requested_by
        if ours and self._response_state == "requested":
            self._response_state = None

    def _finish(self, error: AssistantError | None) -> None:
        if self.closed is None or self.closed.done():
            return
        self._outbox.put_nowait(None)
        self.closed.set_result(error)
        self._waiters.fail_all(error or errors.SessionClosed())
        notify(self.close_listeners, error)

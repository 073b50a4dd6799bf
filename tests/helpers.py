"""Test helpers: a wire recorder that checks the schema, speech samples, a session factory."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.config import FRAME_BYTES, WIRE_RATE
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.session import RealtimeSession
from assistant.realtime.session_config import SessionSettings, TurnDetection, build_session
from assistant.sim import voice
from tests import oracle

if TYPE_CHECKING:
    from assistant.app.controller import Controller
    from assistant.app.settings import Settings


@dataclass
class WireLog:
    """Every event the sim saw or sent, in its wire dialect."""
    events: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)

    def __call__(self, direction: str, event: dict[str, Any], dialect: str) -> None:
        self.events.append((direction, event, dialect))

    def types(self, direction: str) -> list[str]:
        return [e["type"] for d, e, _ in self.events if d == direction]

    def check(self, *, client: bool = True) -> int:
        """Validate every server event (and client event, unless told not to). Returns count."""
        count = 0
        for direction, event, dialect in self.events:
            if direction == "out" or client:
                oracle.validate(event, "server" if direction == "out" else "client", dialect)
                count += 1
        return count


def speech(text: str = "hello there, how are you", silence_ms: int = 900) -> bytes:
    """Real speech (espeak-ng, else tones) at 24 kHz followed by silence, as pcm16."""
    pcm = voice.synthesize(text)
    return pcm + bytes(WIRE_RATE * 2 * silence_ms // 1000)


def frames(pcm: bytes, size: int = FRAME_BYTES) -> list[bytes]:
    return [pcm[i:i + size] for i in range(0, len(pcm), size)]


def sine(freq: float, seconds: float, rate: int = WIRE_RATE, amp: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


# Client events our session emitted (in GA form, whatever the dialect) that the GA schema
# refused; the autouse fixture in conftest fails the test if any.
GA_VIOLATIONS: list[str] = []


def check_sent_as_ga(event: dict[str, Any]) -> None:
    try:
        oracle.validate(event, "client", "ga")
    except oracle.SchemaViolation as exc:
        GA_VIOLATIONS.append(str(exc))


async def open_session(url: str, *, dialect: str = "ga", mode: str = "server_vad",
                       key: str = "test-key", transport: str = "websocket",
                       ephemeral: bool = False, **settings: Any) -> RealtimeSession:
    """A connected, configured session against the sim at `url`; every event it sends is
    checked against the SDK's GA client types."""
    session = RealtimeSession(Endpoint(base_url=url, api_key=key, dialect=dialect,  # type: ignore[arg-type]
                                       transport=transport, ephemeral=ephemeral))  # type: ignore[arg-type]
    session.sent_listeners.append(check_sent_as_ga)
    await session.connect(timeout=10)
    cfg = SessionSettings(turn_detection=TurnDetection(mode=mode), **settings)  # type: ignore[arg-type]
    session.update_session(build_session(cfg))
    await session.wait_for("session.updated", 5)
    return session


async def until(condition: Callable[[], object], timeout: float = 10.0,
                message: str | Callable[[], str] = "") -> None:
    """Let the loop run until `condition()` holds (a test waits for a state, never for a time).
    `message` may be a function: what it tells of the state is read when the wait fails."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            told = message() if callable(message) else message
            raise AssertionError(f"timed out waiting for {told or condition}")
        await asyncio.sleep(0.01)


async def round_trip(session: RealtimeSession) -> None:
    """Wait until the server has handled everything this session sent so far: events are handled
    in order, so the answer to a probe sent now comes after all of them."""
    probe = "item_round_trip_probe"
    answered = session.wait_for(lambda e: e.get("type") == "error"
                                and e["error"].get("param") == "item_id", 5)
    session.send({"type": "conversation.item.retrieve", "item_id": probe})
    await answered


class UrlEndpoints:
    """An EndpointSource for one server URL (the sim, in this process or another)."""

    def __init__(self, url: str, key: str) -> None:
        self.url, self.key = url, key

    async def endpoint(self, settings: Settings, offline: bool) -> Endpoint:
        return dataclasses.replace(settings, base_url=self.url).endpoint(self.key)

    async def release(self) -> None:
        pass


async def ask(controller: Controller, text: str, timeout: float = 20.0) -> None:
    """A typed question; returns once it is answered and saved (or the answer was lost)."""
    done: list[str] = []
    controller.news.usage_changed.connect(done.append)
    controller.send_text(text)
    await until(lambda: bool(done) and not controller.record.in_flight, timeout, "an answer")
    controller.news.usage_changed.disconnect(done.append)

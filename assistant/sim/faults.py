"""Faults the embedded server makes on demand, so reconnecting and its tests have a peer that
misbehaves the ways networks, services and attackers do. Counts are per connection, except
refusals.

Hostile ones: `junk` names what a junk frame is (`garbage`, a `nested` event 10,000 levels deep,
an `oversized` one of 17 MiB: more than any real event); a flood sends each reply's audio at
`flood_speed` times real time for `flood_s` seconds (20 x 60 s: 20 minutes of audio);
`drop_after_events` accepts each connection and drops it once it has sent that many events (a
server that accepts and then drops, for ever).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

GARBAGE = "\x00not json{"
JunkKind = Literal["garbage", "nested", "oversized"]
JUNK_KINDS: tuple[JunkKind, ...] = ("garbage", "nested", "oversized")
NESTED_DEPTH = 10_000
OVERSIZED_BYTES = 17 * 1024 * 1024


def junk(kind: JunkKind) -> str:
    """A frame no real server sends."""
    if kind == "nested":
        return '{"type":"response.output_text.delta","delta":' + "[" * NESTED_DEPTH + \
            "]" * NESTED_DEPTH + "}"
    if kind == "oversized":
        return json.dumps({"type": "response.output_text.delta", "delta": "x" * OVERSIZED_BYTES})
    return GARBAGE


@dataclass
class Faults:
    drop_after_deltas: int | None = None     # abort the TCP connection (no close frame) after N
    stall_after_deltas: int | None = None    # send nothing more after N (the socket stays open)
    garbage_after_events: int | None = None  # one junk frame after N events
    refuse_connections: int = 0              # HTTP 503 to the first N connection attempts
    junk: JunkKind = "garbage"               # what that junk frame is
    drop_after_events: int | None = None     # abort each connection once it has sent N events
    flood_s: float | None = None             # each reply's audio is sent for this long ...
    flood_speed: float = 20.0                # ... this many times faster than real time
    fail_response: int | None = None         # the Nth response of a connection fails ...
    fail_times: int = 1                      # ... and the ones after it, this many in all ...
    fail_code: str = "server_error"          # ... with this error code
    fail_transcription: int | None = None    # the Nth user turn's transcription fails
    requests_left: int | None = None         # rate_limits.updated says this many are left

    def __post_init__(self) -> None:
        self.refused = 0

    def response_fails(self, number: int) -> str | None:
        """The error code the `number`th response (1-based) fails with, or None."""
        first = self.fail_response
        return self.fail_code if first is not None and first <= number < first + \
            self.fail_times else None

    def refuse_now(self) -> bool:
        """True for the first `refuse_connections` attempts on the server."""
        if self.refused >= self.refuse_connections:
            return False
        self.refused += 1
        return True


# The events the *_after_deltas faults count: the reply's audio.
COUNTED_DELTAS = frozenset({"response.output_audio.delta"})


class ConnectionFaults:
    """What one connection does with each event it is about to send."""

    def __init__(self, faults: Faults) -> None:
        self.faults = faults
        self.events = self.deltas = 0
        self.stalled = False

    def before_send(self, event_type: str) -> str:
        """"send", "skip" (stalled), "drop" (abort now), "garbage" (junk first), or
        "send-then-drop" (the last event before an accept-then-drop abort)."""
        if self.stalled:
            return "skip"
        self.events += 1
        if event_type in COUNTED_DELTAS:
            self.deltas += 1
            if self.deltas > (self.faults.drop_after_deltas or 1 << 62):
                return "drop"
            if self.deltas > (self.faults.stall_after_deltas or 1 << 62):
                self.stalled = True
                return "skip"
        if self.events == (self.faults.garbage_after_events or -1) + 1:
            return "garbage"
        if self.events == self.faults.drop_after_events:
            self.stalled = True
            return "send-then-drop"
        return "send"

"""Faults the embedded server makes on demand, so reconnecting and its tests have a peer that
misbehaves the ways networks and services do. Counts are per connection, except refusals."""

from __future__ import annotations

from dataclasses import dataclass

GARBAGE = "\x00not json{"


@dataclass
class Faults:
    drop_after_deltas: int | None = None     # abort the TCP connection (no close frame) after N
    stall_after_deltas: int | None = None    # send nothing more after N (the socket stays open)
    garbage_after_events: int | None = None  # one non-JSON text frame after N events
    refuse_connections: int = 0              # HTTP 503 to the first N connection attempts

    def __post_init__(self) -> None:
        self.refused = 0

    def refuse_now(self) -> bool:
        """True for the first `refuse_connections` attempts on the server."""
        if self.refused >= self.refuse_connections:
            return False
        self.refused += 1
        return True


class ConnectionFaults:
    """What one connection does with each event it is about to send."""

    def __init__(self, faults: Faults) -> None:
        self.faults = faults
        self.events = self.deltas = 0
        self.stalled = False

    def before_send(self, event_type: str) -> str:
        """"send", "skip" (stalled), "drop" (abort now), or "garbage" (send garbage first)."""
        if self.stalled:
            return "skip"
        self.events += 1
        if event_type == "response.output_audio.delta":
            self.deltas += 1
            if self.deltas > (self.faults.drop_after_deltas or 1 << 62):
                return "drop"
            if self.deltas > (self.faults.stall_after_deltas or 1 << 62):
                self.stalled = True
                return "skip"
        if self.events == (self.faults.garbage_after_events or -1) + 1:
            return "garbage"
        return "send"

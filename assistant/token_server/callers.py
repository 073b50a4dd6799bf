"""Who may ask the token server for a secret, and how often: an allow-list of networks, an
optional shared token, and a token bucket per caller (its address)."""

from __future__ import annotations

import hmac
import ipaddress
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(specs: list[str]) -> list[Network]:
    """`10.0.0.0/8`, `192.168.1.5`, `::1`... ValueError names a bad one."""
    found: list[Network] = []
    for spec in specs:
        try:
            found.append(ipaddress.ip_network(spec.strip(), strict=False))
        except ValueError:
            raise ValueError(f"not an address or network: {spec!r}") from None
    return found


@dataclass
class Gate:
    allowed: list[Network] = field(default_factory=list)   # empty: every address
    shared_token: str | None = None
    header: str = "Authorization"

    def address_allowed(self, address: str | None) -> bool:
        if not self.allowed:
            return True
        try:
            ip = ipaddress.ip_address(address or "")
        except ValueError:
            return False
        return any(ip in network for network in self.allowed)

    def token_ok(self, presented: str | None) -> bool:
        if self.shared_token is None:
            return True
        value = (presented or "").strip()
        if self.header.lower() == "authorization" and value.startswith("Bearer "):
            value = value[len("Bearer "):]
        return hmac.compare_digest(value.encode(), self.shared_token.encode())


class RateLimit:
    """At most `per_minute` secrets per caller, refilled smoothly; bursts up to the same."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity, self.clock = float(per_minute), clock
        self._buckets: dict[str, tuple[float, float]] = {}     # caller -> (tokens, when)

    def take(self, caller: str) -> float:
        """0 if the caller may go on; else the seconds until it may."""
        now = self.clock()
        tokens, then = self._buckets.get(caller, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - then) * self.capacity / 60.0)
        if tokens >= 1.0:
            self._buckets[caller] = (tokens - 1.0, now)
            return 0.0
        self._buckets[caller] = (tokens, now)
        return (1.0 - tokens) * 60.0 / self.capacity

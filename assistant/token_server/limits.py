"""How often a caller may ask: a token bucket per caller (its address), refilled smoothly, in this
process, or in Redis so that every worker and machine shares one count. A refused token counts
as much as a secret, so guessing tokens is as slow as asking for secrets."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

PRUNE_EVERY = 1024        # takes between sweeps of the full, forgotten buckets


class Limiter(Protocol):
    async def take(self, caller: str) -> float:
        """0 if the caller may go on; else the seconds until it may."""

    async def close(self) -> None: ...


class RateLimit:
    """At most `per_minute` per caller, bursts up to the same; in this process."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity, self.clock = float(per_minute), clock
        self._buckets: dict[str, tuple[float, float]] = {}     # caller -> (tokens, when)
        self._takes = 0

    async def take(self, caller: str) -> float:
        return self.take_now(caller)

    def take_now(self, caller: str) -> float:
        now = self.clock()
        self._takes += 1
        if self._takes % PRUNE_EVERY == 0:
            self._prune(now)
        tokens, then = self._buckets.get(caller, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - then) * self.capacity / 60.0)
        if tokens >= 1.0:
            self._buckets[caller] = (tokens - 1.0, now)
            return 0.0
        self._buckets[caller] = (tokens, now)
        return (1.0 - tokens) * 60.0 / self.capacity

    def _prune(self, now: float) -> None:
        """Forget callers whose bucket has filled up again: they are as if new."""
        full_after = 60.0
        for caller in [c for c, (_t, when) in self._buckets.items() if now - when > full_after]:
            del self._buckets[caller]

    def __len__(self) -> int:
        return len(self._buckets)

    async def close(self) -> None:
        return None


# The same bucket as RateLimit, kept in Redis and changed atomically by the server itself.
_BUCKET = """
local capacity = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'when')
local tokens = tonumber(state[1]) or capacity
local last = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - last) * capacity / 60)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) * 60 / capacity end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'when', tostring(now))
redis.call('EXPIRE', KEYS[1], 120)
return tostring(wait)
"""


class RedisRateLimit:
    """RateLimit's bucket in Redis (`redis://host:port/db`), shared by every worker; the
    server's clock, so machines whose clocks differ still agree."""

    def __init__(self, per_minute: int, url: str, prefix: str = "token-server:rate:") -> None:
        import redis.asyncio as redis  # only a server configured with Redis needs it

        self.capacity, self.prefix = per_minute, prefix
        self._redis: Any = redis.from_url(url)
        self._script = self._redis.register_script(_BUCKET)

    async def take(self, caller: str) -> float:
        seconds, micros = await self._redis.time()
        now = seconds + micros / 1e6
        wait = await self._script(keys=[self.prefix + caller], args=[self.capacity, now])
        return float(wait)

    async def close(self) -> None:
        await self._redis.aclose()

"""The session's audio bookkeeping: microphone audio held until the session is configured, and
how much of each assistant item was received (truncation may never go past it)."""

from __future__ import annotations

from collections import OrderedDict


class HeldAudio:
    """Audio sent before `session.updated`: bounded, the oldest dropped first."""

    def __init__(self, max_bytes: int) -> None:
        self._chunks: list[bytes] = []
        self._bytes = 0
        self._max = max_bytes

    def hold(self, data: bytes) -> None:
        self._chunks.append(data)
        self._bytes += len(data)
        while self._bytes > self._max:
            self._bytes -= len(self._chunks.pop(0))

    def take(self) -> bytes:
        held = b"".join(self._chunks)
        self.clear()
        return held

    def clear(self) -> None:
        self._chunks, self._bytes = [], 0


class ReceivedAudio:
    """Bytes of assistant audio received per item, for the newest `max_items` items."""

    def __init__(self, max_items: int = 64) -> None:
        self._bytes: OrderedDict[str, int] = OrderedDict()
        self._max = max_items

    def add(self, item_id: str, n_bytes: int) -> None:
        self._bytes[item_id] = self._bytes.get(item_id, 0) + n_bytes
        self._bytes.move_to_end(item_id)
        while len(self._bytes) > self._max:
            self._bytes.popitem(last=False)

    def bytes_of(self, item_id: str) -> int:
        return self._bytes.get(item_id, 0)

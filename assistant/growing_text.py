"""Text that grows by streamed deltas: linear time, and bounded.

`a.text += delta` copies the whole text for every delta, so a reply streamed in n deltas costs
O(n²); a server sending a million one-letter deltas would stall the loop. Parts are kept and
joined only when read. Past `limit` characters further deltas are dropped and the text ends in
`CUT_MARK` (no real reply or transcript comes near: a model's output-token limit caps a reply at
a few tens of thousands of characters).
"""

from __future__ import annotations

MAX_TEXT_CHARS = 1_000_000
CUT_MARK = " […]"


class GrowingText:
    def __init__(self, text: str = "", limit: int = MAX_TEXT_CHARS) -> None:
        self.limit = limit
        self._parts: list[str] = []
        self._length = 0
        self.cut = False
        self.replace(text)

    def add(self, delta: str) -> str:
        """Append `delta`; returns what was appended (less, or the cut mark, at the bound)."""
        if self.cut or not delta:
            return ""
        room = self.limit - self._length
        if len(delta) > room:
            delta, self.cut = delta[:room] + CUT_MARK, True
        self._parts.append(delta)
        self._length += len(delta)
        return delta

    def replace(self, text: str) -> None:
        """The whole text anew (a final transcript), within the bound too."""
        self._parts, self._length, self.cut = [], 0, False
        self.add(text)

    @property
    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def __len__(self) -> int:
        return self._length

    def __str__(self) -> str:
        return self.text

"""Token usage per turn and per session, from `response.done.response.usage`.

Cached and audio counts are parts of the totals, never added to them (that double-counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class UsageMeter:
    turns: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cached_tokens: int = 0

    def add(self, usage: dict[str, Any]) -> str:
        """Count one response; returns the line the window shows."""
        turn_in = _int(usage.get("input_tokens"))
        turn_out = _int(usage.get("output_tokens"))
        details = usage.get("input_token_details")
        turn_cached = _int(details.get("cached_tokens")) if isinstance(details, dict) else 0
        self.turns += 1
        self.input_tokens += turn_in
        self.output_tokens += turn_out
        self.cached_tokens += turn_cached
        return (f"Last turn {turn_in:,} in ({turn_cached:,} cached) / {turn_out:,} out  ·  "
                f"session {self.input_tokens:,} in / {self.output_tokens:,} out "
                f"over {self.turns} turn{'' if self.turns == 1 else 's'}")


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0

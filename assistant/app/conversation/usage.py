"""Token usage per turn and per conversation, from `response.done.response.usage`, and its cost.

Cached and audio counts are parts of the totals, never added to them (that double-counts). When an
endpoint gives no text/audio split, the tokens are counted as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from assistant.app.conversation.prices import DEFAULT_PRICES, Price, cost, parse_prices, price_for
from assistant.app.local_format import counted, money, number
from assistant.store.records import ConversationSummary, TurnUsage


def model_price(model: str, prices_json: str) -> Price | None:
    """The model's price from the user's table (the settings dialog refuses a bad one; a file
    edited by hand falls back to the defaults)."""
    try:
        prices = parse_prices(prices_json)
    except ValueError:
        prices = DEFAULT_PRICES
    return price_for(model, prices)


def parse_usage(usage: dict[str, Any]) -> TurnUsage:
    """A response's usage, each part clamped to what contains it (a malformed count is 0)."""
    total_in, total_out = _int(usage.get("input_tokens")), _int(usage.get("output_tokens"))
    details_in = _dict(usage.get("input_token_details"))
    details_out = _dict(usage.get("output_token_details"))
    cached = min(_int(details_in.get("cached_tokens")), total_in)
    audio_in = min(_int(details_in.get("audio_tokens")), total_in)
    cached_details = _dict(details_in.get("cached_tokens_details"))
    cached_audio = min(_int(cached_details.get("audio_tokens")), cached, audio_in)
    audio_out = min(_int(details_out.get("audio_tokens")), total_out)
    return TurnUsage(input_tokens=total_in, output_tokens=total_out, cached_tokens=cached,
                     input_text=total_in - audio_in, input_audio=audio_in,
                     cached_text=min(cached - cached_audio, total_in - audio_in),
                     cached_audio=cached_audio,
                     output_text=total_out - audio_out, output_audio=audio_out)


@dataclass
class UsageMeter:
    """The running total of one conversation (it carries over reconnections)."""
    turns: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cached_tokens: int = 0
    cost: float | None = None

    @classmethod
    def of(cls, summary: ConversationSummary | None) -> UsageMeter:
        """The totals so far of a saved conversation being continued."""
        if summary is None:
            return cls()
        return cls(summary.turns, summary.input_tokens, summary.output_tokens, 0, summary.cost)

    def add(self, turn: TurnUsage, price: Price | None) -> str:
        """Count one response (pricing it into `turn.cost`); returns the status line."""
        turn.cost = cost(turn, price) if price is not None else None
        self.turns += 1
        self.input_tokens += turn.input_tokens
        self.output_tokens += turn.output_tokens
        self.cached_tokens += turn.cached_tokens
        if turn.cost is not None:
            self.cost = (self.cost or 0.0) + turn.cost
        last = QCoreApplication.translate(
            "Usage", "Last turn {input} in ({cached} cached) / {output} out, {cost}").format(
                input=number(turn.input_tokens), cached=number(turn.cached_tokens),
                output=number(turn.output_tokens), cost=money(turn.cost))
        total = counted.conversation_usage(self.turns).format(
            input=number(self.input_tokens), output=number(self.output_tokens),
            cost=money(self.cost))
        return f"{last}  ·  {total}"


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}

"""What tokens cost, per model, in US dollars per million tokens; the user can edit the table.

Defaults are OpenAI's published Realtime prices (August 2025). A model is priced by its own entry,
or a dated snapshot by its family's ("gpt-realtime-2025-08-28" as "gpt-realtime"); a model with
no entry (gpt-realtime-2 and the other new ones, whose prices this table does not know yet) has
no cost shown, never a guessed one: the user can add it in Settings.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass

from assistant.app.local_format import invalid
from assistant.store.records import TurnUsage
from assistant.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Price:
    text_in: float
    cached_text_in: float
    audio_in: float
    cached_audio_in: float
    text_out: float
    audio_out: float


DEFAULT_PRICES: dict[str, Price] = {
    "gpt-realtime": Price(4.00, 0.40, 32.00, 0.40, 16.00, 64.00),
    "gpt-realtime-mini": Price(0.60, 0.06, 10.00, 0.30, 2.40, 20.00),
    "gpt-4o-realtime-preview": Price(5.00, 2.50, 40.00, 2.50, 20.00, 80.00),
    "gpt-4o-mini-realtime-preview": Price(0.60, 0.30, 10.00, 0.30, 2.40, 20.00),
}
_FIELDS = [f.name for f in dataclasses.fields(Price)]


def prices_text(prices: dict[str, Price]) -> str:
    """The table as the JSON the settings dialog edits."""
    return json.dumps({model: dataclasses.asdict(price) for model, price in prices.items()},
                      indent=2)


def parse_prices(text: str) -> dict[str, Price]:
    """The user's table; empty text means the defaults. Raises ValueError with a sentence."""
    if not text.strip():
        return dict(DEFAULT_PRICES)
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise invalid(QT_TRANSLATE_NOOP(
            "Settings", "The price table is not valid JSON: {why}."), why=exc) from None
    if not isinstance(raw, dict):
        raise invalid(QT_TRANSLATE_NOOP(
            "Settings", "The price table must map model names to prices."))
    table: dict[str, Price] = {}
    for model, entry in raw.items():
        if not isinstance(entry, dict) or set(entry) != set(_FIELDS):
            raise invalid(QT_TRANSLATE_NOOP(
                "Settings", "The price of '{model}' needs exactly: {fields}."), model=model,
                fields=", ".join(_FIELDS))
        values = [entry[name] for name in _FIELDS]
        if not all(isinstance(v, int | float) and not isinstance(v, bool) and v >= 0
                   for v in values):
            raise invalid(QT_TRANSLATE_NOOP(
                "Settings", "The prices of '{model}' must be numbers of 0 or more."), model=model)
        table[model] = Price(*(float(v) for v in values))
    return table


def price_for(model: str, prices: dict[str, Price]) -> Price | None:
    """The model's own price, or its family's for a dated snapshot ("<name>-2025-08-28"): a
    newer model of a similar name ("gpt-realtime-2") is another model, with no guessed price."""
    if model in prices:
        return prices[model]
    snapshot = re.fullmatch(r"(.+)-\d{4}-\d{2}-\d{2}", model)
    return prices.get(snapshot.group(1)) if snapshot else None


def cost(turn: TurnUsage, price: Price) -> float:
    """USD for one response. Cached tokens are part of the input counts: billed at the cached
    rate instead of, not on top of, the full rate."""
    per_token = 1e-6
    return per_token * (
        (turn.input_text - turn.cached_text) * price.text_in
        + turn.cached_text * price.cached_text_in
        + (turn.input_audio - turn.cached_audio) * price.audio_in
        + turn.cached_audio * price.cached_audio_in
        + turn.output_text * price.text_out
        + turn.output_audio * price.audio_out)

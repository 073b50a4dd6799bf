"""Token counting from response.done usage, its cost, and the line the window shows."""

import pytest

from assistant.app.conversation.prices import (
    DEFAULT_PRICES,
    Price,
    cost,
    parse_prices,
    price_for,
    prices_text,
)
from assistant.app.conversation.usage import UsageMeter, model_price, parse_usage

SIM_USAGE = {  # the shape OpenAI sends (and the embedded server copies)
    "total_tokens": 1390, "input_tokens": 1200, "output_tokens": 190,
    "input_token_details": {"text_tokens": 200, "audio_tokens": 1000, "cached_tokens": 640,
                            "cached_tokens_details": {"text_tokens": 128, "audio_tokens": 512}},
    "output_token_details": {"text_tokens": 40, "audio_tokens": 150},
}


def test_parts_are_split_without_double_counting():
    turn = parse_usage(SIM_USAGE)
    assert (turn.input_text, turn.input_audio) == (200, 1000)
    assert turn.input_text + turn.input_audio == turn.input_tokens
    assert (turn.cached_text, turn.cached_audio) == (128, 512)
    assert (turn.output_text, turn.output_audio) == (40, 150)


def test_cost_bills_cached_tokens_instead_of_on_top():
    turn = parse_usage(SIM_USAGE)
    price = DEFAULT_PRICES["gpt-realtime"]
    expected = (72 * 4.00 + 128 * 0.40 + 488 * 32.00 + 512 * 0.40 + 40 * 16.00
                + 150 * 64.00) / 1e6
    assert cost(turn, price) == pytest.approx(expected)


def test_turns_add_up_and_the_line_reads_well():
    meter = UsageMeter()
    first = meter.add(parse_usage({"input_tokens": 1200, "output_tokens": 90,
                                   "input_token_details": {"cached_tokens": 1000}}),
                      Price(1, 0, 0, 0, 0, 0))
    assert first == ("Last turn 1,200 in (1,000 cached) / 90 out, $0.0002  ·  conversation "
                     "1,200 in / 90 out over 1 turn, $0.0002")
    second = meter.add(parse_usage({"input_tokens": 30, "output_tokens": 10}), None)
    assert second.endswith("conversation 1,230 in / 100 out over 2 turns, $0.0002")
    assert "cost unknown" in second


def test_malformed_usage_counts_the_turn_but_no_tokens():
    meter = UsageMeter()
    line = meter.add(parse_usage({"input_tokens": "many", "output_tokens": -5,
                                  "input_token_details": [1]}), None)
    assert line.startswith("Last turn 0 in (0 cached) / 0 out")
    assert (meter.input_tokens, meter.output_tokens, meter.turns) == (0, 0, 1)


def test_parts_larger_than_their_total_are_clamped():
    turn = parse_usage({"input_tokens": 10, "input_token_details": {
        "audio_tokens": 50, "cached_tokens": 99, "cached_tokens_details": {"audio_tokens": 70}}})
    assert (turn.input_audio, turn.input_text, turn.cached_tokens, turn.cached_audio) == \
        (10, 0, 10, 10)


def test_the_price_table_round_trips_and_matches_dated_models():
    table = parse_prices(prices_text(DEFAULT_PRICES))
    assert table == DEFAULT_PRICES
    assert price_for("gpt-realtime-2025-08-28", table) == DEFAULT_PRICES["gpt-realtime"]
    assert price_for("gpt-realtime-mini-2025-10-06", table) == DEFAULT_PRICES["gpt-realtime-mini"]
    assert price_for("some-other-model", table) is None
    assert parse_prices("") == DEFAULT_PRICES


@pytest.mark.parametrize(("text", "says"), [
    ("{", "not valid JSON"), ("[]", "must map"),
    ('{"m": {"text_in": 1}}', "needs exactly"),
    ('{"m": {"text_in": -1, "cached_text_in": 0, "audio_in": 0, "cached_audio_in": 0, '
     '"text_out": 0, "audio_out": 0}}', "numbers of 0 or more"),
])
def test_a_bad_price_table_is_refused_with_a_sentence(text, says):
    with pytest.raises(ValueError, match=says):
        parse_prices(text)
    assert model_price("gpt-realtime", text) == DEFAULT_PRICES["gpt-realtime"]

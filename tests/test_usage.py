"""Token counting from response.done usage, and the line the window shows."""

from assistant.app.usage import UsageMeter


def test_turns_add_up_and_the_line_reads_well():
    meter = UsageMeter()
    first = meter.add({"input_tokens": 1200, "output_tokens": 90,
                       "input_token_details": {"cached_tokens": 1000}})
    assert first == ("Last turn 1,200 in (1,000 cached) / 90 out  ·  "
                     "session 1,200 in / 90 out over 1 turn")
    second = meter.add({"input_tokens": 30, "output_tokens": 10})
    assert second.endswith("session 1,230 in / 100 out over 2 turns")


def test_malformed_usage_counts_the_turn_but_no_tokens():
    meter = UsageMeter()
    line = meter.add({"input_tokens": "many", "output_tokens": -5, "input_token_details": [1]})
    assert line.startswith("Last turn 0 in (0 cached) / 0 out")
    assert (meter.input_tokens, meter.output_tokens, meter.turns) == (0, 0, 1)

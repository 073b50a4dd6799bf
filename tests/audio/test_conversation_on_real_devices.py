"""The whole app in a spoken conversation (its real command line, a private PulseAudio, the
embedded server in this process), talked over with voice detection on, with the speaker leaking
into the mic as laptop speakers do: the reply plays whole with no self-interruption, the user's
barge-in stops it, and the truncation sent matches what the speaker played.

The scenario and its reading are bench/conversation_bench.py's; here they are asserted."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.audio.stream_thread import BLOCK_MS
from bench.conversation_bench import brief, one_run
from tests.pulse import missing_tools

pytestmark = [pytest.mark.realdevice,
              pytest.mark.skipif(bool(missing_tools()),
                                 reason=f"needs {', '.join(missing_tools())}")]
APP = [str(Path(sys.executable).parent / "voice-assistant")]     # as installed by dev.sh
# What the speaker's device holds at once: PortAudio's ALSA buffer, three periods of a block.
DEVICE_BUFFER_MS = 3 * BLOCK_MS["output"]


@pytest.mark.parametrize("echo_db", [None, -18.0, -6.0, 0.0],
                         ids=["headphones", "-18dB", "-6dB", "0dB"])
async def test_talking_over_it_stops_it_where_it_was_heard(echo_db):
    result = await one_run(APP, echo_db)
    # The echo never cut a reply off. (About once in 80 runs at -6 dB it did, until the echo
    # guard wanted the user over the echo's peaks, not its bulk: tests/audio/test_echo_guard.py
    # replays the levels that let it through. `events` times the server's speech starts and
    # the cuts, should it come back.)
    assert result["self-int"] == 0, brief(result)
    # Where no echo comes back the canceller rests (assistant/audio/echo_rest.py); never where
    # one does, however faint.
    assert result["rests"] >= 1 if echo_db is None else result["rests"] == 0, brief(result)
    # The barge-in stopped it: untouched, the 9 s reply plays on 6 s past the user's first word.
    # How soon is the bench's to judge: mostly 0-350 ms, but about 1 run in 15 at -6 dB reads
    # 1.2 s (2.0 s beside a CPU hog): the server hears the user 1-1.5 s after their first word,
    # those frames held back as echo; the cut still matched the speaker.
    assert result["silent"] < 2500, brief(result)
    # As loud as played, the echo hides the user's first words from both guards: only the
    # double-talk detector hears them (140-150 ms in the budget's room; before it, 1.8 s, when
    # the reply paused between sentences).
    if echo_db == 0.0:
        assert result["silent"] < 1000, brief(result)
    # audio_end_ms is what the speaker played: every sample handed to the device counts as
    # heard. The goal, within 30 ms, is the budget's to judge (its median of three runs); one
    # run is held to what the device holds at once. CI once read +34 ms (the app counted 34 ms
    # the recording did not play); here at most 15 ms in 8 runs beside three CPU hogs, where a
    # straight recording of the speaker agreed with this one to the sample, and at most 7 ms
    # with the playback thread held up 80 ms twice a second. Not explained yet.
    assert abs(result["truncate"]) <= DEVICE_BUFFER_MS, brief(result)

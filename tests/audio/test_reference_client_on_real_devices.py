"""The budget's yardstick, bench/reference_client.py (the issue's 110-line client), holds a
conversation in the app's place: the same scenario on a private PulseAudio against the embedded
server, its barge-in truncating what it played. Without this it could rot unseen, and the
budget's control line would read a failure as the machine's hour."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from bench.conversation_bench import brief, one_run
from tests.pulse import missing_tools

pytestmark = [pytest.mark.realdevice,
              pytest.mark.skipif(bool(missing_tools()),
                                 reason=f"needs {', '.join(missing_tools())}")]
ROOT = Path(__file__).resolve().parents[2]
REFERENCE = [sys.executable, str(ROOT / "bench" / "reference_client.py")]


async def test_the_reference_client_converses_and_is_talked_over():
    result = await one_run(REFERENCE, None, key_in="environment")     # a bare client: no keyring
    assert result["self-int"] == 0, brief(result)
    assert 0 < result["reply"] < 2000, brief(result)          # the question was answered aloud
    assert result["silent"] < 2500, brief(result)             # the server's barge-in stopped it
    assert not math.isnan(result["truncate"]), brief(result)  # and it truncated what played
    assert abs(result["truncate"]) <= 100, brief(result)
    assert 0 < result["rss"] < 80, brief(result)              # no Qt, no app: a bare client

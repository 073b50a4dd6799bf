"""The whole app, spoken to on a private PulseAudio, loses its connection mid-reply: it
reconnects within 5 s, gives the new session the conversation, and answers the next spoken
question out loud. Then every file the run left behind is searched for the API key."""

from __future__ import annotations

import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from tests.live_app import LiveApp
from tests.pulse import PrivatePulse, espeak_wav, missing_tools
from tests.recording import first, locate, loud
from tests.secrets_scan import leaks

pytestmark = [pytest.mark.realdevice,
              pytest.mark.skipif(bool(missing_tools()),
                                 reason=f"needs {', '.join(missing_tools())}")]
APP = [str(Path(sys.executable).parent / "voice-assistant")]     # as installed by dev.sh
KEY = "sk-proj-KnownKey4TheLeakCheck-7f3a9c2e5b1d8046"


async def test_a_drop_mid_reply_reconnects_replays_and_answers_out_loud():
    folder = Path(tempfile.mkdtemp(prefix="reconnect-live-"))
    first_q = espeak_wav("hello assistant, tell me a long story please", folder / "q1.wav")
    second_q = espeak_wav("are you still there", folder / "q2.wav")
    pulse = PrivatePulse(stereo_record=True)
    async with LiveApp(APP, pulse=pulse, env={"OPENAI_API_KEY": KEY}) as live:
        live.server.api_key = KEY
        await live.start_app()
        live.record_both(folder / "both.wav")
        await live.say(first_q)
        await live.until(lambda: len(live.sent("response.output_audio.delta")) >= 20, 20,
                         "the reply under way")
        [conn] = live.server.connections
        live.server.faults.drop_after_deltas = conn.faults.deltas       # the next delta drops
        await live.until(lambda: len(live.server.connections) == 1
                         and live.server.connections[0] is not conn
                         and len(live.sent("session.updated")) >= 2, 10, "a new session")
        dropped_at = live.events("out", "response.output_audio.delta")[-1][0]
        back_at = live.events("out", "session.updated")[-1][0]
        assert back_at - dropped_at <= 5.0
        live.server.faults.drop_after_deltas = None
        fresh = live.server.connections[0]

        def replayed() -> list[dict[str, object]]:
            return [e["item"] for e in fresh.received if e["type"] == "conversation.item.create"]

        # session.updated answers the session.update; the replayed items follow it
        await live.until(replayed, 5, "the conversation replayed")
        assert [i["role"] for i in replayed()] == ["user"]        # the question; not the
        assert "speech" in replayed()[0]["content"][0]["text"]   # half-said reply

        answered = len([e for e in live.sent("response.done")
                        if e["response"]["status"] == "completed"])
        await live.say(second_q)
        await live.until(lambda: len([e for e in live.sent("response.done")
                                      if e["response"]["status"] == "completed"]) > answered,
                         20, "the answer to the next question")
        await live.until(lambda: time.monotonic() > live.sent_at("response.done") + 1.5, 10,
                         "the answer played")
        live.stop_recording()
        assert await live.stop_app() == 0
        home = live.home
        with wave.open(str(folder / "both.wav")) as reader:
            both = np.frombuffer(reader.readframes(reader.getnframes()), np.int16).reshape(-1, 2)
        q2_start, q2_len = locate(second_q, both[:, 0])
        reply = first(loud(both[:, 1]), q2_start + q2_len)
        assert reply is not None and (reply - q2_start - q2_len) * 10 < 3000   # heard, in 3 s
        assert leaks(KEY, home) == []            # logs, settings, history: the key is nowhere
        assert (home / "data" / "voice-assistant" / "history.db").exists()

"""A spoken question whose answer needs the time tool, asked of the whole app on a private
PulseAudio: the app runs the tool, gives the model the time, and the answer is heard out loud
on the speaker (the recording is the judge), carrying the current year.

The embedded server cannot understand words, so it is told which tool a spoken question needs
(`SimServer.spoken_tool`): it plays the model's part; the app's part is all real."""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from tests import oracle
from tests.live_app import LiveApp
from tests.pulse import PrivatePulse, espeak_wav, missing_tools
from tests.recording import locate, loud

pytestmark = [pytest.mark.realdevice,
              pytest.mark.skipif(bool(missing_tools()),
                                 reason=f"needs {', '.join(missing_tools())}")]
APP = [str(Path(sys.executable).parent / "voice-assistant")]     # as installed by dev.sh


@pytest.mark.parametrize("transport", ["websocket", "webrtc"])
async def test_what_time_is_it_is_answered_out_loud_with_the_time(transport):
    """Over WebRTC the question goes up and the answer comes down as Opus on tracks; the data
    channel carries the same events (checked against the SDK's models by the wire log)."""
    folder = Path(tempfile.mkdtemp(prefix="tool-live-"))
    question = espeak_wav("what time is it right now", folder / "q.wav")
    stats = folder / "stats.json"
    async with LiveApp(APP, pulse=PrivatePulse(stereo_record=True),
                       extra_args=("--transport", transport),
                       env={"VOICE_ASSISTANT_STATS": str(stats)}) as live:
        live.server.spoken_tool = "get_current_time"
        await live.start_app()
        live.record_both(folder / "both.wav")
        await live.say(question)
        await live.until(lambda: [e for e in live.sent("response.done")
                                  if any(o["type"] == "message" for o in e["response"]["output"])],
                         30, "the spoken answer")
        await live.until(lambda: time.monotonic() > live.sent_at("response.done") + 1.5, 10,
                         "the answer played")
        live.stop_recording()
        assert await live.stop_app() == 0
    for direction, event in [(d, e) for _, d, e in live.wire]:     # the channel's too
        oracle.validate(event, "server" if direction == "out" else "client")
    [call] = [i for e in live.sent("conversation.item.done")
              if (i := e["item"])["type"] == "function_call"]
    [output] = [e["item"] for e in live.received("conversation.item.create")
                if e["item"]["type"] == "function_call_output"]
    year = str(dt.datetime.now().year)
    assert output["call_id"] == call["call_id"]
    assert json.loads(output["output"])["datetime"].startswith(year)
    assert len(live.received("response.create")) == 1       # after the tool (VAD made the first)
    # What a WebSocket conversation never loads (README, Performance: what each import costs);
    # a tool's arguments check loads jsonschema in either
    loaded = set(json.loads(stats.read_text())["loaded"])
    webrtc = {"aiohttp", "aiortc", "av"}
    assert loaded - webrtc == {"jsonschema", "pywebrtc_audio"}
    assert loaded & webrtc == (webrtc if transport == "webrtc" else set())
    [said] = [e["transcript"] for e in live.sent("response.output_audio_transcript.done")]
    assert year in said
    with wave.open(str(folder / "both.wav")) as reader:
        both = np.frombuffer(reader.readframes(reader.getnframes()), np.int16).reshape(-1, 2)
    q_start, q_len = locate(question, both[:, 0])
    heard = loud(both[q_start + q_len:, 1]).sum()
    sent = loud(live.reply_audio(), 240).sum()                                # 24 kHz
    assert sent > 300 and 0.8 < heard / sent < 1.2, (heard, sent)   # 10 ms windows: all of it


async def test_a_spoken_question_is_answered_by_the_users_own_mcp_server_and_no_child_survives():
    """The server named in the user's mcp.json runs as a child of the app over stdio; a spoken
    question calls its (auto-approved) tool, its text comes back spoken, and on SIGTERM the
    child ends with the app."""
    from tests.local_mcp.rig import SERVER, children_of, running_pid

    folder = Path(tempfile.mkdtemp(prefix="mcp-live-"))
    question = espeak_wav("is milk on my shopping list", folder / "q.wav")
    config = folder / "mcp.json"                 # where the settings folder's would be read
    async with LiveApp(APP, pulse=PrivatePulse(stereo_record=True),
                       env={"VOICE_ASSISTANT_MCP_CONFIG": str(config)}) as live:
        config.write_text(json.dumps({"mcpServers": {"notes": {
            "command": sys.executable, "args": [SERVER, "stdio"], "autoApprove": ["lookup"]}}}))
        live.server.spoken_tool = 'notes__lookup={"word": "milk"}'
        await live.start_app()
        await live.until(lambda: any(t.get("name") == "notes__lookup"
                                     for e in live.received("session.update")
                                     for t in e["session"].get("tools", [])), 30, "declared")
        children = children_of(live.process.pid)
        assert children
        await live.say(question)
        await live.until(lambda: [e for e in live.sent("response.done")
                                  if any(o["type"] == "message" for o in e["response"]["output"])],
                         30, "the spoken answer")
        assert await live.stop_app() == 0
    [output] = [e["item"] for e in live.received("conversation.item.create")
                if e["item"]["type"] == "function_call_output"]
    assert output["output"] == "The notes say milk is on the shopping list."
    [said] = [e["transcript"] for e in live.sent("response.output_audio_transcript.done")]
    assert "milk is on the shopping list" in said
    assert [pid for pid in children if running_pid(pid)] == []

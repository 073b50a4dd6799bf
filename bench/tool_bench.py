"""A spoken question that needs a tool, asked of the whole app, measured as a user lives it.

The app runs from its real command line (offscreen) on a private PulseAudio, against the
embedded server in this process at real-time speed with server VAD; the server takes each
spoken question as one needing `get_current_time` (it cannot understand words), or with `--mcp`
the `lookup` tool of a user's own MCP server (tests/local_mcp/server.py, a child of the app over
stdio, named in mcp.json and auto-approved). Per question:

  tool        the server sent the call's arguments -> it received the function_call_output (ms)
  follow      the output received -> the app's response.create (ms)
  heard       the user stopped talking -> the spoken answer is audible on the speaker (ms)

    .venv/bin/python bench/tool_bench.py [--questions 5] [--mcp] [--command ...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.live_app import LiveApp  # noqa: E402
from tests.pulse import PrivatePulse, espeak_wav  # noqa: E402
from tests.recording import first, locate, loud  # noqa: E402


def at(live: LiveApp, direction: str, kind: str, index: int) -> float:
    return live.events(direction, kind)[index][0]


async def ask(live: LiveApp, question: Path, index: int) -> dict[str, float]:
    await live.say(question)
    await live.until(lambda: len([e for e in live.sent("response.done")
                                  if any(o["type"] == "message" for o in e["response"]["output"])])
                     > index, 30, "the spoken answer")
    await live.until(lambda: time.monotonic() > live.sent_at("response.done") + 1.0, 30,
                     "the answer played")
    sent_call = at(live, "out", "response.function_call_arguments.done", index)
    outputs = [(t, e) for t, e in live.events("in", "conversation.item.create")
               if e["item"]["type"] == "function_call_output"]
    got_output = outputs[index][0]
    create = next(t for t, _ in live.events("in", "response.create") if t >= got_output)
    return {"tool": (got_output - sent_call) * 1000, "follow": (create - got_output) * 1000}


def with_mcp_server(live: LiveApp) -> str:
    """mcp.json naming the tests' server, in the app's settings folder; the tool's wire name."""
    folder = live.home / "config" / "voice-assistant"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mcp.json").write_text(json.dumps({"mcpServers": {"notes": {
        "command": sys.executable, "args": [str(ROOT / "tests/local_mcp/server.py"), "stdio"],
        "autoApprove": ["lookup"]}}}))
    return "notes__lookup"


def declared(live: LiveApp, name: str) -> bool:
    return any(t.get("name") == name for e in live.received("session.update")
               for t in e["session"].get("tools", []))


async def run(command: list[str], questions: int, mcp: bool) -> list[dict[str, float]]:
    folder = Path(tempfile.mkdtemp(prefix="tool-bench-"))
    question = espeak_wav("is milk on my shopping list" if mcp else "what time is it right now",
                          folder / "q.wav")
    rows = []
    async with LiveApp(command, pulse=PrivatePulse(stereo_record=True)) as live:
        tool = with_mcp_server(live) if mcp else "get_current_time"
        live.server.spoken_tool = tool + ('={"word": "milk"}' if mcp else "")
        await live.start_app()
        await live.until(lambda: declared(live, tool), 30, f"{tool} declared")
        for index in range(questions):
            live.record_both(folder / "both.wav")
            row = await ask(live, question, index)
            live.stop_recording()
            with wave.open(str(folder / "both.wav")) as reader:
                both = np.frombuffer(reader.readframes(reader.getnframes()),
                                     np.int16).reshape(-1, 2)
            q_start, q_len = locate(question, both[:, 0])
            answer = first(loud(both[:, 1]), q_start + q_len)
            row["heard"] = float("nan") if answer is None else (answer - q_start - q_len) * 10.0
            rows.append(row)
            print(f"question {index + 1}  " + "  ".join(f"{k} {v:7.1f}" for k, v in row.items()),
                  flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--mcp", action="store_true",
                        help="the tool of a user's own MCP server over stdio")
    parser.add_argument("--command", nargs="+", default=[str(Path(sys.executable).parent /
                                                             "voice-assistant")])
    args = parser.parse_args()
    rows = asyncio.run(run(args.command, args.questions, args.mcp))
    print("median      " + "  ".join(f"{k} {statistics.median(r[k] for r in rows):7.1f}"
                                      for k in rows[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

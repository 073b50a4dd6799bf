"""How long a dropped connection takes to come back, over 100 drops.

The embedded server runs as a separate process and aborts every connection a few audio deltas
into each reply (`--drop-after-deltas`), so each typed question costs one drop. Measured in the
controller: from the moment the drop is noticed to the new session configured (session.updated)
with the conversation replayed and the microphone joined. The first try is immediate (backoff
starts at the second), so this is the floor a user on a good network sees; the network's own
round trips come on top.

With `--live N` it is the whole installed app instead, started by its command line on a private
PulseAudio (null sinks) against the embedded server in this process at real-time speed: a spoken
question, the socket aborted 20 deltas into the reply, N times; measured on the wire, from the
last audio delta sent before the drop to the new session's session.updated.

    .venv/bin/python bench/reconnect_bench.py [--drops 100] [--live 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.controller_rig import rig, run  # noqa: E402
from tests.helpers import until  # noqa: E402


async def measure(drops: int) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="reconnect-bench-"))
    took: list[float] = []
    async with rig(folder / "history.db", "--speed", "20", "--drop-after-deltas", "2") as c:
        lost_at: list[float] = []
        configured_at: list[float] = []
        c.news.notice.connect(lambda text: lost_at.append(time.perf_counter())
                         if "was lost" in text else None)
        host = c.keeper.owner
        handle = host.on_event

        def stamp(event: dict[str, object]) -> None:   # the keeper reads on_event per session
            if event["type"] == "session.updated":
                configured_at.append(time.perf_counter())
            handle(event)

        host.on_event = stamp  # type: ignore[method-assign]
        for number in range(drops):
            c.send_text(f"question {number}")
            await until(lambda n=number: c.keeper.reconnects == n + 1 and c.session is not None
                        and c.session.configured, 10, f"recovery {number + 1}")
            took.append((configured_at[-1] - lost_at[-1]) * 1000)
    return took


async def measure_live(drops: int) -> list[float]:
    from tests.live_app import LiveApp
    from tests.pulse import espeak_wav

    folder = Path(tempfile.mkdtemp(prefix="reconnect-live-"))
    question = espeak_wav("tell me a long story please", folder / "question.wav")
    took: list[float] = []
    command = [str(Path(sys.executable).parent / "voice-assistant")]
    async with LiveApp(command) as live:
        await live.start_app()
        for number in range(drops):
            deltas = len(live.sent("response.output_audio.delta"))
            await live.say(question)
            await live.until(lambda d=deltas: len(live.sent("response.output_audio.delta"))
                             >= d + 20, 20, "the reply under way")
            [conn] = live.server.connections
            live.server.faults.drop_after_deltas = conn.faults.deltas
            configured = len(live.sent("session.updated"))
            await live.until(lambda c=configured: len(live.sent("session.updated")) > c, 10,
                             f"recovery {number + 1}")
            live.server.faults.drop_after_deltas = None
            dropped = live.events("out", "response.output_audio.delta")[-1][0]
            took.append((live.sent_at("session.updated") - dropped) * 1000)
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drops", type=int, default=100)
    parser.add_argument("--live", type=int, metavar="N", help="the whole app, N drops")
    args = parser.parse_args()
    took: list[float] = []

    async def go() -> None:
        took.extend(await (measure_live(args.live) if args.live else measure(args.drops)))

    if args.live:
        import asyncio
        asyncio.run(go())
    else:
        run(go())
    ordered = sorted(took)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    what = "last delta -> new session.updated (whole app)" if args.live else \
        "drop noticed -> session configured"
    print(f"{len(took)} drops, {len(took)} recoveries: {what}, "
          f"median {statistics.median(took):.1f} ms, p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms")


if __name__ == "__main__":
    main()

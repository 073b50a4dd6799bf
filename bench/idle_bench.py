"""The app connected and idle (nobody talking): CPU over 20 s, in each turn-taking mode.

Same setting as conversation_bench.py (the real command line, offscreen, a private PulseAudio,
the embedded server in this process).

    .venv/bin/python bench/idle_bench.py [--seconds 20] [--profile out.svg] [--threads]
                                         [--command APP ...]

--threads prints each thread's share too (from /proc/<pid>/task/*/stat), the busiest first.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.conversation_bench import (  # noqa: E402
    cpu_seconds,
    peak_rss_mb,
    print_threads,
    spy,
    thread_cpu,
)
from tests.live_app import LiveApp  # noqa: E402


async def idle(mode: str, seconds: float, profile: str | None, threads: bool = False,
               command: list[str] | None = None) -> tuple[float, float]:
    command = command or [str(Path(sys.executable).parent / "voice-assistant")]
    async with LiveApp(command, mode=mode) as live:
        await live.start_app()
        pid = live.process.pid if live.process else 0
        await asyncio.sleep(1.0)                       # settle after connecting
        spying = spy(pid, profile, seconds, rate=200) if profile else None
        per_thread = thread_cpu(pid) if threads else {}
        cpu, started = cpu_seconds(pid), time.monotonic()
        await asyncio.sleep(seconds)
        wall = time.monotonic() - started
        used = (cpu_seconds(pid) - cpu) / wall * 100
        if threads:
            print_threads(per_thread, thread_cpu(pid), wall)
        if spying is not None:
            spying.wait(60)
        return used, peak_rss_mb(pid)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--modes", nargs="+", default=["server_vad", "ptt"])
    parser.add_argument("--profile", help="py-spy flame graph of the first mode, to this SVG")
    parser.add_argument("--threads", action="store_true", help="each thread's share too")
    parser.add_argument("--command", nargs="+", help="the app to run (another build, to compare)")
    args = parser.parse_args()
    for index, mode in enumerate(args.modes):
        cpu, rss = asyncio.run(idle(mode, args.seconds,
                                    args.profile if index == 0 else None, args.threads,
                                    args.command))
        print(f"idle, {mode:<10} cpu {cpu:5.1f} % of a core   rss {rss:6.1f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

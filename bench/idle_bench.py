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
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.conversation_bench import cpu_seconds, peak_rss_mb, stat_cpu_seconds  # noqa: E402
from tests.live_app import LiveApp  # noqa: E402


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds so far per thread name (threads of one name summed)."""
    seconds: dict[str, float] = {}
    for stat in Path(f"/proc/{pid}/task").glob("*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue                                   # the thread ended meanwhile
        name = text.split("(", 1)[1].rsplit(")", 1)[0]
        seconds[name] = seconds.get(name, 0.0) + stat_cpu_seconds(text)
    return seconds


def print_threads(before: dict[str, float], after: dict[str, float], wall: float) -> None:
    used = {name: (spent - before.get(name, 0.0)) / wall * 100 for name, spent in after.items()}
    for name, share in sorted(used.items(), key=lambda item: -item[1]):
        if share >= 0.05:
            print(f"    {name:<20} {share:5.2f} %", flush=True)


async def idle(mode: str, seconds: float, profile: str | None, threads: bool = False,
               command: list[str] | None = None) -> tuple[float, float]:
    command = command or [str(Path(sys.executable).parent / "voice-assistant")]
    async with LiveApp(command, mode=mode) as live:
        await live.start_app()
        pid = live.process.pid if live.process else 0
        await asyncio.sleep(1.0)                       # settle after connecting
        spy = None
        if profile:
            spy = subprocess.Popen([
                str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(pid),
                "--threads", "--duration", str(int(seconds)), "--rate", "200",
                "--format", "raw" if profile.endswith(".txt") else "flamegraph",
                "--output", profile], stdout=subprocess.DEVNULL)
        cpu, per_thread, started = cpu_seconds(pid), thread_cpu(pid), time.monotonic()
        await asyncio.sleep(seconds)
        wall = time.monotonic() - started
        used = (cpu_seconds(pid) - cpu) / wall * 100
        if threads:
            print_threads(per_thread, thread_cpu(pid), wall)
        if spy:
            spy.wait(60)
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

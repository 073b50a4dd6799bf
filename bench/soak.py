"""A 60-minute conversation at 20x speed: do memory and open files stay flat?

The controller (session keeper, history, replay) talks to the embedded server, a separate process
replying at 20x real time: a typed question every 15 simulated seconds (240 turns), the socket
cut at 10 and 20 simulated minutes, and sessions rolled over every 15 minutes after that (the
app's 55-minute rollover, compressed so that one hour holds several). Every 5 simulated minutes
it prints the process's RSS and open file descriptors. No window and no sound card: those are
measured by conversation_bench.py.

`--live` soaks the whole installed app instead, in real time: its command line, a private
PulseAudio, the embedded server in this process; a spoken question every 20 s, the socket cut
every 3 minutes; each minute the app's RSS, open fds and CPU.

    .venv/bin/python bench/soak.py [--minutes 60] [--speed 20] [--live]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.app.controller import Controller  # noqa: E402
from assistant.store.history import History  # noqa: E402
from bench.controller_rig import rig, run  # noqa: E402
from bench.proc_status import status_mb  # noqa: E402
from tests.helpers import ask, until  # noqa: E402

TURN_EVERY_S = 15.0
DROPS_AT_MIN = (10.0, 20.0)
ROLLOVER_MIN = 15.0


def rss_mb(pid: int | str = "self") -> float:
    return status_mb("VmRSS", pid)


def open_fds(pid: int | str = "self") -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


async def soak(minutes: float, speed: float) -> None:
    folder = Path(tempfile.mkdtemp(prefix="soak-"))
    async with rig(folder / "history.db", "--speed", str(speed),
                   rollover_minutes=ROLLOVER_MIN / speed) as controller:
        notices: list[str] = []
        controller.news.notice.connect(notices.append)
        start = time.monotonic()
        print(f"{'sim min':>7} {'turns':>6} {'RSS MB':>7} {'fds':>4} {'sessions':>8}")
        turns, next_report, drops = 0, 0.0, list(DROPS_AT_MIN)
        while (sim_min := (time.monotonic() - start) * speed / 60) < minutes:
            if sim_min >= next_report:
                print(f"{sim_min:7.1f} {turns:6d} {rss_mb():7.1f} {open_fds():4d} "
                      f"{controller.keeper.reconnects + 1:8d}", flush=True)
                next_report += 5
            if drops and sim_min >= drops[0] and controller.session is not None:
                drops.pop(0)
                before = controller.keeper.reconnects
                drop(controller)
                await until(lambda b=before: controller.keeper.reconnects > b
                            and controller.session is not None, 10, "reconnected")
            await ask(controller, f"turn {turns}: tell me something about number {turns}")
            turns += 1
            wait = start + turns * TURN_EVERY_S / speed - time.monotonic()
            await asyncio.sleep(max(0.0, wait))
        print(f"{minutes:7.1f} {turns:6d} {rss_mb():7.1f} {open_fds():4d} "
              f"{controller.keeper.reconnects + 1:8d}")
        saved = controller.store.conversations()[0]
        print(f"history: {saved.turns} responses saved, {len(controller.record.items())} items; "
              f"{sum('Reconnected' in n for n in notices)} reconnects, "
              f"{sum('A new session' in n for n in notices)} rollovers")


async def live_soak(minutes: float) -> None:
    from bench.conversation_bench import cpu_seconds
    from tests.live_app import LiveApp
    from tests.pulse import espeak_wav

    folder = Path(tempfile.mkdtemp(prefix="soak-live-"))
    question = espeak_wav("what is the weather like today", folder / "question.wav")
    async with LiveApp([str(Path(sys.executable).parent / "voice-assistant")]) as live:
        await live.start_app()
        pid = live.process.pid if live.process else 0
        start = cpu_at = time.monotonic()
        cpu0 = cpu_seconds(pid)
        print(f"{'min':>4} {'answers':>7} {'RSS MB':>7} {'fds':>4} {'CPU %':>6} {'sessions':>8}")
        minute, next_cut = 0, 180.0
        while (elapsed := time.monotonic() - start) < minutes * 60:
            if elapsed >= minute * 60:
                cpu = (cpu_seconds(pid) - cpu0) / max(1e-6, time.monotonic() - cpu_at) * 100
                cpu0, cpu_at = cpu_seconds(pid), time.monotonic()
                answers = sum(e["response"]["status"] == "completed"
                              for e in live.sent("response.done"))
                print(f"{minute:4d} {answers:7d} {rss_mb(pid):7.1f} {open_fds(pid):4d}"
                      f" {cpu:6.1f} {len(live.sent('session.created')):8d}", flush=True)
                minute += 1
            asked = time.monotonic()
            deltas = len(live.sent("response.output_audio.delta"))
            await live.say(question)
            if elapsed >= next_cut:
                next_cut += 180.0
                await live.until(lambda d=deltas: len(live.sent("response.output_audio.delta"))
                                 > d + 10, 20, "a reply to cut")
                [conn] = live.server.connections
                live.server.faults.drop_after_deltas = conn.faults.deltas
                created = len(live.sent("session.updated"))
                await live.until(lambda c=created: len(live.sent("session.updated")) > c, 10,
                                 "reconnected")
                live.server.faults.drop_after_deltas = None
            await asyncio.sleep(max(0.0, asked + 20 - time.monotonic()))
        await live.stop_app()
        history = History.open(live.home / "data" / "voice-assistant" / "history.db")
        [saved] = history.conversations()
        print(f"history: {saved.turns} responses, {len(history.items(saved.id))} items saved")


def drop(controller: Controller) -> None:
    """Cut the TCP connection under the session, as a network blink does (no close frame)."""
    transport = controller.session._transport if controller.session else None
    ws = getattr(transport, "_ws", None)
    if ws is not None:
        ws.transport.abort()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--speed", type=float, default=20.0)
    parser.add_argument("--live", action="store_true", help="the whole app, in real time")
    args = parser.parse_args()
    if args.live:
        asyncio.run(live_soak(args.minutes))
    else:
        run(soak(args.minutes, args.speed))


if __name__ == "__main__":
    main()

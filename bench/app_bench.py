"""The whole app, offscreen, against its embedded server, with a clock-driven fake sound card.

    .venv/bin/python bench/app_bench.py [--turns 10]

Prints: time to the window and to a configured session, per-turn latency from a sent message to
the first reply text on screen, meter paint rate, main-thread CPU while idle and while talking,
and RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.memory_keyring.MemoryKeyring")
from tests.memory_keyring import reachable_from_children  # noqa: E402

reachable_from_children()

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from assistant.app.runtime.event_loop import QtEventLoop  # noqa: E402
from assistant.cli import parse_args  # noqa: E402
from assistant.shell.app_shell import AppShell  # noqa: E402
from tests.fakes import FakePyAudio  # noqa: E402
from tests.helpers import until  # noqa: E402

T0 = time.perf_counter()


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def cpu_over(seconds: float) -> float:
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.sleep(seconds)
    return (time.process_time() - cpu) / (time.perf_counter() - wall) * 100


async def bench(turns: int) -> None:
    store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    shell = AppShell(parse_args(["--offline"]), "", audio_backend=lambda: FakePyAudio(
        realtime=True), settings_store=store)
    await shell.start()
    shown = time.perf_counter() - T0
    c, window = shell.controller, shell.window
    await until(lambda: c.session is not None and c.session.configured)
    ready = time.perf_counter() - T0
    idle_cpu = await cpu_over(3.0)
    idle_paints = window.out_meter.frames_painted
    await asyncio.sleep(2.0)
    idle_fps = (window.out_meter.frames_painted - idle_paints) / 2.0
    painted, speaking_s = window.out_meter.frames_painted, 0.0
    latencies = []
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for index in range(turns):
        before = len(window.transcript.turns())
        sent = time.perf_counter()
        c.send_text(f"message number {index}, how are you today?")
        await until(lambda b=before: len(window.transcript.turns()) >= b + 2
                    and window.transcript.turns()[-1], 20)
        latencies.append((time.perf_counter() - sent) * 1000)
        started = time.perf_counter()
        await until(lambda: c.state == "ready", 30)
        speaking_s += time.perf_counter() - started
    talking_cpu = (time.process_time() - cpu0) / (time.perf_counter() - wall0) * 100
    latencies.sort()
    print(f"window shown {shown * 1000:.0f} ms after start; session configured at "
          f"{ready * 1000:.0f} ms (imports included)")
    print(f"message sent -> first reply text on screen: median {latencies[len(latencies) // 2]:.0f}"
          f" ms, max {latencies[-1]:.0f} ms over {turns} turns (espeak synthesis included)")
    fps = (window.out_meter.frames_painted - painted) / speaking_s
    print(f"assistant level meter: {fps:.1f} frames/s while a reply plays, {idle_fps:.1f} idle "
          f"(polled at 30 Hz, painted only when a pixel changes)")
    print(f"process CPU: idle {idle_cpu:.1f} %, during {turns} spoken replies {talking_cpu:.1f} %"
          f" of one core (embedded server and fake sound card included)")
    print(f"max RSS {rss_mb():.0f} MB")
    window.close()
    await c.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=10)
    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = QtEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(bench(parser.parse_args().turns))


if __name__ == "__main__":
    main()

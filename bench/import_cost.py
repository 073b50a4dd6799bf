"""What each import costs the app in memory and time: the table the README quotes
(Performance, *What each import costs*).

Each row is measured in fresh child processes (offscreen) that first load the stack any client
of this kind has (numpy, a Qt application with widgets, asyncio, ssl, websockets), and whatever
the row names as loaded before it; then they import the row's modules: the resident memory that
adds (`VmRSS` after minus before, garbage collected) and the wall time. Medians of 3 children.
Rows share dependencies, so each is its cost alone on that stack, and they do not sum to the
app's figure. Run it twice and quote the second: the first reads the files from disk.

    .venv/bin/python bench/import_cost.py [--runs 3]
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.proc_status import status_mb  # noqa: E402  (pathlib alone: a child's gauge)

# What the app loads besides the stack before its own modules (its third-party dependencies).
APP_DEPENDENCIES = ("sqlite3", "PySide6.QtNetwork", "PySide6.QtSvg", "soxr", "qasync", "webrtcvad",
                    "platformdirs", "html", "json", "logging.handlers")
# (what, the modules, loaded first, when the app loads it)
ROWS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...] = (
    ("the app's own modules", ("assistant.shell.app_shell",), APP_DEPENDENCIES, "at start"),
    ("keyring (the key's store)", ("keyring",), (), "never (its own process)"),
    ("QtNetwork (one instance per user)", ("PySide6.QtNetwork",), (), "at start"),
    ("sqlite3 (history)", ("sqlite3",), (), "at start"),
    ("html (escaping the transcript)", ("html",), (), "at start"),
    ("QtSvg (the icons)", ("PySide6.QtSvg",), (), "at start"),
    ("soxr (resampling)", ("soxr",), (), "at start"),
    ("qasync (Qt's loop for asyncio)", ("qasync",), (), "at start"),
    ("webrtcvad (talk-over)", ("webrtcvad",), (), "at start"),
    ("plistlib (macOS's login agent)", ("plistlib",), (), "on macOS, when start at login is set"),
    ("statistics", ("statistics",), (), "never (percentiles by hand)"),
    ("numpy.ma (np.percentile, np.median)", ("numpy.ma",), (), "never (percentiles by hand)"),
    ("pywebrtc-audio (AEC3)", ("pywebrtc_audio",), (), "when a canceller runs"),
    ("jsonschema (tool arguments)", ("jsonschema",), (), "at a tool's first call"),
    ("aiohttp", ("aiohttp",), (), "a WebRTC call, a token server, the offline demo"),
    ("aiortc and PyAV (WebRTC)", ("aiortc", "av"), ("aiohttp",), "a WebRTC call"),
    ("the embedded server", ("assistant.sim.server",), ("aiohttp",), "the offline demo"),
)


def child(modules: list[str], before: list[str]) -> None:
    """One measurement: the stack, what comes before, then the row's modules."""
    import asyncio  # noqa: F401  (the stack every client of this kind has)
    import ssl  # noqa: F401

    import numpy  # noqa: F401
    import websockets.asyncio.client  # noqa: F401
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    for name in before:
        importlib.import_module(name)
    gc.collect()
    resident, started = status_mb(), time.perf_counter()
    for name in modules:
        importlib.import_module(name)
    took = time.perf_counter() - started
    gc.collect()
    print(f"{status_mb() - resident:.3f} {took * 1000:.1f}")
    del app


def measure(modules: tuple[str, ...], before: tuple[str, ...]) -> tuple[float, float]:
    import subprocess

    done = subprocess.run([sys.executable, __file__, "--child", ",".join(modules),
                           ",".join(before)], capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60,
                          cwd=ROOT)
    mb, ms = done.stdout.split()[-2:]
    return float(mb), float(ms)


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2].split(","), [name for name in sys.argv[3].split(",") if name])
        return 0
    import argparse  # here, not above: a child loads only what it measures
    import statistics

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    print(f"{'import':<36} {'resident':>9} {'time':>8}  loaded", flush=True)
    for label, modules, before, when in ROWS:
        figures = [measure(modules, before) for _ in range(runs)]
        mb = statistics.median(f[0] for f in figures)
        ms = statistics.median(f[1] for f in figures)
        print(f"{label:<36} {mb:6.2f} MB {ms:5.0f} ms  {when}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

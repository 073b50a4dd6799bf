"""Time from launch to the window on screen, for the built binaries and the source app.

Runs each under a private Xvfb (Debian's `xvfb` and `xdotool`), with a fresh home (no key: the
offline demo opens), and reads when X maps a visible window titled "Voice Assistant".

    python packaging/build.py && .venv/bin/python bench/startup_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant import __version__  # noqa: E402

TARGETS = {
    "one-folder": [str(ROOT / "dist/voice-assistant/voice-assistant")],
    "one-file": [str(ROOT / f"dist/voice-assistant-{__version__}-linux-x86_64")],
    "source": [sys.executable, "-m", "assistant"],
}


def time_to_window(command: list[str], display: str) -> float:
    home = tempfile.mkdtemp(prefix="startup-")
    env = {**os.environ, "DISPLAY": display, "HOME": home, "XDG_CONFIG_HOME": f"{home}/c",
           "XDG_STATE_HOME": f"{home}/s", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.pop("QT_QPA_PLATFORM", None)
    started = time.perf_counter()
    app = subprocess.Popen([*command, "--offline"], env=env, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                                    "^Voice Assistant$"], env=env, capture_output=True)
            if found.stdout.strip():
                return time.perf_counter() - started
            if app.poll() is not None or time.perf_counter() - started > 30:
                raise RuntimeError(f"{command[0]} showed no window")
            time.sleep(0.005)
    finally:
        app.terminate()
        app.wait(15)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    display = ":93"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    try:
        for name, command in TARGETS.items():
            if not Path(command[0]).exists():
                print(f"{name:<10} not built")
                continue
            times = [time_to_window(command, display) for _ in range(args.runs)]
            print(f"{name:<10} window shown after {statistics.median(times):.2f} s (median of "
                  f"{args.runs}; {min(times):.2f}-{max(times):.2f})", flush=True)
    finally:
        xvfb.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())

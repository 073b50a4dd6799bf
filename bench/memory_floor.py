"""The peak memory of the stack the app is built on, with none of the app: the floor under
the budget's peak RSS.

    .venv/bin/python bench/memory_floor.py

Each line is the peak RSS (`VmHWM`) of a fresh child process that loads one layer of the stack
and uses it for a moment, on a private PulseAudio with null sinks, offscreen:
  - python        the interpreter alone;
  - audio         what a bare realtime client runs on: numpy, asyncio and websockets imported,
                  and a PyAudio microphone and speaker open and moving 20 ms blocks for 2 s
                  (ALSA's plugins unloaded after PortAudio's device scan, as the app does);
  - qt            a PySide6 window (Fusion style, a few widgets, some text) shown for 1.5 s;
  - audio + qt    both, the audio first (as the app does): no line of the app's own.
The app's peak RSS is measured by conversation_bench.py; what it adds is its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.proc_status import status_mb  # noqa: E402

LAYERS = {"python": (), "audio": ("audio",), "qt": ("qt",), "audio + qt": ("audio", "qt")}
BLOCK = 480                                             # 20 ms at 24 kHz


def use_audio(seconds: float = 2.0) -> None:
    import asyncio  # noqa: F401  (what a client's session runs on)
    import ctypes

    import numpy as np
    import pyaudio
    import websockets.asyncio.client  # noqa: F401

    audio = pyaudio.PyAudio()
    ctypes.CDLL("libasound.so.2").snd_config_update_free_global()   # the scan's plugins out
    mic = audio.open(format=pyaudio.paInt16, channels=1, rate=24_000, input=True,
                     frames_per_buffer=BLOCK)
    speaker = audio.open(format=pyaudio.paInt16, channels=1, rate=24_000, output=True,
                         frames_per_buffer=BLOCK)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        samples = np.frombuffer(mic.read(BLOCK, exception_on_overflow=False), np.int16)
        speaker.write((samples // 2).tobytes())


def use_qt(seconds: float = 1.5) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QLabel,
        QMainWindow,
        QProgressBar,
        QPushButton,
        QTextEdit,
        QVBoxLayout,
        QWidget,
    )

    app = QApplication([])
    app.setStyle("Fusion")
    window, body = QMainWindow(), QWidget()
    layout = QVBoxLayout(body)
    for widget in (QLabel("Voice Assistant"), QComboBox(), QTextEdit("words " * 300),
                   QProgressBar(), QPushButton("Talk")):
        layout.addWidget(widget)
    window.setCentralWidget(body)
    window.resize(900, 700)
    window.show()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()


def child(layers: list[str]) -> None:
    if "audio" in layers:
        use_audio()
    if "qt" in layers:
        use_qt()
    print(f"{status_mb('VmHWM'):.1f}")


def measure(layers: tuple[str, ...]) -> float:
    done = subprocess.run([sys.executable, __file__, "--child", *layers], capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=60, check=True)
    return float(done.stdout.split()[-1])


def floors(layers: dict[str, tuple[str, ...]] = LAYERS) -> dict[str, float]:
    """Each layer's peak RSS in MB, on a private PulseAudio of its own."""
    from tests.pulse import PrivatePulse

    pulse = PrivatePulse().start()
    try:
        return {label: measure(wanted) for label, wanted in layers.items()}
    finally:
        pulse.stop()


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2:])
        return 0
    for label, mb in floors().items():
        print(f"{label:<12} peak RSS {mb:6.1f} MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

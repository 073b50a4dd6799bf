"""Showing the screen, measured through the whole app as a user lives it: the app from its real
command line on a private X server (Xvfb) of a given size, a busy window of another application
in front (text and a chart), the show key pressed there, the embedded server in this process.
Per screen size, medians of the presses:

  key->item   xdotool presses Ctrl+Alt+S -> the server has the conversation.item.create (ms)
  in-app      the app's own figure: capture started -> item queued (from its log, ms)
  sent        the picture's bytes (decoded) and its format and size as the server decodes it

    .venv/bin/python bench/picture_bench.py [--presses 5] [--sizes 1280x800 3840x2160] [--save D]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QImage  # noqa: E402

from tests.live_app import LiveApp  # noqa: E402
from tests.xserver import PrivateX  # noqa: E402

BUSY = """
import sys
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPlainTextEdit, QWidget, QLabel
from PySide6.QtGui import QPixmap, QPainter, QColor
app = QApplication(sys.argv)
window = QWidget(); window.setWindowTitle("busy application")
row = QHBoxLayout(window)
text = QPlainTextEdit(open(sys.argv[1]).read()); row.addWidget(text, 2)
chart = QPixmap(600, 400); chart.fill(QColor("white")); p = QPainter(chart)
for i, v in enumerate((3, 5, 4, 7, 6, 8, 9, 7)):
    p.fillRect(30 + i * 70, 380 - v * 40, 50, v * 40, QColor("#3b82c4"))
p.end(); label = QLabel(); label.setPixmap(chart); row.addWidget(label, 1)
window.showFullScreen(); window.setGeometry(app.primaryScreen().geometry()); window.show()
app.exec()
"""


def pictures(live: LiveApp) -> list[tuple[float, bytes]]:
    found = []
    for at, event in live.events("in", "conversation.item.create"):
        for part in event["item"].get("content") or []:
            if part.get("type") == "input_image":
                found.append((at, base64.b64decode(part["image_url"].partition(",")[2])))
    return found


async def measure(size: str, presses: int, save: Path | None) -> dict[str, object]:
    xserver = PrivateX(size).start()
    busy = subprocess.Popen([sys.executable, "-c", BUSY, str(ROOT / "assistant" / "app" /
                                                              "controller.py")],
                            env=xserver.env(), stderr=subprocess.DEVNULL)
    try:
        async with LiveApp(mode="ptt", env=xserver.env()) as live:
            await live.start_app()
            other = await asyncio.to_thread(xserver.xdotool, "search", "--sync", "--name",
                                            "^busy application$")
            xserver.xdotool("windowraise", other.split()[0])
            xserver.xdotool("windowfocus", "--sync", other.split()[0])
            waits: list[float] = []
            for index in range(presses):
                await asyncio.sleep(0.5)
                pressed = time.monotonic()
                xserver.xdotool("key", "ctrl+alt+s")
                await live.until(lambda n=index: len(pictures(live)) > n, 30, "the picture")
                waits.append((pictures(live)[index][0] - pressed) * 1000)
                await live.until(lambda n=index: len(live.sent("response.done")) > n, 30, "answer")
            raw = pictures(live)[-1][1]
            image = QImage.fromData(raw)
            log = next((live.home / "state").rglob("assistant.log")).read_text()
            in_app = [float(m) for m in re.findall(r"([\d.]+) ms from capture to item", log)]
            kind = "PNG" if raw.startswith(b"\x89PNG") else "JPEG"
            if save is not None:
                (save / f"shown-{size}.{kind.lower()}").write_bytes(raw)
            return {"screen": size, "key->item ms": round(statistics.median(waits)),
                    "in-app ms": round(statistics.median(in_app)) if in_app else None,
                    "sent": f"{kind} {image.width()}x{image.height()}",
                    "bytes": len(raw), "base64 bytes": (len(raw) + 2) // 3 * 4}
    finally:
        busy.terminate()
        busy.wait(5)
        xserver.stop()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=5)
    parser.add_argument("--sizes", nargs="+", default=["1280x800", "3840x2160"])
    parser.add_argument("--save", type=Path, help="a folder for the last picture of each size")
    args = parser.parse_args()
    for size in args.sizes:
        print(await measure(size, args.presses, args.save), flush=True)


if __name__ == "__main__":
    asyncio.run(main())

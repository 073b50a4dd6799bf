"""Remake the README's screenshots: the real window, offscreen, mid-conversation with the
embedded server (a typed turn, a spoken push-to-talk turn, the assistant speaking), and one with
a picture shown to it (a chart, with the typed question).

    .venv/bin/python tools/screenshot.py                 # all three below
    .venv/bin/python tools/screenshot.py out.png [--dark] [--language de]
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.memory_keyring.MemoryKeyring")
from tests.memory_keyring import reachable_from_children  # noqa: E402

reachable_from_children()

import qasync  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from assistant.cli import parse_args  # noqa: E402
from assistant.shell.app_shell import AppShell  # noqa: E402
from tests.fakes import FakePyAudio  # noqa: E402
from tests.helpers import speech, until  # noqa: E402
from tests.ui.conftest import mic_pcm  # noqa: E402

SHOTS = {"screenshot.png": ("en", False), "screenshot-dark.png": ("en", True),
         "screenshot-de.png": ("de", False), "screenshot-picture.png": ("en", False)}


def chart() -> QImage:
    """A 1280 × 800 'screen' with a bar chart on it: something a user would ask about."""
    image = QImage(1280, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4f6f8"))
    painter = QPainter(image)
    painter.setFont(QFont("Sans", 28, QFont.Weight.Bold))
    painter.setPen(QColor("#222222"))
    painter.drawText(80, 90, "Monthly sign-ups, 2026")
    painter.setFont(QFont("Sans", 18))
    for number, value in enumerate((320, 410, 380, 520, 610, 560, 700, 660, 590, 640, 720, 810)):
        x = 90 + number * 95
        painter.fillRect(x, 720 - value * 3 // 4, 60, value * 3 // 4, QColor("#3b82c4"))
        painter.drawText(x + 6, 760, "JFMAMJJASOND"[number])
    painter.end()
    return image


async def demo_shell() -> tuple[AppShell, FakePyAudio]:
    """The app as `--offline` starts it, on a fake sound card, its demo session configured."""
    fake = FakePyAudio(realtime=True)
    store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    shell = AppShell(parse_args(["--offline"]), "", audio_backend=lambda: fake,
                     settings_store=store)
    await shell.start()
    c = shell.controller
    await until(lambda: c.session is not None and c.session.configured)
    return shell, fake


async def shoot_picture(out: Path) -> None:
    shell, _fake = await demo_shell()
    c, window = shell.controller, shell.window
    c.showing.attach_image(chart(), "What does this chart show?")
    await until(lambda: c.state == "ready" and len(window.transcript.turns()) == 2, 20)
    await asyncio.sleep(0.3)
    window.grab().save(str(out))
    print(f"wrote {out}")
    window.close()
    await c.shutdown()


async def shoot(out: Path, dark: bool) -> None:
    scheme = Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light
    QApplication.styleHints().colorSchemeChanged.emit(scheme)     # as the OS announces it
    shell, fake = await demo_shell()
    c, window = shell.controller, shell.window
    window.inspector_button.setChecked(True)
    c.send_text("Hi! Can you hear me over this connection?")
    await until(lambda: c.state == "ready" and len(window.transcript.turns()) == 2, 20)
    c.ptt_press()
    fake.stream("input").push(mic_pcm(speech("what is the weather like today", 150)))
    await asyncio.sleep(1.9)
    c.ptt_release()
    await until(lambda: c.state == "speaking", 20)
    await asyncio.sleep(0.5)
    fake.stream("input").push(mic_pcm(speech("okay", 0)))
    await asyncio.sleep(0.25)
    tree = window.inspector.tree
    for index in range(tree.topLevelItemCount()):
        if tree.topLevelItem(index).text(2) == "response.done":
            tree.setCurrentItem(tree.topLevelItem(index))
    window.grab().save(str(out))
    print(f"wrote {out}")
    window.close()
    await c.shutdown()


def main() -> None:
    from assistant.ui.i18n import install

    args = sys.argv[1:]
    if args:
        language = args[args.index("--language") + 1] if "--language" in args else "en"
        shots = {Path(args[0]): (language, "--dark" in args)}
    else:
        shots = {ROOT / "resources" / name: how for name, how in SHOTS.items()}
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        for out, (language, dark) in shots.items():
            install(app, language)
            loop.run_until_complete(shoot_picture(out) if "picture" in out.name
                                    else shoot(out, dark))


if __name__ == "__main__":
    main()

"""A process holding a conversation, for the kill -9 test: the controller against an embedded
server in this process, one typed question after another, saying each as it is asked and
answered. `python -m tests.app.conversation_child HISTORY.db`"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from assistant.app.controller import Controller
from assistant.app.gui_thread_gc import GuiThreadCollector
from assistant.app.settings import Settings
from assistant.app.states import LISTENING
from assistant.realtime.endpoint import Endpoint
from assistant.sim import SimServer
from assistant.store.history import History
from tests.fakes import FakePyAudio
from tests.helpers import until


class Local:
    def __init__(self, server: SimServer) -> None:
        self.server = server

    async def endpoint(self, settings: Settings, offline: bool) -> Endpoint:
        return dataclasses.replace(settings, base_url=self.server.url).endpoint("sk-child")

    async def release(self) -> None:
        pass


async def converse(path: Path) -> None:
    GuiThreadCollector(QApplication.instance()).start()      # as the app does
    async with SimServer(speed=20.0) as server:
        controller = Controller(Settings(), Local(server), history=History.open(path),
                                audio_backend=lambda: FakePyAudio(devices=[]))
        controller.connect_(offline=False)
        await until(lambda: controller.state == LISTENING, message="connected")
        for number in range(1, 1000):
            done: list[bool] = []
            controller.usage_changed.connect(lambda _line, d=done: d.append(True))
            controller.send_text(f"turn {number}")
            print(f"asked {number}", flush=True)
            await until(lambda d=done: bool(d), message="answer")
            await until(lambda: not controller.record.in_flight, message="saved")
            print(f"answered {number}", flush=True)


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.run_until_complete(converse(Path(sys.argv[1])))

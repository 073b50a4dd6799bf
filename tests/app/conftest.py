"""The controller as the app runs it (qasync loop, real session, real SQLite history) against
an embedded server of its own; the audio backend has no devices."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.app.controller import Controller
from assistant.app.runtime.gui_thread_gc import GuiThreadCollector
from assistant.app.settings import Settings
from assistant.modes import ConnectionState
from assistant.sim import SimServer
from assistant.store.history import History
from tests.fakes import FakePyAudio
from tests.helpers import UrlEndpoints, WireLog, until

KEY = "sk-test-reconnect-0123456789"


@dataclasses.dataclass
class Rig:
    server: SimServer
    controller: Controller
    history: History
    notices: list[str]
    states: list[tuple[str, str]]

    @property
    def ready(self) -> bool:
        session = self.controller.session
        return (session is not None and session.configured
                and self.controller.state == ConnectionState.READY)

    def answers(self) -> list[str]:
        conv = self.controller.record.conversation
        return [] if conv is None else [i.text for i in self.history.items(conv)
                                        if i.role == "assistant" and i.text]

    async def turn(self, text: str) -> None:
        before = len(self.answers())
        self.controller.send_text(text)
        await until(lambda: len(self.answers()) > before, timeout=10, message=f"answer: {text}")


@pytest.fixture
async def rig(tmp_path, qapp):
    async with SimServer(speed=20.0, api_key=KEY) as server:
        server.on_wire = server.wire = WireLog()
        collector = GuiThreadCollector()      # as the app does: no Qt object dies off-thread
        collector.start()
        history = History.open(tmp_path / "history.db")
        settings = Settings(stall_s=1.0)
        controller = Controller(settings, UrlEndpoints(server.url, KEY),
                                audio_backend=lambda: FakePyAudio(devices=[]), history=history)
        notices: list[str] = []
        controller.news.notice.connect(notices.append)
        states: list[tuple[str, str]] = []
        controller.news.state_changed.connect(lambda state, detail: states.append((state, detail)))
        rig = Rig(server, controller, history, notices, states)
        controller.connect_(offline=False)
        await until(lambda: rig.ready, message="connected")
        yield rig
        await controller.shutdown()
        collector.stop()
        server.wire.check()



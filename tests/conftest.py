"""Shared fixtures: offscreen Qt, a qasync loop for UI tests, an in-memory keyring, the sim."""

from __future__ import annotations

import asyncio
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"

import pytest


def pytest_asyncio_loop_factories(config, item):
    """UI tests run on a qasync loop (Qt and asyncio in one thread, as in the app)."""
    if "tests/ui/" in str(item.path).replace(os.sep, "/") or item.get_closest_marker("qt"):
        import qasync
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        return {"qasync": lambda: qasync.QEventLoop(app)}
    return {"asyncio": asyncio.new_event_loop}


@pytest.fixture(autouse=True)
def _sent_events_are_valid_ga():
    from tests.helpers import GA_VIOLATIONS

    GA_VIOLATIONS.clear()
    yield
    assert not GA_VIOLATIONS, GA_VIOLATIONS


@pytest.fixture
async def sim():
    """A fast embedded server (replies paced 20x real time) whose wire traffic is recorded;
    every event it sent is checked against the SDK schema at the end of the test."""
    from assistant.sim import SimServer
    from tests.helpers import WireLog

    async with SimServer(speed=20.0) as server:
        server.on_wire = server.wire = WireLog()
        yield server
    server.wire.check(client=False)


@pytest.fixture(scope="session", autouse=True)
def _an_address_for_webrtc():
    """See tests/ice.py: a no-op wherever the machine has a network interface."""
    from tests import ice

    made = ice.ensure()
    yield
    if made:
        ice.remove()


@pytest.fixture(scope="session", autouse=True)
def _english_catalogue():
    """The app installs its catalogue at start (app.main); in-process tests build the window
    without main(), so English (its plural forms) is installed here, fresh from the .ts."""
    import sys
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "packaging"))
    import translations

    from assistant.ui.translations import install

    translations.compile_all()
    app = QApplication.instance() or QApplication([])
    install(app, "en")
    yield

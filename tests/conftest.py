"""Shared fixtures: offscreen Qt, a qasync loop for UI tests, a test keyring, the sim."""

from __future__ import annotations

import asyncio
import os
import tempfile
import weakref
from pathlib import Path

import pytest

from tests.memory_keyring import KeyringFile, reachable_from_children

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app asks its keyring in a process of its own: that process finds the tests' backend on
# PYTHONPATH, and its store in a file of this test run's (tests/memory_keyring.py).
reachable_from_children()
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"
_STORE_FD, _STORE = tempfile.mkstemp(prefix="test-keyring-", suffix=".json")
os.close(_STORE_FD)
os.environ["VOICE_ASSISTANT_TEST_KEYRING"] = _STORE

_QASYNC_LOOPS: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()


def pytest_asyncio_loop_factories(config, item):
    """UI tests run on a qasync loop (Qt and asyncio in one thread, as in the app)."""
    if "tests/ui/" in str(item.path).replace(os.sep, "/") or item.get_closest_marker("qt"):
        from PySide6.QtWidgets import QApplication

        from assistant.app.runtime.event_loop import QtEventLoop

        app = QApplication.instance() or QApplication([])

        def make() -> asyncio.AbstractEventLoop:
            loop = QtEventLoop(app)
            _QASYNC_LOOPS.add(loop)
            return loop

        return {"qasync": make}
    return {"asyncio": asyncio.new_event_loop}


def _qt_events_stay_inside_the_loop() -> None:
    """pytest-qt flushes Qt's events between a test's phases. While a qasync loop is open but
    not running, that would run its timers' callbacks (tasks of the WebRTC stack, the app's)
    with no running event loop: a task then dies half-way, and a close that waits for it never
    returns. Those events wait for the loop's next run (the async teardown) instead."""
    import pytestqt.plugin

    flush = pytestqt.plugin._process_events

    def flush_unless_a_loop_is_paused() -> None:
        if not any(not loop.is_closed() and not loop.is_running() for loop in _QASYNC_LOOPS):
            flush()

    pytestqt.plugin._process_events = flush_unless_a_loop_is_paused


_qt_events_stay_inside_the_loop()


def pytest_unconfigure(config):
    Path(_STORE).unlink(missing_ok=True)


@pytest.fixture
def keyring_store(monkeypatch) -> KeyringFile:
    """The test keyring, emptied, with no key in the environment to win over it."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    store = KeyringFile(Path(_STORE))
    store.clear()
    return store


@pytest.fixture
def no_keyring(monkeypatch) -> None:
    """A machine without a usable keyring (keyring's own stand-in for none)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


NO_FEED = "http://127.0.0.1:9/no-release-feed"      # the discard port: refused at once


@pytest.fixture(autouse=True)
def _no_release_feed_on_the_internet(monkeypatch):
    """The daily update check of every app a test starts asks loopback, never GitHub."""
    monkeypatch.setenv("VOICE_ASSISTANT_UPDATE_URL", NO_FEED)


@pytest.fixture(autouse=True)
def _no_mcp_servers_of_the_user(tmp_path, monkeypatch):
    """The app reads mcp.json from here, not from the user's own settings folder."""
    monkeypatch.setenv("VOICE_ASSISTANT_MCP_CONFIG", str(tmp_path / "mcp.json"))


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
    import i18n

    from assistant.ui.i18n import install

    i18n.compile_all()
    app = QApplication.instance() or QApplication([])
    install(app, "en")
    yield

"""A private X server and a private session bus for the tests that need them (skipped, with the
reason, without)."""

from __future__ import annotations

import shutil

import pytest

from tests.desktop.bus import PrivateBus
from tests.helpers import until
from tests.xserver import PrivateX, missing_x_tools


@pytest.fixture
def xserver():
    if missing_x_tools():
        pytest.skip(f"needs {', '.join(missing_x_tools())} (bash dev.sh test installs them)")
    server = PrivateX().start()
    yield server
    server.stop()


@pytest.fixture
async def portal_bus():
    """A private session bus for a portal's other side (skipped, with the reason, without)."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("needs dbus-daemon (bash dev.sh test installs it)")
    bus = PrivateBus().start()
    await until(bus.ready)
    yield bus
    bus.stop()

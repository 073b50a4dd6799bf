"""A private X server for the tests that need a real one (skipped, with the reason, without)."""

from __future__ import annotations

import pytest

from tests.xserver import PrivateX, missing_x_tools


@pytest.fixture
def xserver():
    if missing_x_tools():
        pytest.skip(f"needs {', '.join(missing_x_tools())} (bash dev.sh test installs them)")
    server = PrivateX().start()
    yield server
    server.stop()

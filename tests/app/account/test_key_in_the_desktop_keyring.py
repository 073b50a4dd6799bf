"""The whole app, its key kept in the desktop's keyring (gnome-keyring on a private D-Bus
session) and nowhere else: it connects with that key, and its own process never loads what
asking the keyring takes (its keyring process does)."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import pytest

from tests import private_keyring
from tests.live_app import LIVE_KEY, LiveApp
from tests.private_keyring import PrivateKeyring
from tests.pulse import missing_tools

pytestmark = [pytest.mark.realdevice,
              pytest.mark.skipif(bool(missing_tools()) or not private_keyring.available(),
                                 reason="needs PulseAudio, dbus and gnome-keyring "
                                        "(bash dev.sh test installs them)")]
APP = [str(Path(sys.executable).parent / "voice-assistant")]     # as installed by dev.sh


async def test_the_key_in_the_desktop_keyring_connects_and_keyring_stays_out_of_the_app():
    stats = Path(tempfile.mkdtemp(prefix="keyring-app-")) / "stats.json"
    async with LiveApp(APP, keyring=PrivateKeyring(), env={"VOICE_ASSISTANT_STATS": str(stats)},
                       mode="ptt") as live:
        assert "OPENAI_API_KEY" not in live.env()
        live.server.api_key = LIVE_KEY          # any other key is refused
        await live.start_app()                   # a configured session: the key was found
        assert await live.stop_app() == 0
    assert "keyring" not in json.loads(stats.read_text())["loaded"]

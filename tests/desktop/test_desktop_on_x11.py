"""The whole app, by its real command line, on a private X server (Xvfb) and a private
PulseAudio: the global key from another application, and a second launch."""

from __future__ import annotations

import asyncio
import re
import subprocess

import pytest

from tests.live_app import SOURCE_COMMAND, LiveApp
from tests.pulse import espeak_wav, missing_tools
from tests.updates.feed_server import FeedServer
from tests.xserver import PrivateX, missing_x_tools

pytestmark = [pytest.mark.realdevice,
              pytest.mark.skipif(bool(missing_tools() + missing_x_tools()),
                                 reason=f"needs {', '.join(missing_tools() + missing_x_tools())}"
                                        " (bash dev.sh test installs them)")]


def app_window(xserver: PrivateX) -> str:
    return xserver.xdotool("search", "--sync", "--onlyvisible", "--name",
                           "^Voice Assistant$").split()[0]


async def test_holding_the_global_key_in_another_application_records_a_turn(xserver, tmp_path):
    question = espeak_wav("what is the weather like on the coast today", tmp_path / "q.wav")
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": xserver.display}
    async with LiveApp(mode="ptt", env=env) as live:
        await live.start_app()
        await asyncio.to_thread(app_window, xserver)
        other = await asyncio.to_thread(xserver.other_client)
        xserver.xdotool("keydown", "ctrl+alt+space")
        await live.until(lambda: live.received("input_audio_buffer.clear"), 10, "the press")
        await live.say(question)
        xserver.xdotool("keyup", "space")
        xserver.xdotool("keyup", "ctrl+alt")
        await live.until(lambda: live.sent("response.done"), 30, "the answer")
        assert xserver.xdotool("getwindowfocus").strip() == other      # it stayed in front
    assert len(live.received("input_audio_buffer.commit")) == 1
    heard = live.sent("response.output_audio_transcript.done")[-1]["transcript"]
    seconds = float(re.search(r"I heard ([\d.]+) seconds", heard).group(1))
    spoken = subprocess.run(["soxi", "-D", str(question)], capture_output=True, text=True)
    assert abs(seconds - float(spoken.stdout)) < 0.8, (heard, spoken.stdout)


async def test_holding_space_in_the_window_records_one_whole_turn(xserver, tmp_path):
    """The key held for seconds: X repeats it all the while, and none of that is a turn."""
    question = espeak_wav("please tell me what the weather is like on the coast today",
                          tmp_path / "q.wav")
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": xserver.display}
    async with LiveApp(mode="ptt", env=env) as live:
        await live.start_app()
        window = await asyncio.to_thread(app_window, xserver)
        xserver.xdotool("windowfocus", "--sync", window)
        xserver.xdotool("keydown", "space")
        await live.until(lambda: live.received("input_audio_buffer.clear"), 10, "the press")
        await live.say(question)
        xserver.xdotool("keyup", "space")
        await live.until(lambda: live.sent("response.done"), 30, "the answer")
    assert len(live.received("input_audio_buffer.commit")) == 1
    assert len(live.received("response.cancel")) == 0
    heard = live.sent("response.output_audio_transcript.done")[-1]["transcript"]
    seconds = float(re.search(r"I heard ([\d.]+) seconds", heard).group(1))
    spoken = subprocess.run(["soxi", "-D", str(question)], capture_output=True, text=True)
    assert abs(seconds - float(spoken.stdout)) < 0.8, (heard, spoken.stdout)


async def test_a_second_launch_raises_the_first_and_hands_over_connect(xserver, tmp_path):
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": xserver.display}
    async with LiveApp(mode="ptt", env=env) as live:
        live.extra_args = ()
        first = await asyncio.create_subprocess_exec(
            *SOURCE_COMMAND, "--base-url", live.server.url, env=live.env(),
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
        live.process = first
        window = await asyncio.to_thread(app_window, xserver)
        other = await asyncio.to_thread(xserver.other_client)
        await live.until(lambda: xserver.top_window() == other, 10, "the other window on top")
        assert not live.sent("session.created")              # it waits: no --connect
        second = await asyncio.create_subprocess_exec(
            *SOURCE_COMMAND, "--connect", env=live.env(), stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL)
        out, _ = await asyncio.wait_for(second.communicate(), 30)
        assert second.returncode == 0 and b"already running" in out
        await live.until(lambda: live.sent("session.updated"), 20, "the handed-over --connect")
        # Raised above the application in front. Focus is the window manager's to give (with
        # its focus-stealing rules); without one here, X ignores a request stamped before
        # the other client's focus change, so the stacking order is what is judged.
        await live.until(lambda: xserver.top_window() == window, 10, "the first window on top")
        assert other != window and first.returncode is None


async def test_the_tray_menu_mutes_and_quits_through_the_panels_protocol(xserver, tmp_path):
    """The app's tray icon as a desktop panel sees it: registered over D-Bus, its menu read and
    clicked (StatusNotifierItem and dbusmenu, what KDE, GNOME's AppIndicator and others use)."""
    from tests.desktop.bus import PrivateBus
    from tests.desktop.panel_peer import PanelPeer

    bus = PrivateBus().start()
    panel = PanelPeer(bus.address)
    feed = FeedServer().__enter__()          # the release feed the tray's check asks
    speech = espeak_wav("is anybody listening to me now", tmp_path / "s.wav")
    try:
        deadline = asyncio.get_running_loop().time() + 10
        while not bus.ready():
            assert asyncio.get_running_loop().time() < deadline, "dbus-daemon did not start"
            await asyncio.sleep(0.02)
        await panel.start()
        env = {**xserver.env(), "DBUS_SESSION_BUS_ADDRESS": bus.address,
               "VOICE_ASSISTANT_UPDATE_URL": feed.url + "/newer"}
        async with LiveApp(mode="server_vad", env=env) as live:
            await live.start_app()
            await live.until(lambda: panel.items, 20, "the tray icon registered")
            entries = await panel.menu()
            assert {"Show or hide the window", "Mute the microphone", "Quit",
                    "Push-to-talk", "Server VAD", "Check for updates"} <= set(entries)
            await panel.click("Check for updates")
            await live.until(lambda: feed.requests, 10, "the feed asked")
            assert [path for path, _headers in feed.requests] == ["/newer"]
            await live.until(lambda: len(live.received("input_audio_buffer.append")) > 10, 10,
                             "the microphone streaming")
            await panel.click("Mute the microphone")
            deadline = asyncio.get_running_loop().time() + 10
            while "Microphone muted" not in (await panel.item_property("ToolTip"))[2]:
                assert asyncio.get_running_loop().time() < deadline, "the tray never said muted"
                await asyncio.sleep(0.05)
            before = len(live.received("input_audio_buffer.append"))
            await live.say(speech)
            assert len(live.received("input_audio_buffer.append")) - before <= 2
            assert not live.sent("input_audio_buffer.speech_started")
            await panel.click("Quit")
            await live.until(lambda: live.process.returncode is not None, 20, "the app to quit")
            assert live.process.returncode == 0
    finally:
        feed.__exit__()
        await panel.stop()
        bus.stop()

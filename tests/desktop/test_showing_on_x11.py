"""Showing the assistant the screen, by the whole app on a private X server: the global key from
another application, the window in use, a region dragged out, and the model's own request.

The embedded server decodes every picture it is shown and says its size, so the size the model
would see is checked at the far end of the wire, as the API would receive it.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re

import pytest
from PySide6.QtGui import QImage

from tests.live_app import LiveApp
from tests.pulse import espeak_wav, missing_tools
from tests.xserver import PrivateX, missing_x_tools

pytestmark = [pytest.mark.realdevice,
              pytest.mark.skipif(bool(missing_tools() + missing_x_tools()),
                                 reason=f"needs {', '.join(missing_tools() + missing_x_tools())}"
                                        " (bash dev.sh test installs them)")]


def pictures(live: LiveApp) -> list[QImage]:
    """Each picture the server received, decoded from its data URI."""
    found = []
    for event in live.received("conversation.item.create"):
        for part in event["item"].get("content") or []:
            if part.get("type") == "input_image":
                raw = base64.b64decode(part["image_url"].partition(",")[2])
                found.append(QImage.fromData(raw))
    return found


def app_window(xserver: PrivateX) -> str:
    return xserver.xdotool("search", "--sync", "--onlyvisible", "--name",
                           "^Voice Assistant$").split()[0]


def geometry(xserver: PrivateX, window: str) -> tuple[int, int]:
    shown = xserver.xdotool("getwindowgeometry", window)
    width, height = re.search(r"Geometry: (\d+)x(\d+)", shown).groups()
    return int(width), int(height)


@pytest.mark.parametrize("size,expected", [("1024x768", (1024, 768)),
                                           ("2560x1600", (2048, 1280))])
async def test_the_show_key_in_another_application_shows_the_screen(size, expected):
    """Ctrl+Alt+S while another application has the focus: the whole screen, scaled to the
    API's 2048 px, goes to the server and is answered; the other application keeps the focus."""
    xserver = PrivateX(size).start()
    try:
        async with LiveApp(mode="ptt", env=xserver.env()) as live:
            await live.start_app()
            await asyncio.to_thread(app_window, xserver)
            other = await asyncio.to_thread(xserver.other_client)
            xserver.xdotool("key", "ctrl+alt+s")
            await live.until(lambda: pictures(live), 20, "a picture at the server")
            await live.until(lambda: live.sent("response.done"), 20, "the answer")
            shown = pictures(live)[0]
            assert (shown.width(), shown.height()) == expected
            heard = live.sent("response.output_audio_transcript.done")[-1]["transcript"]
            assert f"I see a {expected[0]} × {expected[1]} picture" in heard
            assert xserver.xdotool("getwindowfocus").strip() == other
            assert len(live.received("response.create")) == 1
    finally:
        xserver.stop()


async def test_the_window_in_use_and_a_dragged_region(xserver):
    """From the window's Show menu (Ctrl+Shift+S): the other application's window at its own
    size, then a region dragged out over the screen at the size dragged."""
    async with LiveApp(mode="ptt", env=xserver.env()) as live:
        await live.start_app()
        window = await asyncio.to_thread(app_window, xserver)
        other = await asyncio.to_thread(xserver.other_client)
        xserver.xdotool("windowmove", "--sync", other, "40", "60")
        xserver.xdotool("windowraise", window)
        xserver.xdotool("windowfocus", "--sync", window)
        xserver.xdotool("key", "ctrl+shift+s")
        await asyncio.sleep(0.3)               # the menu maps; then its accelerator
        xserver.xdotool("key", "w")
        await live.until(lambda: pictures(live), 20, "the window's picture")
        shown = pictures(live)[0]
        assert (shown.width(), shown.height()) == geometry(xserver, other)
        await live.until(lambda: live.sent("response.done"), 20, "the first answer")
        xserver.xdotool("windowfocus", "--sync", window)
        xserver.xdotool("key", "ctrl+shift+s")
        await asyncio.sleep(0.3)
        xserver.xdotool("key", "r")
        await asyncio.to_thread(xserver.xdotool, "search", "--sync", "--onlyvisible",
                                "--name", "^Choose a region$")
        xserver.xdotool("mousemove", "--sync", "100", "120", "mousedown", "1")
        xserver.xdotool("mousemove", "--sync", "300", "250")
        xserver.xdotool("mousemove", "--sync", "500", "420", "mouseup", "1")
        await live.until(lambda: len(pictures(live)) == 2, 20, "the region's picture")
        region = pictures(live)[1]
        assert (region.width(), region.height()) == (400, 300)


async def test_the_model_looks_at_the_screen_only_once_allowed(xserver, tmp_path):
    """"Can you see what I'm doing?": the model's look_at_screen call waits in the permission
    bar, nothing is captured until Allow (Alt+A), then the screen goes in and is answered."""
    question = espeak_wav("can you see what I am doing on my screen", tmp_path / "q.wav")
    async with LiveApp(mode="server_vad", env=xserver.env()) as live:
        live.server.spoken_tool = "look_at_screen"
        await live.start_app()
        window = await asyncio.to_thread(app_window, xserver)
        await live.say(question)
        await live.until(lambda: live.sent("response.function_call_arguments.done"), 30,
                         "the model's call")
        await asyncio.sleep(0.5)                           # time enough to capture, if it would
        assert pictures(live) == [] and not live.received("response.create")
        xserver.xdotool("windowfocus", "--sync", window)
        xserver.xdotool("key", "alt+a")
        await live.until(lambda: pictures(live), 20, "the screen at the server")
        await live.until(lambda: len(live.sent("response.done")) >= 2, 30, "the answer")
        shown = pictures(live)[0]
        assert (shown.width(), shown.height()) == (1024, 768)
        outputs = [e["item"] for e in live.received("conversation.item.create")
                   if e["item"]["type"] == "function_call_output"]
        assert len(outputs) == 1 and "1024 × 768" in json.loads(outputs[0]["output"])["shown"]
        heard = live.sent("response.output_audio_transcript.done")[-1]["transcript"]
        assert "I see a 1024 × 768 picture" in heard

"""The screen as a picture where a test can reach it without a display: the Wayland portal's
Screenshot on a private bus (granted, cancelled, missing), and Qt's offscreen screen."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from assistant.desktop.screen_capture import Grab, ScreenCapture
from tests.desktop.screenshot_peer import ScreenshotPeer
from tests.helpers import until


def grab(capture: ScreenCapture, kind: str) -> list[Grab]:
    got: list[Grab] = []
    capture.grab(kind, got.append)
    return got


async def test_on_wayland_the_portal_takes_the_picture_and_may_be_refused(portal_bus, tmp_path):
    shot = QImage(800, 500, QImage.Format.Format_RGB32)
    shot.fill(QColor("#f0f0f0"))
    assert shot.save(str(tmp_path / "shot.png"))
    peer = ScreenshotPeer(portal_bus.address, tmp_path / "shot.png")
    await peer.start()
    capture = ScreenCapture(portal_bus=portal_bus.address)
    try:
        got = grab(capture, "screen")
        await until(lambda: got)
        assert got[0].image is not None and got[0].image.size().toTuple() == (800, 500)
        assert not got[0].pick_region              # the portal's own dialog picks
        region = grab(capture, "region")
        await until(lambda: region)
        assert [a["interactive"] for a in peer.asked] == [False, True]
        peer.decline = True
        declined = grab(capture, "window")
        await until(lambda: declined)
        assert declined[0].image is None and declined[0].why == "The screenshot was cancelled."
    finally:
        await peer.stop()


async def test_a_desktop_without_the_portal_is_told_in_words(portal_bus, tmp_path):
    got = grab(ScreenCapture(portal_bus=portal_bus.address), "screen")
    await until(lambda: got)
    assert got[0].image is None and "takes no screenshots" in got[0].why
    nobody = grab(ScreenCapture(portal_bus=f"unix:path={tmp_path}/none"), "screen")
    await until(lambda: nobody)
    assert "Could not ask the desktop portal" in nobody[0].why


def test_qts_screen_is_grabbed_at_its_size_and_a_window_needs_x11(qapp):
    """Offscreen, Qt's screen is a picture like any other; the window in use is found on X11
    only (tests/desktop/test_showing_on_x11.py shows it there)."""
    screen = qapp.primaryScreen().size()
    got = grab(ScreenCapture(), "screen")
    assert got[0].image is not None and got[0].image.size() == screen
    region = grab(ScreenCapture(), "region")
    assert region[0].pick_region and region[0].image.size() == screen
    window = grab(ScreenCapture(), "window")
    assert window[0].image is None and "needs X11" in window[0].why

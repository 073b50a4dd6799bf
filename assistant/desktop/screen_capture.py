"""What the user is looking at, as a picture: the screen under the pointer, the window in use, or
the whole screen for the user to cut a region from.

X11 (and Windows) let us read the screen: Qt grabs it, and python-xlib finds the window in use
(the focused top-level window that is not ours, else the top-most other one, since the user just
clicked into our window to ask). Wayland lets no client read the screen: the desktop portal takes
the picture after asking the user, and its own dialog picks a window or a region. macOS needs the
Screen Recording permission; without it a grab shows only the wallpaper, so we ask first.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRect
from PySide6.QtGui import QCursor, QGuiApplication, QImage, QScreen

log = logging.getLogger(__name__)
KINDS = ("screen", "window", "region")


@dataclass
class Grab:
    image: QImage | None
    why: str = ""                  # no image: the sentence for the user
    pick_region: bool = False      # the whole screen, for the user to cut a region from


Done = Callable[[Grab], None]



class ScreenCapture(QObject):
    def __init__(self, portal_bus: str | None = None) -> None:
        super().__init__()
        self.portal_bus = portal_bus      # a bus address: always ask this portal (tests)
        self._task: asyncio.Task[None] | None = None

    def grab(self, kind: str, done: Done) -> None:
        """Capture `kind` and call `done` once (at once, or when the portal answers)."""
        platform = QGuiApplication.platformName()
        if self.portal_bus is not None or platform.startswith("wayland"):
            self._ask_portal(kind, done)
        elif sys.platform == "darwin" and not _mac_may_record():
            done(Grab(None, QCoreApplication.translate(
                "ScreenCapture", "macOS needs the Screen Recording permission: allow Voice "
                "Assistant in System Settings → Privacy & Security → Screen Recording, then try "
                "again.")))
        elif kind == "window":
            done(self._window())
        else:
            done(self._screen(kind == "region"))

    def _screen(self, pick_region: bool) -> Grab:
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        return _grabbed(screen, None, pick_region)

    def _window(self) -> Grab:
        area = _window_in_use([w.winId() for w in QGuiApplication.topLevelWindows()
                               if w.isVisible()])
        if area is None:
            return Grab(None, QCoreApplication.translate(
                "ScreenCapture", "No window of another application was found; showing a window "
                "needs X11 here."))
        screen = QGuiApplication.screenAt(area.center()) or QGuiApplication.primaryScreen()
        return _grabbed(screen, area, False)

    def _ask_portal(self, kind: str, done: Done) -> None:
        from assistant.desktop.portal import PortalRefused
        from assistant.desktop.portal_screenshot import portal_screenshot

        async def ask() -> None:
            try:
                raw = await portal_screenshot(kind != "screen", self.portal_bus or "SESSION")
            except PortalRefused as exc:
                done(Grab(None, str(exc)))
                return
            except (OSError, EOFError, KeyError, ValueError) as exc:
                done(Grab(None, QCoreApplication.translate(
                    "ScreenCapture", "Could not ask the desktop portal for a screenshot: {why}")
                    .format(why=str(exc) or type(exc).__name__)))
                return
            image = QImage.fromData(raw)
            done(Grab(image) if not image.isNull() else Grab(None, QCoreApplication.translate(
                "ScreenCapture", "The desktop's portal gave a file that is not a picture.")))
        self._task = asyncio.get_running_loop().create_task(ask())


def _grabbed(screen: QScreen | None, area: QRect | None, pick_region: bool) -> Grab:
    if screen is None:
        return Grab(None, QCoreApplication.translate("ScreenCapture",
                                                     "There is no screen to capture."))
    if area is None:
        pixmap = screen.grabWindow(0)
    else:
        origin = screen.geometry().topLeft()
        pixmap = screen.grabWindow(0, area.x() - origin.x(), area.y() - origin.y(),
                                   area.width(), area.height())
    image = pixmap.toImage()
    if image.isNull() or image.width() < 2:
        return Grab(None, QCoreApplication.translate(
            "ScreenCapture", "Nothing could be captured on this display ({platform}).").format(
                platform=QGuiApplication.platformName()))
    return Grab(image, pick_region=pick_region)


def _window_in_use(own: list[int]) -> QRect | None:
    """The focused top-level window if it is not ours, else the top-most other one (X11)."""
    if QGuiApplication.platformName() != "xcb":
        return None
    try:
        from Xlib import X, display, error
    except ImportError:
        return None
    try:
        screen = display.Display()
    except (error.DisplayError, OSError):
        return None
    try:
        root = screen.screen().root
        ours = {_top_level(screen.create_resource_object("window", w), root) for w in own}
        focus = screen.get_input_focus().focus
        candidates = [_top_level(focus, root)] if hasattr(focus, "id") else []
        candidates += reversed([w.id for w in root.query_tree().children
                                if w.get_attributes().map_state == X.IsViewable])
        chosen = next((w for w in candidates if w and w not in ours), None)
        if chosen is None:
            return None
        window = screen.create_resource_object("window", chosen)
        size = window.get_geometry()
        at = window.translate_coords(root, 0, 0)
        return QRect(-at.x, -at.y, size.width, size.height)
    except error.XError as exc:
        log.info("the window in use could not be found: %s", exc)
        return None
    finally:
        screen.close()


def _top_level(window: object, root: object) -> int:
    """The id of `window`'s ancestor that is a child of the root (its frame, under a WM)."""
    current = window
    while True:
        tree = current.query_tree()  # type: ignore[attr-defined]
        if tree.parent == 0 or tree.parent.id == root.id:  # type: ignore[attr-defined]
            return int(current.id)  # type: ignore[attr-defined]
        current = tree.parent


def _mac_may_record() -> bool:
    """CoreGraphics' check for the Screen Recording permission; asks for it when missing."""
    import ctypes
    import ctypes.util

    path = ctypes.util.find_library("CoreGraphics")
    if path is None:
        return True
    graphics = ctypes.cdll.LoadLibrary(path)
    graphics.CGPreflightScreenCaptureAccess.restype = ctypes.c_bool
    graphics.CGRequestScreenCaptureAccess.restype = ctypes.c_bool
    return bool(graphics.CGPreflightScreenCaptureAccess()
                or graphics.CGRequestScreenCaptureAccess())

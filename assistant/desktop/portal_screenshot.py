"""A screenshot on Wayland: the desktop portal's Screenshot interface, which asks the user.

Wayland lets no client read the screen; the portal takes the picture (after its own dialog, where
an interactive request also lets the user pick a window or an area) and answers with a file URI.
Spoken over D-Bus with jeepney on the app's loop, like the portal's global shortcuts.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QCoreApplication

from assistant.desktop import portal

INTERFACE = "org.freedesktop.portal.Screenshot"



async def portal_screenshot(interactive: bool, bus: str = "SESSION") -> bytes:
    """The picture's bytes (a PNG, as the portals write it). PortalRefused with a sentence when
    the user declines or the desktop has no such portal; OSError when its file cannot be read."""
    from jeepney import DBusErrorResponse
    from jeepney.io.asyncio import open_dbus_router

    try:
        async with open_dbus_router(bus=bus) as router:
            results = await portal.request(
                router, INTERFACE, "Screenshot", "sa{sv}", "",
                {"interactive": ("b", interactive), "modal": ("b", True)},
                declined=QCoreApplication.translate("PortalScreenshot",
                                                    "The screenshot was cancelled."),
                failed=QCoreApplication.translate("PortalScreenshot",
                                                  "The desktop could not take the screenshot."))
    except DBusErrorResponse as exc:
        raise portal.PortalRefused(QCoreApplication.translate(
            "PortalScreenshot", "This desktop's portal takes no screenshots ({why}).")
                                   .format(why=exc.name)) from None
    uri = str(results.get("uri", ("s", ""))[1])
    parts = urlsplit(uri)
    if parts.scheme != "file" or not parts.path:
        raise portal.PortalRefused(QCoreApplication.translate(
            "PortalScreenshot", "The desktop's portal gave no picture."))
    return Path(unquote(parts.path)).read_bytes()

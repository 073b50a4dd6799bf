"""Which global-shortcut backend this display gets (the backends import the interface, so the
choice lives apart from it)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication

from assistant.desktop.global_shortcut import GlobalShortcut, Shortcut, Unavailable


def global_shortcut_for(shortcut: Shortcut, platform_name: str,
                        env: dict[str, str] | None = None,
                        purpose: str = "push-to-talk") -> GlobalShortcut:
    """The backend for Qt's platform plugin (`QGuiApplication.platformName()`); `purpose` names
    the action where the desktop lists shortcuts (the portal)."""
    env = dict(os.environ) if env is None else env
    if platform_name == "xcb" and env.get("DISPLAY"):
        from assistant.desktop.x11_shortcut import X11Shortcut

        return X11Shortcut(shortcut, env["DISPLAY"])
    if platform_name.startswith("wayland"):
        from assistant.desktop.portal_shortcut import PortalShortcut

        return PortalShortcut(shortcut, purpose=purpose)
    if sys.platform == "darwin" and platform_name == "cocoa":
        from assistant.desktop.macos_shortcut import MacShortcut

        return MacShortcut(shortcut)
    if sys.platform == "win32" and platform_name == "windows":
        from assistant.desktop.windows_shortcut import WindowsShortcut

        return WindowsShortcut(shortcut)
    return Unavailable(shortcut, QCoreApplication.translate(
        "GlobalShortcut", "A global shortcut is not available on this display ({display}); the "
        "Space bar works in the window.").format(display=platform_name or "none"))

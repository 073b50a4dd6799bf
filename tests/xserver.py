"""A private X server (Xvfb) for what needs a real one: global shortcuts, the tray, focus.

`other_client()` opens a window of another process and gives it the input focus, so a test can
show that something works while another application is in front.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

TOOLS = ("Xvfb", "xdotool")
OTHER_CLIENT = """
import sys
from PySide6.QtWidgets import QApplication, QLineEdit
app = QApplication(sys.argv)
edit = QLineEdit()
edit.setWindowTitle("another application")
edit.show()
app.exec()
"""


def missing_x_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class PrivateX:
    def __init__(self, size: str = "1024x768") -> None:
        self.size = size                 # the screen, in pixels
        self.display = ""
        self._server: subprocess.Popen[bytes] | None = None
        self._clients: list[subprocess.Popen[bytes]] = []

    def start(self) -> PrivateX:
        read, write = os.pipe()
        self._server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{self.size}x24",
             "-nolisten", "tcp"],
            pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        assert number, "Xvfb did not start"
        self.display = f":{number}"
        return self

    def env(self) -> dict[str, str]:
        env = {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def xdotool(self, *args: str, timeout: float = 20) -> str:
        return subprocess.run(["xdotool", *args], env=self.env(), capture_output=True, text=True,
                              timeout=timeout, check=True).stdout

    def other_client(self) -> str:
        """Another process's window, focused; returns its X window id."""
        self._clients.append(subprocess.Popen([sys.executable, "-c", OTHER_CLIENT],
                                              env=self.env(), stderr=subprocess.DEVNULL))
        window = self.xdotool("search", "--sync", "--name", "^another application$").split()[0]
        self.xdotool("windowraise", window)
        deadline = time.monotonic() + 10
        while self._focused() != window:
            assert time.monotonic() < deadline, "the other client never got the focus"
            subprocess.run(["xdotool", "windowfocus", window], env=self.env(), check=False)
            time.sleep(0.05)
        return window

    def top_window(self) -> str:
        """The top-most mapped window, by the X server's own stacking order (no window manager
        here: each app's window is a child of the root)."""
        from Xlib import X, display

        screen = display.Display(self.display)
        try:
            shown = [w for w in screen.screen().root.query_tree().children
                     if w.get_attributes().map_state == X.IsViewable]
            return str(shown[-1].id) if shown else ""
        finally:
            screen.close()

    def _focused(self) -> str:
        return subprocess.run(["xdotool", "getwindowfocus"], env=self.env(), capture_output=True,
                              text=True).stdout.strip()

    def stop(self) -> None:
        for client in self._clients:
            client.terminate()
            client.wait(5)
        if self._server is not None:
            self._server.terminate()
            self._server.wait(5)

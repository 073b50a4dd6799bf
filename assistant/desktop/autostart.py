"""Start at login: a freedesktop autostart entry on Linux.

The entry runs the command this app was started with (the packaged binary, or the source
checkout's Python with -m assistant). macOS (a LaunchAgent) and Windows (the Run key) are left
to their release builds' installers; here `supported()` says so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

ENTRY_NAME = "voice-assistant.desktop"
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def autostart_folder(env: dict[str, str] | None = None) -> Path:
    env = dict(os.environ) if env is None else env
    config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    return Path(config) / "autostart"


def supported(platform: str = sys.platform) -> bool:
    return platform.startswith("linux")


def launch_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "assistant"]


def entry_text(command: list[str]) -> str:
    return ("[Desktop Entry]\nType=Application\nName=Voice Assistant\n"
            "Comment=A voice assistant for the OpenAI Realtime API\n"
            f"Exec={' '.join(exec_quote(arg) for arg in command)}\n"
            "Icon=voice-assistant\nTerminal=false\n"
            "X-GNOME-Autostart-enabled=true\n")


def exec_quote(arg: str) -> str:
    """One argument as the Desktop Entry spec's Exec key wants it: double quotes around what has
    reserved characters, a backslash before `"`, backtick, `$` and backslash, and, since the
    value is itself a string, every backslash doubled; `%` is written `%%`."""
    arg = arg.replace("%", "%%")
    if not arg or any(ch in arg for ch in RESERVED):
        for ch in ("\\", '"', "`", "$"):
            arg = arg.replace(ch, "\\" + ch)
        arg = f'"{arg}"'
    return arg.replace("\\", "\\\\")


def set_start_at_login(on: bool, folder: Path | None = None) -> str:
    """Write or remove the entry; returns a problem sentence, or "" when done."""
    if not supported():
        return QCoreApplication.translate("Autostart", "Starting at login is set by the "
                                          "installer on this system.")
    path = (folder or autostart_folder()) / ENTRY_NAME
    try:
        if on:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(entry_text(launch_command()), encoding="utf-8")
            temporary.replace(path)
        else:
            path.unlink(missing_ok=True)
    except OSError as exc:
        text = QCoreApplication.translate("Autostart", "Could not add the login entry {path}: "
                                          "{why}") if on else QCoreApplication.translate(
            "Autostart", "Could not remove the login entry {path}: {why}")
        return text.format(path=path, why=exc.strerror)
    return ""

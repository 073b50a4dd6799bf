"""Start at login: a freedesktop autostart entry on Linux, a LaunchAgent on macOS, the Run key
on Windows.

Each runs the command this app was started with (the packaged binary, or the source checkout's
Python with -m assistant). The Linux and macOS files are tested here; the Windows registry
value is written from Microsoft's documentation and built by the release workflow.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

ENTRY_NAME = "voice-assistant.desktop"
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def autostart_folder(env: dict[str, str] | None = None) -> Path:
    env = dict(os.environ) if env is None else env
    config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    return Path(config) / "autostart"


AGENT_NAME = "com.voice-assistant.plist"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def entry_path(platform: str = sys.platform, folder: Path | None = None) -> Path | None:
    """Where the login file goes (None on Windows: the registry holds it)."""
    if platform == "darwin":
        return (folder or Path.home() / "Library" / "LaunchAgents") / AGENT_NAME
    if platform == "win32":
        return None
    return (folder or autostart_folder()) / ENTRY_NAME


def agent_text(command: list[str]) -> str:
    import plistlib  # macOS's only: with its XML parser 0.65 MB resident (bench/import_cost.py)

    return plistlib.dumps({"Label": "com.voice-assistant", "ProgramArguments": command,
                           "RunAtLoad": True, "ProcessType": "Interactive"}).decode()


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


def set_start_at_login(on: bool, folder: Path | None = None,
                       platform: str = sys.platform) -> str:
    """Write or remove the login entry; returns a problem sentence, or "" when done."""
    path = entry_path(platform, folder)
    try:
        if path is None:
            _windows_run_key(on, subprocess.list2cmdline(launch_command()))
        elif on:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            command = launch_command()
            temporary.write_text(agent_text(command) if platform == "darwin"
                                 else entry_text(command), encoding="utf-8")
            temporary.replace(path)
        else:
            path.unlink(missing_ok=True)
    except (OSError, ImportError) as exc:       # ImportError: no registry off Windows
        text = QCoreApplication.translate("Autostart", "Could not add the login entry {path}: "
                                          "{why}") if on else QCoreApplication.translate(
            "Autostart", "Could not remove the login entry {path}: {why}")
        return text.format(path=path or RUN_KEY, why=getattr(exc, "strerror", None) or exc)
    return ""


def _windows_run_key(on: bool, command: str) -> None:
    winreg: Any = importlib.import_module("winreg")       # Windows only
    with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
        if on:
            winreg.SetValueEx(key, "Voice Assistant", 0, winreg.REG_SZ, command)
        else:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, "Voice Assistant")

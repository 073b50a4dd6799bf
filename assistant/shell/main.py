"""main(): command line, logging, the Qt application on a qasync loop, wiring, shutdown.

What only the app needs (asyncio, Qt) is imported once the command line has asked for the app:
`--version` and `--help` answer from the command line alone (asyncio and ssl are 55 ms of a
0.2 s answer; the one-file app's start is timed by `--version`).
"""

from __future__ import annotations

import logging
import os
import sys

from assistant.cli import parse_args

log = logging.getLogger(__name__)

NO_DISPLAY = ("No display found (DISPLAY and WAYLAND_DISPLAY are not set). To run without a "
              "screen, set QT_QPA_PLATFORM=offscreen.")


def display_problem(env: dict[str, str] | os._Environ[str] = os.environ,
                    platform: str = sys.platform) -> str | None:
    """The sentence to print instead of Qt's abort when there is nowhere to show a window."""
    if not platform.startswith("linux"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"):
        return None
    return NO_DISPLAY


UP_TO_DATE, NEWER, NOT_CHECKED = 0, 10, 1


def check_updates() -> int:
    """`--check-updates`, for scripts: one line (and how to update), and the exit code."""
    from assistant import __version__
    from assistant.updates.feed import check
    from assistant.updates.install_kind import how_to_update, install_kind

    checked = check(__version__)
    if checked.release is None:
        print(f"Could not check for updates: {checked.why}.", file=sys.stderr)
        return NOT_CHECKED
    release = checked.release
    if checked.outcome == "current":
        print(f"Voice Assistant {__version__} is up to date (the newest is {release.version}).")
        return UP_TO_DATE
    print(f"Voice Assistant {release.version} is available (this is {__version__}).")
    print(how_to_update(install_kind()).format(page=release.page or "the release page") + ".")
    if release.notes.strip():
        print("\nWhat is new:\n" + "\n".join(release.notes.strip().splitlines()[:30]))
    return NEWER


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.keyring_helper:                # the app asking its keyring (api_key_store.py)
        from assistant.app.account.keyring_helper import serve

        return serve()
    if args.check_updates:
        return check_updates()
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from assistant.shell.self_test import run

        return run()
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from assistant.logging_setup import setup_logging

    log_path = setup_logging()
    from assistant.audio.devices import scanned_now

    audio_backend = scanned_now()          # before Qt: the scan's plugins peak on a small process
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from assistant.shell.pyside_import_check import keep_no_sources

    keep_no_sources()                  # before the app's modules are imported
    import asyncio

    from assistant.app.runtime.event_loop import QtEventLoop
    from assistant.config import resource

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Voice Assistant")
    app.setOrganizationName("voice-assistant")
    app.setDesktopFileName("voice-assistant")      # Wayland's app id: the .desktop file's name
    app.setWindowIcon(QIcon(str(resource("voice-assistant.svg"))))
    app.setStyle("Fusion")
    app.setQuitOnLastWindowClosed(False)   # shut the session down first, then quit
    from PySide6.QtCore import QSettings

    from assistant.app.settings_file import load_settings
    from assistant.desktop.single_instance import SingleInstance, server_name
    from assistant.ui.i18n import install

    install(app, args.language or load_settings(QSettings()).language)

    instance = SingleInstance(server_name(QSettings().fileName()))
    if instance.hand_over(sys.argv[1:] if argv is None else argv):
        print("Voice Assistant is already running: its window was brought forward.")
        return 0
    instance.listen()
    loop = QtEventLoop(app)
    asyncio.set_event_loop(loop)
    from assistant.shell.app_shell import AppShell

    shell = AppShell(args, str(log_path), audio_backend=audio_backend)
    instance.arrived.connect(shell.tray_and_keys.arrived)
    loop.set_exception_handler(shell.on_loop_exception)
    sys.excepthook = shell.on_exception
    with loop:
        loop.run_until_complete(shell.run())
    instance.close()
    return 0

"""AppShell: builds the window, the controller and what they need; opens dialogs; shows an
unexpected error once, in a dialog with the details, after logging it."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import signal
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from assistant.app.account import api_key_store
from assistant.app.account.key_actions import KeyActions
from assistant.app.connection.cleartext import CleartextGuard, with_host
from assistant.app.connection.endpoints import EmbeddedDemo, Endpoints
from assistant.app.controller import Controller
from assistant.app.local_format import said
from assistant.app.runtime.gui_thread_gc import GuiThreadCollector
from assistant.app.runtime.loop_monitor import write_stats
from assistant.app.settings import Preferences, Settings
from assistant.app.settings_file import keep_private, load_settings, save_settings
from assistant.app.tool_use.mcp_tokens import load_tokens, save_tokens
from assistant.app.updates.watch import UpdateWatch
from assistant.config import history_path
from assistant.desktop.screen_capture import ScreenCapture
from assistant.modes import ConnectionState
from assistant.shell.tray_and_keys import TrayAndKeys
from assistant.store.history import History, integrity_problem
from assistant.ui.desktop_page import DesktopPage
from assistant.ui.error_dialog import ErrorDialog
from assistant.ui.key_dialog import KeyDialog
from assistant.ui.main_window import MainWindow
from assistant.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)
TALKING = (ConnectionState.RECORDING, ConnectionState.THINKING, ConnectionState.SPEAKING)
# Loaded only when what needs them is used (README, Performance: what each import costs); the
# stats file names those a run loaded, so a test holds the line.
ON_FIRST_USE = ("aiohttp", "aiortc", "av", "jsonschema", "pywebrtc_audio", "assistant.sim.server",
                "keyring")         # keyring: never, its own process asks it (api_key_store.py)


class AppShell:
    """Builds the window and controller, opens dialogs, and shows unexpected errors once."""

    def __init__(self, args: Any, log_path: str, audio_backend: Any = None,
                 settings_store: Any = None, history_file: Path | None = None) -> None:
        self.args, self.log_path = args, log_path
        self.store = keep_private(settings_store if settings_store is not None else QSettings())
        saved = load_settings(self.store)
        settings = saved.with_args(args)
        overrides = {name: value for name, value in vars(settings).items()
                     if value != getattr(saved, name)}

        def save(current: Settings) -> None:
            """Persist the user's changes, not the command line's values for this run."""
            kept = {name: getattr(saved, name) for name, value in overrides.items()
                    if getattr(current, name) == value}
            save_settings(self.store, dataclasses.replace(current, **kept))

        guard = CleartextGuard(self._ask_cleartext, self._allow_cleartext,
                               lambda sentence: self.controller.news.notice.emit(sentence))
        prefs = Preferences(settings, save)
        self.keys = KeyActions(prefs, guard)
        endpoints = Endpoints(self.keys.current, EmbeddedDemo, self.keys.client_secret, guard)
        kwargs = {"audio_backend": audio_backend} if audio_backend is not None else {}
        self.history = History.open(history_file or history_path())
        self.controller = Controller(prefs, endpoints, history=self.history, **kwargs)
        folder = (history_file or history_path()).parent
        self.controller.dictation.kept.folder = folder / "dictations"
        self.controller.interpreter.kept.folder = folder / "translations"
        if getattr(args, "save_transcript", None):
            self.controller.dictation.kept.name(Path(args.save_transcript).expanduser())
        self.window = MainWindow(self.controller)
        self.window.key_dialog_requested.connect(self.open_key_dialog)
        self.window.settings_requested.connect(self.open_settings)
        self.controller.news.key_rejected.connect(self.open_key_dialog)
        # Connected once; forwarded to whichever dialog is open now.
        self.keys.test_result.connect(self._on_key_test)
        self.keys.saved.connect(self._on_key_saved)
        self.keys.token_value_problem.connect(self.controller.news.notice)
        self.controller.audio.devices_changed.connect(self._on_devices)
        self.keyring_ok = False
        self.key_dialog: Any = None
        self.settings_dialog: Any = None
        self._error_open = False
        self._closed = asyncio.Event()
        self.window.closed.connect(self._closed.set)
        self.tray_and_keys = TrayAndKeys(self.controller, self.window)
        self.tray_and_keys.status.connect(self._on_desktop_status)    # to the open dialog
        self.tray_and_keys.screen_status.connect(self._on_screen_status)
        self.controller.showing.grabber = ScreenCapture()
        self.updates = UpdateWatch(prefs, lambda: self.controller.offline,
                                   self.controller.tasks.spawn, talking=lambda: (
                                       self.controller.state in TALKING))
        self.updates.available.connect(self.controller.news.update_available)
        self.updates.told.connect(self.controller.news.notice)
        self.tray_and_keys.wire_updates(self.updates)
        self.collector = GuiThreadCollector()
        self.collector.start()

    async def _ask_cleartext(self, host: str) -> bool:
        """The user's yes before a key goes to `host` unencrypted (No is the default)."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("AppShell", "Send your key unencrypted?"),
                          QCoreApplication.translate(
                              "AppShell", "{host} is reached over ws:// or http://: your key "
                              "and everything you say would cross the network in clear text, "
                              "readable by anyone on the way. Send them anyway, now and from "
                              "now on, to {host}?").format(host=host),
                          buttons.Yes | buttons.No, self.window)
        box.setObjectName("cleartextQuestion")
        box.setDefaultButton(buttons.No)
        answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

        def answered(result: int) -> None:
            if not answer.done():
                answer.set_result(result == buttons.Yes.value)
        box.finished.connect(answered)
        box.open()
        try:
            return await answer
        finally:
            box.deleteLater()

    def _allow_cleartext(self, host: str) -> None:
        c = self.controller
        c.apply_settings(dataclasses.replace(c.settings,
                                             cleartext_hosts=with_host(c.settings, host)))

    async def _check_history(self, path: Path) -> None:
        """The full integrity check reads every page: on a worker, after the window is up."""
        problem = await asyncio.to_thread(integrity_problem, path)
        if problem is not None:
            self.controller.news.notice.emit(said(problem))

    async def start(self) -> None:
        """Show the window and decide how to begin: offline demo, connect, or wait."""
        self.window.show()
        self.tray_and_keys.apply(self.controller.settings)       # the portal is asked on the loop
        self.controller.local_mcp.start()                         # the user's own MCP servers
        self.updates.start()                                      # once a day, if on
        if self.history.problem:
            self.controller.news.notice.emit(said(self.history.problem))
        elif self.history.path is not None:
            self.controller.tasks.spawn(self._check_history(self.history.path))
        settings = self.controller.settings
        organisation = bool(settings.token_server_url.strip()) and not self.args.offline
        # each asks the keyring's process (api_key_store.py), side by side; the connection
        # waits for the key and tokens only, the key dialog for whether a keyring is there too
        available = asyncio.ensure_future(asyncio.to_thread(api_key_store.keyring_available))
        tokens, (key, _) = await asyncio.gather(
            load_tokens(settings.mcp_servers),
            asyncio.to_thread(api_key_store.load, settings.key_account) if not organisation
            else asyncio.sleep(0, (None, "")))
        self.controller.tools.mcp_tokens.update(tokens)
        if organisation:
            self.controller.connect_(offline=False)     # the organisation's keys: no key here
        elif self.args.offline or not key:
            self.controller.connect_(offline=True)
        elif self.args.connect:
            self.controller.connect_(offline=False)
        self.keyring_ok = await available
        if not organisation and not key and not settings.first_run_done and not self.args.offline:
            settings.first_run_done = True
            self.controller.apply_settings(settings)
            self.open_key_dialog("")

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.window.close)
        stats = os.environ.get("VOICE_ASSISTANT_STATS")
        await self.start()
        await self._closed.wait()
        bridge = self.controller.audio.bridge      # (its hand-offs, before shutdown drops it)
        handed = list(bridge.outbox.latency_s) if stats and bridge is not None else []
        onsets = list(bridge.talk_over.onset_frames) if stats and bridge is not None else []
        self.controller.interpreter.flush()
        self.tray_and_keys.stop()
        self.updates.stop()
        await self.controller.shutdown()
        await self.controller.local_mcp.close()          # their processes end with the app
        if stats:
            echo = self.controller.audio.engine.echo
            write_stats(Path(stats), handed, echo_status=echo.status, echo_erle_db=echo.erle_db,
                        echo_rests=echo.rests, local_onsets=onsets,
                        loaded=[name for name in ON_FIRST_USE if name in sys.modules])

    def open_key_dialog(self, reason: str = "") -> None:
        if self.key_dialog is not None and self.key_dialog.isVisible():
            return
        dialog = KeyDialog(self.keyring_ok, reason, said(api_key_store.no_keyring_message()),
                           self.window)
        c = self.controller
        dialog.test_requested.connect(self.keys.test)
        dialog.save_requested.connect(self.keys.save)
        dialog.run_only_requested.connect(self._use_key_for_run)
        dialog.demo_requested.connect(lambda: c.connect_(offline=True)
                                      if not c.offline or c.session is None else None)
        self.key_dialog = dialog
        dialog.open()

    def _on_key_test(self, ok: bool, message: str) -> None:
        if self.key_dialog is not None:
            self.key_dialog.show_test_result(ok, message)

    def _on_key_saved(self, ok: bool, message: str) -> None:
        if self.key_dialog is not None:
            self.key_dialog.show_saved(ok, message)
        if ok:
            self.controller.connect_(offline=False)

    def _on_devices(self, inputs: list[str], outputs: list[str]) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.set_devices(inputs, outputs)

    def _on_desktop_status(self, text: str) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.desktop.show_status(text)

    def _on_screen_status(self, text: str) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.desktop.show_screen_status(text)

    def _use_key_for_run(self, key: str) -> None:
        self.keys.use_for_this_run(key)
        self.controller.connect_(offline=False)

    def open_settings(self) -> None:
        c = self.controller
        engine = c.audio.engine
        dialog = SettingsDialog(c.settings, [d.name for d in engine.devices("input")],
                                [d.name for d in engine.devices("output")], self.window,
                                [(t.name, t.title, t.side_effects) for t in c.tools.registry.all()],
                                set(c.tools.mcp_tokens),
                                DesktopPage(self.tray_and_keys.tray is not None,
                                            self.tray_and_keys.talk.text,
                                            self.tray_and_keys.show_key.text), c.local_mcp)
        dialog.applied.connect(c.apply_settings)
        dialog.applied.connect(self.tray_and_keys.apply)
        dialog.applied.connect(lambda s: self.window.select_turn_mode(s.turn_mode))
        dialog.rescan_requested.connect(c.rescan_devices)
        dialog.change_key_requested.connect(lambda: self.open_key_dialog(""))
        dialog.remove_key_requested.connect(self.keys.remove)
        dialog.mcp_tokens_entered.connect(lambda t: c.tasks.spawn(self._keep_tokens(t)))
        dialog.token_value_entered.connect(
            lambda account, value: c.tasks.spawn(self.keys.keep_token_value(account, value)))
        dialog.replies.set_preview_available(c.offline and c.session is not None)
        dialog.show_fixed(c.session.endpoint.fixed if c.session is not None else frozenset())
        dialog.preview_requested.connect(
            lambda voice, speed: c.tasks.spawn(c.audio.preview(voice, speed)))
        self.settings_dialog = dialog
        dialog.open()

    async def _keep_tokens(self, tokens: dict[str, str]) -> None:
        """New MCP tokens: used at once (the session is told), kept in the keyring."""
        self.controller.tools.mcp_tokens.update(tokens)
        self.controller.tools.declare_again()
        for problem in await save_tokens(tokens):
            self.controller.news.notice.emit(problem)

    # ---- unexpected errors: logged, then one dialog -------------------------------------------

    def on_exception(self, kind: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, exc, tb))
        if self._error_open:
            return
        self._error_open = True
        details = "".join(traceback.format_exception(kind, exc, tb))
        dialog = ErrorDialog(QCoreApplication.translate("AppShell", "An unexpected error "
                                                        "happened: {why}").format(why=exc),
                             details, self.log_path,
                             self.window)
        dialog.finished.connect(lambda _r: setattr(self, "_error_open", False))
        dialog.open()

    def on_loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if exc is None:
            log.warning("asyncio: %s", context.get("message"))
            return
        self.on_exception(type(exc), exc, exc.__traceback__)

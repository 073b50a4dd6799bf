"""The key in the keyring (and nowhere else), settings, unexpected errors, the command line."""

from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assistant.logging_setup import setup_logging
from assistant.modes import ConnectionState as State
from assistant.modes import TurnMode
from assistant.sim import SimServer
from tests.helpers import until
from tests.secrets_scan import leaks

KEY = "sk-test-secret-0123456789abcdefXYZ"


async def test_key_dialog_tests_and_stores_the_key_then_connects(make_shell, qtbot, tmp_path,
                                                                 memory_keyring):
    log_path = setup_logging(logging.DEBUG, tmp_path / "logs")
    async with SimServer(api_key=KEY, speed=20) as server:
        shell = await make_shell("--base-url", server.url)
        dialog = shell.key_dialog
        assert dialog is not None
        assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Password
        qtbot.mouseClick(dialog.show_box, Qt.MouseButton.LeftButton)
        assert dialog.key_edit.echoMode() == dialog.key_edit.EchoMode.Normal
        qtbot.keyClicks(dialog.key_edit, "sk-wrong-key-000000000000")
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        await until(lambda: "rejected the API key" in dialog.status.text(), message="rejected")
        dialog.key_edit.clear()
        qtbot.keyClicks(dialog.key_edit, KEY)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        await until(lambda: dialog.status.text().startswith("Connected to"), message="test ok")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: not dialog.isVisible(), message="dialog closes")
        assert memory_keyring == {("voice-assistant", "127.0.0.1"): KEY}
        await until(lambda: shell.controller.session is not None and not shell.controller.offline
                    and shell.controller.state == State.READY, message="connected with the key")
        assert not shell.window.banner.isVisible()
        shell.window.inspector_button.setChecked(True)
        shell.controller.send_text("is my key safe")
        await until(lambda: 'You said: "is my key safe".' in shell.window.transcript.turns())
        server.faults.drop_after_deltas = 1                  # a reconnect, logged and replayed
        shell.controller.send_text("and after a drop?")
        await until(lambda: shell.controller.keeper.reconnects == 1
                    and shell.controller.state == State.READY, message="reconnected")
        conversation = shell.controller.record.conversation or 0
        for suffix in ("md", "json"):
            shell.window.browser.export(conversation, str(tmp_path / f"export.{suffix}"))
        assert "is my key safe" in (tmp_path / "export.md").read_text()
        shell.controller.settings.instructions = "persist me"
        shell.controller.apply_settings(shell.controller.settings)
        await shell.controller.shutdown()
    logging.getLogger().handlers[-1].flush()
    settings_text = shell.store_path.read_text()
    log_text = log_path.read_text()
    assert "persist me" in settings_text                    # the settings file is written
    assert "-> session.update" in log_text                  # the log is really written
    for where, text in (("settings", settings_text), ("log", log_text),
                        ("inspector", shell.window.inspector.all_text()),
                        ("transcript", shell.window.transcript.toPlainText())):
        assert KEY not in text, where
    # every file the run wrote (settings, log, history database, exports), in any disguise
    assert leaks(KEY, tmp_path) == []
    assert {"settings.ini", "history.db", "export.md", "export.json"} <= \
        {p.name for p in tmp_path.iterdir()}


async def test_a_rejected_key_shows_the_error_and_asks_again(make_shell, memory_keyring):
    async with SimServer(api_key="the-right-one") as server:
        memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
        shell = await make_shell("--base-url", server.url, "--connect")
        await until(lambda: shell.controller.state == State.ERROR, message="error state")
        assert "rejected the API key (HTTP 401)" in shell.window.state_label.text()
        await until(lambda: shell.key_dialog is not None and shell.key_dialog.isVisible())
        assert "rejected the API key" in shell.window.state_label.text()


async def test_unreachable_endpoint_is_a_sentence(make_shell, memory_keyring):
    memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
    shell = await make_shell("--base-url", "ws://127.0.0.1:9/v1", "--connect")
    await until(lambda: shell.controller.state == State.ERROR, message="error state")
    assert "Cannot reach 127.0.0.1:9/v1" in shell.window.state_label.text()
    assert "Traceback" not in shell.window.transcript.toPlainText()


async def test_without_a_keyring_the_key_is_for_this_run_only(make_shell, qtbot, memory_keyring,
                                                               no_keyring):
    async with SimServer(api_key=KEY, speed=20) as server:
        shell = await make_shell("--base-url", server.url)
        dialog = shell.key_dialog
        assert dialog.save_button.text() == "Use for this run"
        assert "No system keyring" in " ".join(w.text() for w in dialog.findChildren(
            type(dialog.status)))
        qtbot.keyClicks(dialog.key_edit, KEY)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: shell.controller.session is not None
                    and not shell.controller.offline, message="connected for this run")
    assert KEY not in shell.store_path.read_text()
    assert memory_keyring == {}


async def test_settings_dialog_saves_and_lists_devices(make_shell, qtbot):
    shell = await make_shell("--offline")
    shell.open_settings()
    dialog = shell.settings_dialog
    assert dialog.general.input_device.itemText(1) == "Fake Microphone"
    assert dialog.general.output_device.itemText(1) == "Fake Speaker"
    dialog.replies.voice.setCurrentIndex(dialog.replies.voice.findData("cedar"))
    dialog.general.turn_mode.setCurrentIndex(dialog.general.turn_mode.findData("semantic_vad"))
    dialog.general.base_url.setText("wss://example.test/v1")
    listed = []
    shell.controller.audio.devices_changed.connect(lambda inputs, outputs: listed.append(inputs))
    dialog.rescan_requested.emit()
    await until(lambda: listed == [["Fake Microphone"]], message="devices listed")
    dialog._accept()
    assert shell.controller.settings.voice == "cedar"
    assert shell.window.mode_combo.currentData() == "semantic_vad"
    text = shell.store_path.read_text()
    assert "cedar" in text and "wss://example.test/v1" in text and "sk-" not in text


async def test_unexpected_error_gets_one_dialog_with_copyable_details(make_shell, qtbot,
                                                                     tmp_path):
    log_path = setup_logging(logging.INFO, tmp_path / "logs")
    shell = await make_shell("--offline")
    try:
        raise ValueError("boom in a slot")
    except ValueError as exc:
        shell.on_exception(ValueError, exc, exc.__traceback__)
        shell.on_exception(ValueError, exc, exc.__traceback__)      # a second one: logged only
    dialogs = [w for w in QApplication.topLevelWidgets()
               if w.windowTitle() == "Something went wrong" and w.isVisible()]
    assert len(dialogs) == 1
    copy = next(b for b in dialogs[0].findChildren(type(shell.window.send_button))
                if b.text() == "Copy details")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert "ValueError: boom in a slot" in QApplication.clipboard().text()
    dialogs[0].close()
    logging.getLogger().handlers[-1].flush()
    assert log_path.read_text().count("ValueError: boom in a slot") == 2   # both were logged


async def test_changing_the_endpoint_while_connected_says_when_it_applies(make_shell, qtbot):
    shell = await make_shell("--offline")
    await until(lambda: shell.controller.session is not None)
    changed = dataclasses.replace(shell.controller.settings, model="gpt-realtime-mini")
    shell.controller.apply_settings(changed)
    assert "apply when you reconnect" in shell.window.statusBar().currentMessage()


def test_without_a_display_it_says_so_instead_of_aborting():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([sys.executable, "-m", "assistant"], env=env, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip() == ("No display found (DISPLAY and WAYLAND_DISPLAY are not set). "
                                  "To run without a screen, set QT_QPA_PLATFORM=offscreen.")


def test_version_and_help_work_anywhere():
    version = subprocess.run([sys.executable, "-m", "assistant", "--version"],
                             capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("assistant 0.1.0")
    helptext = subprocess.run([sys.executable, "-m", "assistant", "--help"],
                              capture_output=True, text=True, timeout=60).stdout
    for option in ("--base-url", "--model", "--dialect", "--mode", "--connect", "--offline",
                   "--input-device", "--output-device"):
        assert option in helptext


def test_version_answers_without_loading_the_app():
    """The one-file app's start is timed by `--version`: it must not pay for asyncio or Qt."""
    probe = ("import sys\nfrom assistant.shell.main import main\n"
             "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in ('asyncio', 'ssl', 'PySide6') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["assistant 0.1.0", "[]"]


async def test_reopening_the_key_dialog_saves_and_connects_once(make_shell, qtbot):
    async with SimServer(api_key=KEY, speed=20) as server:
        shell = await make_shell("--base-url", server.url)
        # the offline demo (also on 127.0.0.1) connects first; count only what saving starts
        await until(lambda: shell.controller.session is not None and shell.controller.offline,
                    message="offline demo up")
        shell.key_dialog.reject()
        shell.open_key_dialog("")
        connects = []
        shell.controller.news.state_changed.connect(
            lambda state, detail: connects.append(detail) if detail.startswith(
                "Connecting to") else None)
        qtbot.keyClicks(shell.key_dialog.key_edit, KEY)
        qtbot.mouseClick(shell.key_dialog.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: shell.controller.state == State.READY
                    and not shell.controller.offline, message="connected")
        assert len(connects) == 1


async def test_command_line_values_are_for_this_run_only(make_shell):
    shell = await make_shell("--offline", "--model", "gpt-cli-only", "--mode", "server_vad",
                             start=False)
    settings = shell.controller.settings
    assert (settings.model, settings.turn_mode) == ("gpt-cli-only", "server_vad")
    shell.controller.apply_settings(dataclasses.replace(settings, voice="ash"))
    shell.controller.set_turn_mode(TurnMode.SEMANTIC_VAD)         # the user's own choice: kept
    stored = shell.store_path.read_text()
    assert "voice=ash" in stored and "turn_mode=semantic_vad" in stored
    assert "gpt-cli-only" not in stored


def test_a_settings_file_with_unknown_choices_loads_the_defaults(tmp_path):
    from PySide6.QtCore import QSettings

    from assistant.app.settings import Settings
    from assistant.app.settings_file import load_settings

    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    for name, value in (("dialect", "klingon"), ("auth", "magic"), ("turn_mode", "telepathy"),
                        ("eagerness", "eager"), ("vad_silence_ms", "soon"), ("model", "m-1")):
        store.setValue(name, value)
    loaded = load_settings(store)
    defaults = Settings()
    fields = ("dialect", "auth", "turn_mode", "eagerness", "vad_silence_ms")
    assert [getattr(loaded, f) for f in fields] == [getattr(defaults, f) for f in fields]
    assert loaded.model == "m-1"                          # free text is kept as it is


async def test_echo_cancellation_is_a_setting_and_the_events_panel_shows_it(make_shell, qtbot):
    shell = await make_shell("--offline")
    engine = shell.controller.audio.engine
    await until(lambda: engine.capture is not None and engine.playback is not None,
                message="the devices open")
    assert engine.canceller is not None and engine.echo.status == "on"   # auto, on speakers
    shell.window.inspector_button.setChecked(True)
    assert shell.window.inspector.echo_line.text() == "Echo cancellation: on"
    shell.open_settings()
    dialog = shell.settings_dialog
    dialog.general.echo_cancellation.setCurrentIndex(dialog.general.echo_cancellation.findData("off"))
    dialog._accept()
    await until(lambda: engine.playback is not None and engine.echo.status == "off (Settings)",
                message="the devices reopen without the canceller")
    assert engine.canceller is None and engine.capture.canceller is None
    await until(lambda: "off (Settings)" in shell.window.inspector.echo_line.text(), timeout=3,
                message="the panel follows")
    assert "echo_cancellation=off" in shell.store_path.read_text()

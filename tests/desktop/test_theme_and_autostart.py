"""Colours readable in both schemes; the autostart entry; one instance per user."""

from __future__ import annotations

import os
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtNetwork import QLocalServer

from assistant.desktop import autostart
from assistant.desktop.single_instance import SingleInstance, server_name
from assistant.ui.theme import DARK, LIGHT, contrast

# (foreground, background) pairs as the widgets draw them.
PAIRS = [(fg, "base") for fg in ("text", "muted", "user", "assistant", "notice", "error", "ok",
                                 "link")] + [("text", "window"), ("muted", "window"),
                                             ("error", "window"), ("ok", "window"),
                                             ("on_accent", "accent"),
                                             ("on_accent", "accent_pressed"),
                                             ("text", "accent_disabled"),
                                             ("banner_text", "banner")]


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(("fg", "bg"), PAIRS)
def test_every_colour_reads_on_its_background_in_both_schemes(colors, fg, bg):
    ratio = contrast(getattr(colors, fg), getattr(colors, bg))
    assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}:1"


def test_the_contrast_ratio_is_wcags():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def unquote_exec(value: str) -> list[str]:
    """The Desktop Entry spec's reading of an Exec value (string escapes, then quoting)."""
    value = value.replace("\\\\", "\\")
    args, current, quoted, i, started = [], "", False, 0, False
    while i < len(value):
        ch = value[i]
        if quoted and ch == "\\" and i + 1 < len(value):
            current, i = current + value[i + 1], i + 2
            continue
        if ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if started:
                args.append(current)
            current, started = "", False
        else:
            current, started = current + ch, True
        i += 1
    if started:
        args.append(current)
    return [arg.replace("%%", "%") for arg in args]


@given(st.lists(st.text(st.characters(min_codepoint=32, max_codepoint=126) | st.just("é"),
                        min_size=0, max_size=12), min_size=1, max_size=4))
def test_the_exec_line_gives_back_each_argument(command):
    line = " ".join(autostart.exec_quote(arg) for arg in command)
    assert unquote_exec(line) == command


def test_start_at_login_writes_and_removes_the_autostart_entry(tmp_path):
    assert autostart.set_start_at_login(True, tmp_path) == ""
    entry = (tmp_path / autostart.ENTRY_NAME).read_text()
    assert "Type=Application" in entry and "X-GNOME-Autostart-enabled=true" in entry
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert unquote_exec(exec_line[5:]) == autostart.launch_command()
    assert autostart.set_start_at_login(False, tmp_path) == ""
    assert not (tmp_path / autostart.ENTRY_NAME).exists()


def test_the_entry_starts_the_app(tmp_path):
    """What the desktop runs at login: the Exec line, as a shell reads the spec's quoting."""
    autostart.set_start_at_login(True, tmp_path)
    exec_line = next(line for line in (tmp_path / autostart.ENTRY_NAME).read_text().splitlines()
                     if line.startswith("Exec="))
    done = subprocess.run([*unquote_exec(exec_line[5:]), "--version"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "assistant" in done.stdout


def test_an_unwritable_autostart_folder_is_a_sentence(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    problem = autostart.set_start_at_login(True, blocker / "autostart")
    assert problem.startswith("Could not add the login entry")


def test_the_autostart_folder_follows_xdg():
    assert str(autostart.autostart_folder({"XDG_CONFIG_HOME": "/x"})) == "/x/autostart"
    assert str(autostart.autostart_folder({"HOME": "/h"})) == "/h/.config/autostart"


def test_a_second_launch_hands_its_arguments_to_the_first(qtbot, tmp_path):
    name = server_name(str(tmp_path / "settings.conf"))
    first, second = SingleInstance(name), SingleInstance(name)
    assert not second.hand_over(["--connect"])          # nobody running yet
    assert first.listen()
    try:
        with qtbot.waitSignal(first.arrived) as arrived:
            assert second.hand_over(["--connect", "--mode", "ptt"])
        assert arrived.args == [["--connect", "--mode", "ptt"]]
    finally:
        first.close()


def test_another_settings_file_is_another_instance(tmp_path):
    assert server_name(str(tmp_path / "a.conf")) != server_name(str(tmp_path / "b.conf"))


def test_a_crashed_instances_socket_is_taken_over(qtbot, tmp_path):
    name = server_name(str(tmp_path / "crashed.conf"))
    leftover = QLocalServer()
    assert leftover.listen(name)
    path = leftover.fullServerName()
    os.dup(leftover.socketDescriptor())          # keep the file when the server object goes
    leftover.close()
    open(path, "w").close()                      # a socket file nobody answers on
    first = SingleInstance(name)
    try:
        assert first.listen()
        with qtbot.waitSignal(first.arrived):
            assert SingleInstance(name).hand_over([])
    finally:
        first.close()


def test_garbage_on_the_socket_is_ignored(qtbot, tmp_path, caplog):
    from PySide6.QtNetwork import QLocalSocket

    name = server_name(str(tmp_path / "garbage.conf"))
    first = SingleInstance(name)
    assert first.listen()
    got: list[list[str]] = []
    first.arrived.connect(got.append)
    try:
        socket = QLocalSocket()
        socket.connectToServer(name)
        assert socket.waitForConnected(1000)
        socket.write(b'{"not": "a list"}\n')
        socket.waitForBytesWritten(1000)
        qtbot.waitUntil(lambda: "not a command line" in caplog.text)
    finally:
        first.close()
    assert got == []


def test_on_macos_start_at_login_is_a_launch_agent(tmp_path):
    import plistlib

    assert autostart.set_start_at_login(True, tmp_path, platform="darwin") == ""
    agent = plistlib.loads((tmp_path / autostart.AGENT_NAME).read_bytes())
    assert agent["ProgramArguments"] == autostart.launch_command() and agent["RunAtLoad"]
    assert autostart.set_start_at_login(False, tmp_path, platform="darwin") == ""
    assert not (tmp_path / autostart.AGENT_NAME).exists()


def test_on_windows_a_registry_that_refuses_is_a_sentence():
    problem = autostart.set_start_at_login(True, platform="win32")    # no winreg here
    assert problem.startswith("Could not add the login entry") and "Run" in problem

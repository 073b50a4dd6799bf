"""Dictation and live translation through the whole window against the embedded server, with
speech on the (in-memory) microphone: segments with their times, saved as text and SRT, in both
dialects and with push-to-talk; translated speech played, both transcripts shown; every event
checked against the openai package's types."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication

from assistant.sim import SimServer
from tests.helpers import WireLog, speech, until
from tests.ui.conftest import mic_pcm

KEY = "sk-test-dictation-0123456789"


@pytest.fixture
async def server():
    """Stopped after the app has shut down (set up before make_shell, so torn down after)."""
    async with SimServer(api_key=KEY, speed=20) as sim:
        sim.on_wire = sim.wire = WireLog()
        yield sim


async def started(make_shell, memory_keyring, server: SimServer, *args: str):
    memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
    shell = await make_shell("--base-url", server.url, "--connect", *args)
    await until(lambda: shell.controller.session is not None
                and shell.controller.session.configured, message="connected")
    return shell


def beta_era_transcription(folder) -> None:
    """A beta endpoint serves the transcription models of its time (its types list no other)."""
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("transcription_model", "gpt-4o-mini-transcribe")
    store.sync()


def say(shell, text: str) -> None:
    shell.fake.stream("input").push(mic_pcm(speech(text)))


async def test_dictation_segments_with_times_saved_as_text_and_srt(server, make_shell,
                                                                   memory_keyring, tmp_path):
    wire = server.wire
    shell = await started(make_shell, memory_keyring, server, "--session-mode",
                          "dictation", "--mode", "server_vad")
    assert server.connections[0].conversation.kind == "transcription"
    view = shell.window.views.dictation
    assert shell.window.views.currentWidget() is view
    say(shell, "first we write this down")
    await until(lambda: "s of speech)" in view.text.toPlainText(), message="a segment")
    say(shell, "and then a second thought")
    await until(lambda: len([s for s in shell.controller.dictation.ordered() if s.final])
                == 2, message="two segments")
    lines = view.text.toPlainText().splitlines()
    assert len(lines) == 2 and all(re.match(r"\[\d\d:\d\d\.\d\]  \(", line) for line in lines)
    first, second = shell.controller.dictation.ordered()
    assert 0 <= first.start_ms < first.end_ms <= second.start_ms < second.end_ms
    view.save_requested.emit(str(tmp_path / "notes.txt"))
    view.save_requested.emit(str(tmp_path / "notes.srt"))
    text = (tmp_path / "notes.txt").read_text()
    srt = (tmp_path / "notes.srt").read_text()
    assert text.count("s of speech)") == 2
    assert re.match(r"1\n00:00:\d\d,\d{3} --> 00:00:\d\d,\d{3}\n\(\d\.\d s of speech\)\n\n2\n",
                    srt), srt
    assert "Saved notes.srt." in shell.window.statusBar().currentMessage()
    view.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    [kept] = (tmp_path / "dictations").iterdir()           # kept as it was spoken, unasked
    assert kept.read_text() == text and str(kept) in view.status.text()
    updates = [e for d, e, _ in wire.events if d == "in" and e["type"] == "session.update"]
    assert updates[0]["session"]["type"] == "transcription"
    assert "response.create" not in wire.types("in")
    wire.check()


async def test_dictation_on_a_beta_endpoint_with_push_to_talk(server, make_shell, memory_keyring,
                                                              qtbot, tmp_path):
    wire = server.wire
    beta_era_transcription(tmp_path)
    shell = await started(make_shell, memory_keyring, server, "--session-mode",
                          "dictation", "--dialect", "beta", "--mode", "ptt")
    qtbot.mousePress(shell.window.ptt_button, Qt.MouseButton.LeftButton)
    say(shell, "a note by push to talk")
    mic = shell.fake.stream("input")
    await until(lambda: mic.pending_bytes == 0, message="spoken")
    qtbot.mouseRelease(shell.window.ptt_button, Qt.MouseButton.LeftButton)
    await until(lambda: [s for s in shell.controller.dictation.ordered() if s.final],
                message="the segment")
    assert "transcription_session.update" in wire.types("in")
    assert "input_audio_buffer.commit" in wire.types("in")
    wire.check()


async def test_translation_plays_the_translated_speech_and_shows_both_sides(
        server, make_shell, memory_keyring, tmp_path):
    wire = server.wire
    shell = await started(make_shell, memory_keyring, server, "--session-mode",
                          "translation", "--mode", "server_vad")
    assert server.connections[0].conversation.kind == "translation"
    view = shell.window.views.interpreter
    say(shell, "where is the railway station please")
    await until(lambda: "speech." in view.target.toPlainText(), message="translated")
    assert "s of speech)" in view.source.toPlainText()
    assert view.target.toPlainText().startswith("Translated into es:")
    assert "Translation (es)" in view.target_label.text()
    out = shell.fake.stream("output")
    await until(lambda: out.played and np.abs(np.frombuffer(b"".join(out.played),
                                                            np.int16)).max() > 3000,
                message="translated speech played")
    view.save_requested.emit(str(tmp_path / "trip.txt"))
    saved = (tmp_path / "trip.txt").read_text()
    assert saved.startswith("What was said:\n(")
    assert "Translation (es):\nTranslated into es" in saved
    shell.controller.new_conversation()                      # a new translation: the old kept
    [kept] = (tmp_path / "translations").iterdir()
    assert kept.read_text() == saved
    kinds = wire.types("in")
    assert "session.input_audio_buffer.append" in kinds
    assert "input_audio_buffer.append" not in kinds
    wire.check()


async def test_switching_modes_reconnects_with_the_right_kind_of_session(server, make_shell,
                                                                         memory_keyring):
    shell = await started(make_shell, memory_keyring, server)
    combo = shell.window.session_mode_combo
    for index, kind in ((1, "transcription"), (2, "translation"), (0, "realtime")):
        first = server.connections[0] if server.connections else None
        combo.setCurrentIndex(index)
        await until(lambda first=first: server.connections
                    and server.connections[0] is not first
                    and shell.controller.session is not None
                    and shell.controller.session.configured, message=kind)
        assert server.connections[0].conversation.kind == kind
        assert shell.window.views.currentIndex() == index
    assert shell.controller.settings.session_mode == "conversation"


async def test_the_settings_tab_sets_language_and_noise_reduction(server, make_shell,
                                                                  memory_keyring):
    shell = await started(make_shell, memory_keyring, server, "--session-mode", "translation")
    shell.window.settings_requested.emit()
    dialog = shell.settings_dialog
    dialog.translation_language.setText("de")
    dialog.replies.noise.setCurrentIndex(dialog.replies.noise.findData("off"))
    dialog._accept()
    assert "reconnect" in shell.window.statusBar().currentMessage()
    shell.controller.connect_()
    await until(lambda: len([e for d, e, _ in server.wire.events if d == "in"
                             and e["type"] == "session.update"]) == 2, message="reconnected")
    update = [e for d, e, _ in server.wire.events if d == "in"
              and e["type"] == "session.update"][-1]["session"]["audio"]
    assert update["output"]["language"] == "de" and update["input"]["noise_reduction"] is None
    assert "Translation (de)" in shell.window.views.interpreter.target_label.text()

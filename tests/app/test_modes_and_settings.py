"""Each state and mode has one spelling (assistant.modes); what earlier versions wrote in the
settings file or on a command line is read as the same choice, and anything else falls back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from assistant.app.settings import Settings
from assistant.app.settings_file import load_settings, save_settings
from assistant.cli import parse_args
from assistant.modes import EchoMode, SessionMode, TurnMode


def test_old_spellings_in_the_settings_file_are_the_same_choices(tmp_path):
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    for name, value in (("mode", "none"), ("session_mode", "translation"),
                        ("echo_cancellation", "loud"), ("eagerness", "high")):
        store.setValue(name, value)
    loaded = load_settings(store)
    assert loaded.turn_mode is TurnMode.PUSH_TO_TALK
    assert loaded.session_mode is SessionMode.INTERPRETER
    assert loaded.echo_cancellation is EchoMode.AUTO          # unknown: the default
    assert loaded.eagerness == "high"
    save_settings(store, loaded)
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert (again.value("turn_mode"), again.value("session_mode")) == ("push_to_talk",
                                                                   "interpreter")
    assert again.value("mode") is None                      # the old name goes on saving
    assert load_settings(again) == loaded


def test_the_command_line_takes_the_one_spelling_and_the_old_one():
    args = parse_args(["--mode", "ptt", "--session-mode", "translation",
                       "--echo-cancellation", "off"])
    assert (args.turn_mode, args.session_mode, args.echo_cancellation) == (
        TurnMode.PUSH_TO_TALK, SessionMode.INTERPRETER, EchoMode.OFF)
    settings = Settings().with_args(parse_args(["--mode", "semantic_vad"]))
    assert settings.turn_mode is TurnMode.SEMANTIC_VAD and settings.turn_detection().to_wire()
    with pytest.raises(SystemExit):
        parse_args(["--mode", "sometimes"])


def test_push_to_talk_sends_no_turn_detection():
    assert Settings(turn_mode=TurnMode.PUSH_TO_TALK).turn_detection().to_wire() is None
    server = Settings(turn_mode=TurnMode.SERVER_VAD).turn_detection().to_wire()
    assert server is not None and server["type"] == "server_vad"


def test_the_dictation_language_and_prompt_of_an_older_file_become_every_modes(tmp_path):
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("dictation_language", "de")
    store.setValue("dictation_prompt", "Zürich, Grüezi")
    loaded = load_settings(store)
    assert (loaded.transcription_language, loaded.transcription_prompt) == ("de",
                                                                            "Zürich, Grüezi")
    wire = loaded.session_settings().transcription.to_wire()
    assert wire == {"model": loaded.transcription_model, "language": "de",
                    "prompt": "Zürich, Grüezi"}
    save_settings(store, loaded)
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert again.value("dictation_language") is None and again.value("transcription_language")


def test_hand_edited_reply_settings_are_held_within_what_the_service_takes():
    from tests.oracle import validate

    wild = Settings(speed=9.0, max_output_tokens=99_999, idle_timeout_s=2, retention_ratio=7.0,
                    truncation="retention_ratio", prompt_id="pmpt_1",
                    prompt_variables="not json", tool_choice="  ",
                    transcription_model="gpt-realtime-whisper", transcription_prompt="words")
    session = wild.session_settings()
    assert (session.speed, session.max_output_tokens, session.retention_ratio) == (1.5, 4096, 1.0)
    assert session.tool_choice == "auto" and session.prompt.variables == {}
    assert Settings(turn_mode=TurnMode.SERVER_VAD, idle_timeout_s=2).turn_detection() \
        .idle_timeout_ms == 5000
    from assistant.realtime.session_config import build_session

    wire = build_session(session)
    assert "prompt" not in wire["audio"]["input"]["transcription"]    # whisper takes none
    validate({"type": "session.update", "session": wire}, "client")

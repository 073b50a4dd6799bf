"""The window against a fake of the app's face (`app.model`): it renders the news it hears and
turns the user's input into intents, and needs nothing else of the app. mypy checks that the
fake is an `AppModel`, as it checks the real controller where the shell builds the window."""

from __future__ import annotations

from pathlib import Path

from mypy import api as mypy
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from assistant.app.model import ToolCall
from assistant.modes import ConnectionState, SessionMode, TurnMode

ROOT = Path(__file__).resolve().parents[2]


def test_the_state_heard_is_rendered(window):
    window, model = window
    assert not window.ptt_button.isEnabled()
    model.news.state_changed.emit(ConnectionState.READY, "offline demo")
    assert window.ptt_button.isEnabled() and window.connect_button.text() == "Disconnect"
    assert window.state_label.text().startswith("Ready")
    model.news.state_changed.emit(ConnectionState.ERROR, "refused")
    assert not window.ptt_button.isEnabled() and window.connect_button.text() == "Connect"


def test_talking_connecting_and_choosing_modes_are_intents(window, qtbot):
    window, model = window
    model.news.state_changed.emit(ConnectionState.READY, "")
    qtbot.mousePress(window.ptt_button, Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(window.ptt_button, Qt.MouseButton.LeftButton)
    window.connect_button.click()                  # the model still says disconnected
    window.mode_combo.setCurrentIndex(window.mode_combo.findData(TurnMode.SEMANTIC_VAD))
    QTest.keySequence(window, QKeySequence("Ctrl+2"))
    calls = model.asked.calls
    assert model.asked.names()[:3] == ["ptt_press", "ptt_release", "connect_"]
    assert ("set_turn_mode", (TurnMode.SEMANTIC_VAD,)) in calls
    assert ("set_session_mode", (SessionMode.DICTATION,)) in calls
    assert all(type(args[0]) in (TurnMode, SessionMode) for name, args in calls
               if name.startswith("set_"))          # the enums, not the combo's strings
    model.news.session_mode_changed.emit(SessionMode.DICTATION)
    assert window.views.currentWidget() is window.views.dictation


def test_the_conversation_heard_is_shown_and_a_typed_line_is_sent(window):
    window, model = window
    model.news.turn_started.emit("user", "item_1")
    model.news.user_text.emit("item_1", "what time is it", True)
    model.news.turn_started.emit("assistant", "item_2")
    model.news.assistant_text.emit("item_2", "noon", False)
    assert window.transcript.turns() == ["what time is it", "noon"]
    window.text_edit.setText("hello there")
    QTest.keyClick(window.text_edit, Qt.Key.Key_Return)
    assert ("send_text", ("hello there",)) in model.asked.calls and not window.text_edit.text()


def test_a_tool_asking_shows_the_question_and_the_answer_is_an_intent(window):
    window, model = window
    model.tools.consent_needed.emit(ToolCall("call_1", "read_clipboard", "{}"))
    assert window.consent.isVisible()
    window.consent.allow_button.click()
    assert ("answer", ("call_1", True, False)) in model.asked.calls


def test_the_fake_and_the_controller_are_both_app_models(tmp_path, monkeypatch):
    probe = tmp_path / "probe.py"
    probe.write_text("from assistant.app.controller import Controller\n"
                     "from assistant.app.model import AppModel\n"
                     "from tests.ui.fake_model import FakeModel\n\n\n"
                     "def check(fake: FakeModel, real: Controller) -> list[AppModel]:\n"
                     "    return [fake, real]\n")
    monkeypatch.chdir(ROOT)
    out, err, status = mypy.run(["--follow-imports=silent", "--cache-dir", str(tmp_path),
                                 str(probe)])
    assert status == 0, out + err
    broken = probe.read_text().replace("[fake, real]", "[fake, real, object()]")
    probe.write_text(broken)                  # the check can fail: a non-model is refused
    out, _err, status = mypy.run(["--follow-imports=silent", "--cache-dir", str(tmp_path),
                                  str(probe)])
    assert status == 1 and "AppModel" in out

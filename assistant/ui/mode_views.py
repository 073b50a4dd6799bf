"""The conversation, dictation and translation views, one shown at a time by session mode;
their Save intents go to the app's logs, and a disk that says no is said in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStackedWidget

from assistant.app.model import AppModel
from assistant.modes import SessionMode
from assistant.ui.conversation_pane import ConversationPane
from assistant.ui.dictation_view import DictationView
from assistant.ui.interpreter_view import InterpreterView


class ModeViews(QStackedWidget):
    def __init__(self, controller: AppModel, tell: Callable[[str], None]) -> None:
        super().__init__()
        self.controller = controller
        self.conversation = ConversationPane(controller)
        self.dictation = DictationView(controller.dictation)
        self.interpreter = InterpreterView(controller.interpreter)
        for view in (self.conversation, self.dictation, self.interpreter):
            self.addWidget(view)
        self.dictation.save_requested.connect(
            lambda path: self._saved(path, controller.dictation.save(Path(path)), tell))
        self.interpreter.save_requested.connect(
            lambda path: self._saved(path, controller.interpreter.save(Path(path)), tell))
        controller.news.session_mode_changed.connect(self.show_mode)
        controller.news.state_changed.connect(self._on_state)   # a bound method: Qt disconnects it
        # when this widget goes, as it cannot a lambda (the controller outlives the window)
        self.show_mode(controller.settings.session_mode)

    def show_mode(self, mode: SessionMode) -> None:
        self.setCurrentIndex(list(SessionMode).index(mode))
        self._show_language()

    def _on_state(self, _state: object, _detail: str) -> None:
        self._show_language()                  # the settings may have changed the language

    def _show_language(self) -> None:
        self.interpreter.set_language(self.controller.settings.translation_language)

    @staticmethod
    def _saved(path: str, problem: str | None, tell: Callable[[str], None]) -> None:
        tell(problem or QCoreApplication.translate("ModeViews", "Saved {name}.").format(
            name=Path(path).name))

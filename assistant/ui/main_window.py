"""The main window: status, mode, conversation, meters, push-to-talk. It renders the
controller's state and forwards the user's intents; it does no I/O of its own."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assistant.app.model import AppModel
from assistant.modes import ConnectionState, SessionMode, TurnMode
from assistant.ui.a11y import describe
from assistant.ui.event_inspector import EventInspector
from assistant.ui.history_panel import HistoryPanel
from assistant.ui.mode_views import ModeViews
from assistant.ui.space_to_talk import SpaceToTalk
from assistant.ui.state_bar import StateBar
from assistant.ui.talk_controls import TalkControls
from assistant.ui.theme import Colors, theme
from assistant.ui.words import SESSION_MODE_WORDS, TURN_MODE_WORDS, translated


def window_style(c: Colors) -> str:
    return f"""
QPushButton#ptt {{ font-size: 16px; font-weight: 600; min-height: 56px; border-radius: 10px;
                  background: {c.accent}; color: {c.on_accent}; border: none; }}
QPushButton#ptt:pressed, QPushButton#ptt[held="true"] {{ background: {c.accent_pressed}; }}
QPushButton#ptt:disabled {{ background: {c.accent_disabled}; color: {c.text}; }}
QPushButton#ptt:focus {{ border: 3px solid {c.text}; }}
QLabel#banner {{ background: {c.banner}; color: {c.banner_text}; padding: 6px 10px;
                border-radius: 6px; }}
QLabel#state {{ font-weight: 600; }}
"""


class MainWindow(QMainWindow):
    closed = Signal()
    hidden_to_tray = Signal()
    key_dialog_requested = Signal(str)
    settings_requested = Signal()

    def __init__(self, model: AppModel) -> None:
        super().__init__()
        self.controller, self.browser = model, model.history
        self.close_to_tray = False          # the tray is there and the setting asks for it
        self.state = ConnectionState.DISCONNECTED
        self.setWindowTitle(self.tr("Voice Assistant"))
        self.resize(980, 680)
        theme().keep_style(self, window_style)
        self._build()
        self._wire()
        self._shortcuts()
        self.render_state(ConnectionState.DISCONNECTED,
                          self.tr("Disconnected: press Connect (Ctrl+K)."))
        self.space = SpaceToTalk(self, self.ptt_button, self._ptt_down, self._ptt_up)

    # ---- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.state_bar = StateBar()
        bar = self.state_bar
        self.state_dot, self.state_label, self.retry_button = bar.icon, bar.label, bar.retry_button
        self.connect_button = QPushButton(self.tr("Connect"))
        self.session_mode_combo = QComboBox()
        for value, label in SESSION_MODE_WORDS.items():
            self.session_mode_combo.addItem(translated(label), value)
        describe(self.session_mode_combo, self.tr("Talk with the model, dictate, or have what "
                                                  "you say translated aloud (Ctrl+1, 2, 3)"),
                 self.tr("Session mode"))
        self.mode_combo = QComboBox()
        for turn_mode, words in TURN_MODE_WORDS.items():
            self.mode_combo.addItem(translated(words), turn_mode)
        describe(self.mode_combo, self.tr("How a turn ends: on release, or when the server "
                                          "hears you stop"), self.tr("Turn mode"))
        self.settings_button = QPushButton(self.tr("Settings"))
        self.inspector_button = QPushButton(self.tr("Events"))
        self.inspector_button.setCheckable(True)
        self.history_button = QPushButton(self.tr("History"))
        self.history_button.setCheckable(True)
        for control, text in (
                (self.connect_button, self.tr("Connect to the endpoint, or disconnect (Ctrl+K)")),
                (self.settings_button, self.tr("Endpoint, voice, devices, tools, desktop "
                                               "(Ctrl+,)")),
                (self.inspector_button, self.tr("Every event sent and received (Ctrl+I)")),
                (self.history_button, self.tr("Past conversations (Ctrl+H)"))):
            describe(control, text)
        top = QHBoxLayout()
        top.addWidget(self.history_button)
        top.addWidget(self.state_bar, 1)
        for button in (self.session_mode_combo, self.mode_combo,
                       self.connect_button,
                       self.settings_button, self.inspector_button):
            top.addWidget(button)

        self.views = ModeViews(self.controller,
                               lambda text: self.statusBar().showMessage(text, 6000))
        self.pane = self.views.conversation
        self.banner, self.transcript = self.pane.banner, self.pane.transcript
        self.text_edit, self.consent = self.pane.text_edit, self.pane.consent
        self.send_button = self.pane.send_button

        self.controls = TalkControls(self.controller.audio)
        controls = self.controls
        self.mic_meter, self.out_meter = controls.mic_meter, controls.out_meter
        self.ptt_button, self.mute_button = controls.ptt_button, controls.mute_button
        self.interrupt_button = controls.interrupt_button

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.views, 1)
        rule = QFrame(frameShape=QFrame.Shape.HLine, frameShadow=QFrame.Shadow.Sunken)
        column.addWidget(rule)
        column.addWidget(controls)

        self.inspector = EventInspector(self.controller.audio.echo)
        self.inspector.setVisible(False)
        self.history = HistoryPanel()
        self.history.setVisible(False)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.history)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.inspector)
        self.splitter.setSizes([300, 640, 340])

        root = QWidget()
        outer = QVBoxLayout(root)
        outer.addLayout(top)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(root)
        self.usage_label = QLabel("")
        self.statusBar().addPermanentWidget(self.usage_label)

    def _wire(self) -> None:
        c, news = self.controller, self.controller.news
        news.state_changed.connect(self.render_state)
        news.countdown.connect(self.state_bar.render_countdown)
        self.retry_button.clicked.connect(c.retry_now)
        news.hint.connect(self._show_hint)
        news.event_logged.connect(self.inspector.add_event)
        news.usage_changed.connect(self.usage_label.setText)
        news.offline_changed.connect(self.render_offline)
        c.audio.problems.connect(self._render_audio_problems)
        self.connect_button.clicked.connect(self._toggle_connection)
        self.mode_combo.currentIndexChanged.connect(
            lambda _i: c.set_turn_mode(TurnMode(self.mode_combo.currentData())))
        self.session_mode_combo.setCurrentIndex(list(SessionMode).index(c.settings.session_mode))
        self.session_mode_combo.currentIndexChanged.connect(
            lambda _i: c.set_session_mode(SessionMode(self.session_mode_combo.currentData())))
        self.settings_button.clicked.connect(self.settings_requested)
        self.inspector_button.toggled.connect(self.inspector.setVisible)
        self.ptt_button.pressed.connect(self._ptt_down)
        self.ptt_button.released.connect(self._ptt_up)
        self._wire_history()

    def _wire_history(self) -> None:
        panel, browser, c = self.history, self.browser, self.controller
        self.history_button.toggled.connect(self._show_history)
        self.history_button.toggled.connect(lambda on: browser.refresh() if on else None)
        panel.search_changed.connect(browser.search)
        panel.selected.connect(browser.show)
        panel.delete_requested.connect(browser.delete)
        panel.export_requested.connect(browser.export)
        panel.continue_requested.connect(c.continue_conversation)
        panel.new_requested.connect(c.new_conversation)
        browser.listed.connect(panel.show_list)
        browser.shown.connect(panel.show_conversation)
        browser.message.connect(panel.show_message)
        c.news.usage_changed.connect(self._refresh_history_if_shown)
        self.mute_button.toggled.connect(c.audio.set_muted)
        c.audio.muted_changed.connect(self.controls.render_muted)
        self.interrupt_button.clicked.connect(c.audio.interrupt)
        self.banner.linkActivated.connect(lambda _link: self.key_dialog_requested.emit(""))
        self.select_turn_mode(c.settings.turn_mode)

    # The controller outlives the window in tests: its signals reach the window through methods,
    # which Qt disconnects when the window is deleted (a lambda would call into a deleted one).
    def _show_hint(self, text: str) -> None:
        self.statusBar().showMessage(text, 4000)

    def _refresh_history_if_shown(self, _usage: str) -> None:
        if self.history.isVisible():
            self.browser.refresh()

    def _shortcuts(self) -> None:
        for number in range(3):               # Ctrl+1..3: conversation, dictation, interpreter
            QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self).activated.connect(
                lambda n=number: self.session_mode_combo.setCurrentIndex(n))
        for keys, action in (("Esc", self.controller.audio.interrupt),
                             ("Ctrl+M", self.mute_button.toggle),
                             ("Ctrl+I", self.inspector_button.toggle),
                             ("Ctrl+H", self.history_button.toggle),
                             ("Ctrl+N", self.controller.new_conversation),
                             ("Ctrl+R", self.controller.retry_now),
                             ("Ctrl+,", self.settings_requested.emit),
                             ("Ctrl+K", self._toggle_connection),
                             ("Ctrl+Q", self.quit)):
            QShortcut(QKeySequence(keys), self).activated.connect(action)

    # ---- rendering ----------------------------------------------------------------------------

    def render_state(self, state: ConnectionState, detail: str) -> None:
        self.state = state
        self.state_bar.show_state(state, detail)
        idle = state in (ConnectionState.DISCONNECTED, ConnectionState.ERROR)
        self.connect_button.setText(self.tr("Connect") if idle else self.tr("Disconnect"))
        self.controls.render_connected(state.connected)

    def render_countdown(self, seconds: int, why: str) -> None:
        self.state_bar.render_countdown(seconds, why)

    def _show_history(self, on: bool) -> None:
        """A panel shown in a splitter comes back at the width it had hidden: none."""
        self.history.setVisible(on)
        if on and (sizes := self.splitter.sizes())[0] < 200:
            self.splitter.setSizes([280, max(200, sizes[1] - 280), *sizes[2:]])

    def render_offline(self, offline: bool) -> None:
        self.banner.setText(self.tr("<b>Offline demo</b>: replies come from the embedded "
                                    "server, not a model. <a href='key'>Add an API key...</a>"))
        self.banner.setVisible(offline)

    def select_turn_mode(self, mode: TurnMode) -> None:
        index = self.mode_combo.findData(mode)
        if index >= 0 and index != self.mode_combo.currentIndex():
            self.mode_combo.setCurrentIndex(index)

    def _render_audio_problems(self, problems: list[str]) -> None:
        self.statusBar().showMessage(" ".join(problems), 8000)

    # ---- intents ------------------------------------------------------------------------------

    def _toggle_connection(self) -> None:
        if self.controller.state in (ConnectionState.DISCONNECTED, ConnectionState.ERROR):
            self.controller.connect_()
        else:
            self.controller.disconnect_()

    def _ptt_down(self) -> None:
        self.controls.render_held(True)
        self.controller.ptt_press()

    def _ptt_up(self) -> None:
        self.controls.render_held(False)
        self.controller.ptt_release()

    def quit(self) -> None:
        """Close for good (Ctrl+Q, the tray's Quit), even when closing only hides."""
        self.close_to_tray = False
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_to_tray:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        self.closed.emit()
        super().closeEvent(event)

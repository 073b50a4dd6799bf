"""Settings: endpoint, model, turn detection, devices, echo guard, the key; then the voice and how
replies are made and heard; session rollover, how much a new session is told, and the price
table; the interpreter; the transport, a token server and the organisation; tools; the desktop.

Edits a copy of Settings and emits it on OK; device re-scan and key changes are intents the
controller carries out.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.app.model import (
    DEFAULT_PRICES,
    LocalMcpFace,
    Settings,
    mcp_secret_account,
    parse_prices,
    prices_text,
)
from assistant.translatable import QT_TRANSLATE_NOOP
from assistant.ui.a11y import add_row, describe
from assistant.ui.connection_page import ConnectionPage
from assistant.ui.desktop_page import DesktopPage
from assistant.ui.local_mcp_page import LocalMcpPage
from assistant.ui.replies_page import RepliesPage
from assistant.ui.settings_general import GeneralPage, group
from assistant.ui.theme import theme
from assistant.ui.tools_page import ToolInfo, ToolsPage

DEFAULT_DEVICE = QT_TRANSLATE_NOOP("Words", "System default")


class SettingsDialog(QDialog):
    applied = Signal(object)            # Settings
    rescan_requested = Signal()
    change_key_requested = Signal()
    remove_key_requested = Signal()
    mcp_tokens_entered = Signal(dict)   # server label -> a new token, for the keyring
    token_value_entered = Signal(str, str)  # keyring account, the token server header's value
    preview_requested = Signal(str, float)  # voice, speed

    def __init__(self, settings: Settings, inputs: list[str], outputs: list[str],
                 parent: QWidget | None = None, tools: list[ToolInfo] | None = None,
                 with_token: set[str] | None = None,
                 desktop: DesktopPage | None = None,
                 local_mcp: LocalMcpFace | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(680)
        self._settings = dataclasses.replace(settings)
        sessions, modes = QWidget(), QWidget()
        self.general = GeneralPage(inputs, outputs, DEFAULT_DEVICE)
        self.general.rescan_requested.connect(self.rescan_requested)
        self.general.change_key_requested.connect(self.change_key_requested)
        self.general.remove_key_requested.connect(self.remove_key_requested)
        QVBoxLayout(sessions).addWidget(self._session_group())
        QVBoxLayout(modes).addWidget(self._modes_group())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("General"))
        self.replies = RepliesPage()
        self.replies.preview_requested.connect(self.preview_requested)
        self.tabs.addTab(self.replies, self.tr("Voice and replies"))
        self.tabs.addTab(sessions, self.tr("Sessions and cost"))
        self.tabs.addTab(modes, self.tr("Dictation and translation"))
        self.connection = ConnectionPage()
        self.tabs.addTab(self.connection, self.tr("Connection"))
        self.tools = ToolsPage(tools or [], with_token or set())
        self.tabs.addTab(self.tools, self.tr("Tools"))
        self.local_mcp = LocalMcpPage(local_mcp)
        self.local_mcp.secret_entered.connect(
            lambda name, value: self.token_value_entered.emit(mcp_secret_account(name), value))
        self.tabs.addTab(self.local_mcp, self.tr("My MCP servers"))
        self.desktop = desktop or DesktopPage(False, "")
        self.tabs.addTab(self.desktop, self.tr("Desktop"))
        describe(self.tabs.tabBar(), self.tr("The pages of the settings (Ctrl+Tab)"),
                 self.tr("Settings pages"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        describe(buttons.button(QDialogButtonBox.StandardButton.Ok),
                 self.tr("Use these settings and close"))
        describe(buttons.button(QDialogButtonBox.StandardButton.Cancel),
                 self.tr("Close without changing anything"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load(settings)

    # ---- groups -------------------------------------------------------------------------------

    def _session_group(self) -> QGroupBox:
        box, form = group(self.tr("Long conversations"))
        self.rollover = QSpinBox(minimum=1, maximum=59, suffix=self.tr(" min"))
        self.budget = QSpinBox(minimum=500, maximum=100_000, singleStep=1000,
                               suffix=self.tr(" tokens"))
        self.prices = QPlainTextEdit()
        reset = QPushButton(self.tr("Reset prices"))
        describe(reset, self.tr("Put back the prices this version knows"))
        reset.clicked.connect(lambda: self.prices.setPlainText(prices_text(DEFAULT_PRICES)))
        self.price_error = QLabel()
        theme().keep_style(self.price_error, lambda c: f"color: {c.error};")
        self.price_error.setWordWrap(True)
        add_row(form, self.tr("New session after"), self.rollover,
                self.tr("OpenAI ends a session after 60 minutes; a new one is opened at a quiet "
                        "moment before that, with the conversation"))
        add_row(form, self.tr("Carry over at most"), self.budget,
                self.tr("How much of the conversation a new session is given back"))
        add_row(form, self.tr("Prices (USD per 1M tokens)"), self.prices,
                self.tr("The price table the cost in the status bar is counted with"))
        form.addRow("", reset)
        form.addRow("", self.price_error)
        return box

    def _modes_group(self) -> QGroupBox:
        box, form = group(self.tr("Dictation and live translation"))
        self.translation_language = QLineEdit(placeholderText=self.tr("e.g. fr, de, ja"))
        self.translation_model = QLineEdit()
        add_row(form, self.tr("Translate into"), self.translation_language,
                self.tr("The language the interpreter speaks, as a two-letter code"))
        add_row(form, self.tr("Translation model"), self.translation_model,
                self.tr("The model of the live-translation endpoint"))
        form.addRow("", QLabel(self.tr("Dictation and the interpreter use the transcription "
                                       "settings of the Voice and replies tab and the turn "
                                       "detection of the General tab."), wordWrap=True))
        return box

    def show_fixed(self, fixed: frozenset[str]) -> None:
        """The fields the organisation fixed (its token server said): shown, not editable."""
        g, r = self.general, self.replies
        widgets: dict[str, list[QWidget]] = {
            "model": [g.model, self.translation_model], "instructions": [g.instructions],
            "reasoning": [g.reasoning], "voice": [r.voice], "speed": [r.speed, r.preview],
            "output_modalities": [r.text_replies], "max_output_tokens": [r.max_tokens],
            "tool_choice": [r.tool_choice], "truncation": [r.truncation, r.ratio],
            "prompt": [r.prompt_id, r.prompt_version, r.prompt_variables],
            "turn_detection": [g.turn_mode, g.threshold, g.silence, g.prefix, g.eagerness,
                               r.idle],
            "transcription": [r.transcription, r.language, r.words], "noise_reduction": [r.noise],
            "language": [self.translation_language], "tools": [self.tools]}
        for name in sorted(fixed):
            for widget in widgets.get(name, []):
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Set by your organisation"))

    # ---- state --------------------------------------------------------------------------------

    def set_devices(self, inputs: list[str], outputs: list[str]) -> None:
        self.general.set_devices(inputs, outputs)

    def _load(self, s: Settings) -> None:
        self.general.load(s)
        self.rollover.setValue(round(s.rollover_minutes))
        self.budget.setValue(s.replay_budget_tokens)
        self.prices.setPlainText(s.prices or prices_text(DEFAULT_PRICES))
        self.tools.load(s)
        self.local_mcp.load(s)
        self.desktop.load(s)
        self.connection.load(s)
        self.translation_language.setText(s.translation_language)
        self.translation_model.setText(s.translation_model)
        self.replies.load(s)

    def values(self) -> Settings:
        """The dialog's settings; ValueError when a tools row is wrong (shown on its tab)."""
        return self.connection.apply(self.desktop.apply(self.local_mcp.apply(self.tools.apply(
            dataclasses.replace(
            self.replies.apply(self.general.apply(self._settings)),
            rollover_minutes=float(self.rollover.value()),
            replay_budget_tokens=self.budget.value(), prices=self._prices_value(),
            translation_language=self.translation_language.text().strip() or "es",
            translation_model=self.translation_model.text().strip()
            or self._settings.translation_model)))))

    def _prices_value(self) -> str:
        """Empty while the table is the defaults, so later default prices reach the user."""
        text = self.prices.toPlainText()
        try:
            return "" if parse_prices(text) == DEFAULT_PRICES else text
        except ValueError:
            return text

    def _accept(self) -> None:
        try:
            parse_prices(self.prices.toPlainText())
        except ValueError as exc:
            self.price_error.setText(str(exc))
            self.tabs.setCurrentIndex(1)
            self.prices.setFocus()
            return
        try:
            settings = self.values()
        except ValueError:
            self.tabs.setCurrentWidget(self.replies if self.replies.prompt_error.text() else
                                       self.desktop if self.desktop.error.text() else self.tools)
            return
        self.applied.emit(settings)
        if tokens := self.tools.new_tokens():
            self.mcp_tokens_entered.emit(tokens)
        if (value := self.connection.new_token_value()) and settings.token_server_url:
            self.token_value_entered.emit(settings.token_account, value)
        self.accept()

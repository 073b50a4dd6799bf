"""Settings: endpoint, model and voice, turn detection, devices, echo guard, the key; on a second
tab, session rollover, how much a new session is told, and the price table; then dictation and
translation; then tools.

Edits a copy of Settings and emits it on OK; device re-scan and key changes are intents the
controller carries out.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.app.prices import DEFAULT_PRICES, parse_prices, prices_text
from assistant.app.settings import Settings
from assistant.config import VOICES
from assistant.realtime.session_config import EAGERNESS
from assistant.ui.desktop_page import DesktopPage
from assistant.ui.theme import theme
from assistant.ui.tools_page import ToolInfo, ToolsPage

MODE_LABELS = {"none": "Push-to-talk", "server_vad": "Server VAD", "semantic_vad": "Semantic VAD"}
ECHO_LABELS = {"auto": "Automatic (off on headphones)", "on": "On", "off": "Off"}
DEFAULT_DEVICE = "System default"


class SettingsDialog(QDialog):
    applied = Signal(object)            # Settings
    rescan_requested = Signal()
    change_key_requested = Signal()
    remove_key_requested = Signal()
    mcp_tokens_entered = Signal(dict)   # server label -> a new token, for the keyring

    def __init__(self, settings: Settings, inputs: list[str], outputs: list[str],
                 parent: QWidget | None = None, tools: list[ToolInfo] | None = None,
                 with_token: set[str] | None = None,
                 desktop: DesktopPage | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(520)
        self._settings = dataclasses.replace(settings)
        general, sessions, modes = QWidget(), QWidget(), QWidget()
        page = QVBoxLayout(general)
        for group in (self._endpoint_group(), self._voice_group(), self._turn_group(),
                      self._audio_group(inputs, outputs)):
            page.addWidget(group)
        QVBoxLayout(sessions).addWidget(self._session_group())
        QVBoxLayout(modes).addWidget(self._modes_group())
        self.tabs = QTabWidget()
        self.tabs.addTab(general, "General")
        self.tabs.addTab(sessions, "Sessions and cost")
        self.tabs.addTab(modes, "Dictation and translation")
        self.tools = ToolsPage(tools or [], with_token or set())
        self.tabs.addTab(self.tools, "Tools")
        self.desktop = desktop or DesktopPage(False, "")
        self.tabs.addTab(self.desktop, "Desktop")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load(settings)

    # ---- groups -------------------------------------------------------------------------------

    def _endpoint_group(self) -> QGroupBox:
        box, form = _group("Endpoint")
        self.base_url = QLineEdit()
        self.auth = _combo({"bearer": "Authorization: Bearer", "api-key": "api-key header"})
        self.dialect = _combo({"ga": "GA", "beta": "Beta (OpenAI-Beta: realtime=v1)"})
        self.model = QLineEdit()
        change_key, remove_key = QPushButton("Change key..."), QPushButton("Remove key")
        change_key.clicked.connect(self.change_key_requested)
        remove_key.clicked.connect(self.remove_key_requested)
        keys = QHBoxLayout()
        keys.addWidget(change_key)
        keys.addWidget(remove_key)
        keys.addStretch(1)
        form.addRow("Base URL", self.base_url)
        form.addRow("Authentication", self.auth)
        form.addRow("Dialect", self.dialect)
        form.addRow("Model", self.model)
        form.addRow("API key", keys)
        return box

    def _voice_group(self) -> QGroupBox:
        box, form = _group("Conversation")
        self.voice = _combo({v: v for v in VOICES})
        self.instructions = QPlainTextEdit()
        self.instructions.setFixedHeight(64)
        self.transcription = QLineEdit()
        self.transcription.setPlaceholderText("empty: no transcript of what you say")
        form.addRow("Voice", self.voice)
        form.addRow("Instructions", self.instructions)
        form.addRow("Transcription model", self.transcription)
        return box

    def _turn_group(self) -> QGroupBox:
        box, form = _group("Turn detection")
        self.mode = _combo(MODE_LABELS)
        self.threshold = QDoubleSpinBox(minimum=0.0, maximum=1.0, singleStep=0.05, decimals=2)
        self.silence = QSpinBox(minimum=100, maximum=5000, singleStep=50, suffix=" ms")
        self.prefix = QSpinBox(minimum=0, maximum=2000, singleStep=50, suffix=" ms")
        self.eagerness = _combo({e: e for e in EAGERNESS})
        form.addRow("Mode", self.mode)
        form.addRow("Threshold (server VAD)", self.threshold)
        form.addRow("Silence before a reply", self.silence)
        form.addRow("Audio kept before speech", self.prefix)
        form.addRow("Eagerness (semantic VAD)", self.eagerness)
        return box

    def _audio_group(self, inputs: list[str], outputs: list[str]) -> QGroupBox:
        box, form = _group("Audio")
        self.input_device, self.output_device = QComboBox(), QComboBox()
        self.set_devices(inputs, outputs)
        rescan = QPushButton("Re-scan devices")
        rescan.clicked.connect(self.rescan_requested)
        self.echo_cancellation = _combo(ECHO_LABELS)
        self.echo_noise = QCheckBox("Also remove steady noise (fans, hum) on this computer")
        self.echo_guard = QCheckBox("Echo guard: don't let the assistant hear itself on speakers")
        form.addRow("Microphone", self.input_device)
        form.addRow("Speaker", self.output_device)
        form.addRow("", rescan)
        form.addRow("Echo cancellation", self.echo_cancellation)
        form.addRow("", self.echo_noise)
        form.addRow("", self.echo_guard)
        return box

    def _session_group(self) -> QGroupBox:
        box, form = _group("Long conversations")
        self.rollover = QSpinBox(minimum=1, maximum=59, suffix=" min")
        self.rollover.setToolTip("OpenAI ends a session after 60 minutes; a new one is opened "
                                 "at a quiet moment before that, with the conversation")
        self.budget = QSpinBox(minimum=500, maximum=100_000, singleStep=1000, suffix=" tokens")
        self.budget.setToolTip("How much of the conversation a new session is given back")
        self.prices = QPlainTextEdit()
        self.prices.setAccessibleName("Price table, US dollars per million tokens")
        reset = QPushButton("Reset prices")
        reset.clicked.connect(lambda: self.prices.setPlainText(prices_text(DEFAULT_PRICES)))
        self.price_error = QLabel()
        theme().keep_style(self.price_error, lambda c: f"color: {c.error};")
        self.price_error.setWordWrap(True)
        form.addRow("New session after", self.rollover)
        form.addRow("Carry over at most", self.budget)
        form.addRow("Prices (USD per 1M tokens)", self.prices)
        form.addRow("", reset)
        form.addRow("", self.price_error)
        return box

    def _modes_group(self) -> QGroupBox:
        box, form = _group("Dictation and live translation")
        self.dictation_language = QLineEdit(placeholderText="e.g. en; empty: detected")
        self.dictation_prompt = QPlainTextEdit()
        self.dictation_prompt.setFixedHeight(56)
        self.dictation_prompt.setPlaceholderText("Names and words to expect, to spell them right")
        self.translation_language = QLineEdit(placeholderText="e.g. fr, de, ja")
        self.translation_model = QLineEdit()
        self.noise = _combo({"near_field": "Near field (headset, laptop)",
                             "far_field": "Far field (room microphone)", "off": "Off"})
        form.addRow("Dictation language", self.dictation_language)
        form.addRow("Dictation prompt", self.dictation_prompt)
        form.addRow("Translate into", self.translation_language)
        form.addRow("Translation model", self.translation_model)
        form.addRow("Noise reduction (all modes)", self.noise)
        form.addRow("", QLabel("Both use the transcription model and the turn detection of "
                               "the General tab.", wordWrap=True))
        return box

    # ---- state --------------------------------------------------------------------------------

    def set_devices(self, inputs: list[str], outputs: list[str]) -> None:
        for combo, names, current in ((self.input_device, inputs, self._settings.input_device),
                                      (self.output_device, outputs,
                                       self._settings.output_device)):
            combo.clear()
            combo.addItem(DEFAULT_DEVICE, "")
            for name in names:
                combo.addItem(name, name)
            if current and combo.findData(current) < 0:
                combo.addItem(f"{current} (not connected)", current)
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def _load(self, s: Settings) -> None:
        self.base_url.setText(s.base_url)
        _select(self.auth, s.auth)
        _select(self.dialect, s.dialect)
        self.model.setText(s.model)
        _select(self.voice, s.voice)
        self.instructions.setPlainText(s.instructions)
        self.transcription.setText(s.transcription_model)
        _select(self.mode, s.mode)
        self.threshold.setValue(s.vad_threshold)
        self.silence.setValue(s.vad_silence_ms)
        self.prefix.setValue(s.vad_prefix_ms)
        _select(self.eagerness, s.eagerness)
        self.echo_guard.setChecked(s.echo_guard)
        _select(self.echo_cancellation, s.echo_cancellation)
        self.echo_noise.setChecked(s.echo_noise_suppression)
        self.rollover.setValue(round(s.rollover_minutes))
        self.budget.setValue(s.replay_budget_tokens)
        self.prices.setPlainText(s.prices or prices_text(DEFAULT_PRICES))
        self.tools.load(s)
        self.desktop.load(s)
        self.dictation_language.setText(s.dictation_language)
        self.dictation_prompt.setPlainText(s.dictation_prompt)
        self.translation_language.setText(s.translation_language)
        self.translation_model.setText(s.translation_model)
        _select(self.noise, s.noise_reduction)

    def values(self) -> Settings:
        """The dialog's settings; ValueError when a tools row is wrong (shown on its tab)."""
        return self.desktop.apply(self.tools.apply(dataclasses.replace(
            self._settings, base_url=self.base_url.text().strip(), auth=self.auth.currentData(),
            dialect=self.dialect.currentData(), model=self.model.text().strip(),
            voice=self.voice.currentData(), instructions=self.instructions.toPlainText(),
            transcription_model=self.transcription.text().strip(), mode=self.mode.currentData(),
            vad_threshold=self.threshold.value(), vad_silence_ms=self.silence.value(),
            vad_prefix_ms=self.prefix.value(), eagerness=self.eagerness.currentData(),
            input_device=self.input_device.currentData(),
            output_device=self.output_device.currentData(),
            echo_guard=self.echo_guard.isChecked(),
            echo_cancellation=self.echo_cancellation.currentData(),
            echo_noise_suppression=self.echo_noise.isChecked(),
            rollover_minutes=float(self.rollover.value()),
            replay_budget_tokens=self.budget.value(), prices=self._prices_value(),
            dictation_language=self.dictation_language.text().strip(),
            dictation_prompt=self.dictation_prompt.toPlainText().strip(),
            translation_language=self.translation_language.text().strip() or "es",
            translation_model=self.translation_model.text().strip()
            or self._settings.translation_model, noise_reduction=self.noise.currentData())))

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
            self.tabs.setCurrentWidget(self.desktop if self.desktop.error.text() else self.tools)
            return
        self.applied.emit(settings)
        if tokens := self.tools.new_tokens():
            self.mcp_tokens_entered.emit(tokens)
        self.accept()


def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    return box, QFormLayout(box)


def _combo(options: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for value, label in options.items():
        combo.addItem(label, value)
    return combo


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))

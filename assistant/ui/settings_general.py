"""The settings' General tab: endpoint and key, conversation, turn detection, audio devices."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant import models
from assistant.app.model import Settings
from assistant.modes import Eagerness, EchoMode, ReasoningEffort, TurnMode
from assistant.ui.a11y import add_row, describe
from assistant.ui.words import ECHO_WORDS, TURN_MODE_WORDS, translated


class GeneralPage(QWidget):
    rescan_requested = Signal()
    change_key_requested = Signal()
    remove_key_requested = Signal()

    def __init__(self, inputs: list[str], outputs: list[str], default_device: str) -> None:
        super().__init__()
        self._default = default_device
        self._current = ("", "")
        page = QVBoxLayout(self)
        for group in (self._endpoint_group(), self._voice_group(), self._turn_group(),
                      self._audio_group(inputs, outputs)):
            page.addWidget(group)

    def _endpoint_group(self) -> QGroupBox:
        box, form = group(self.tr("Endpoint"))
        self.base_url = QLineEdit()
        self.auth = combo({"bearer": "Authorization: Bearer", "api-key": "api-key header"})
        self.dialect = combo({"ga": "GA", "beta": "Beta (OpenAI-Beta: realtime=v1)"})
        self.model = offered(models.current("realtime"))
        change_key = QPushButton(self.tr("Change key..."))
        remove_key = QPushButton(self.tr("Remove key"))
        describe(change_key, self.tr("Enter another API key for this endpoint"))
        describe(remove_key, self.tr("Delete this endpoint's key from the system keyring"))
        change_key.clicked.connect(self.change_key_requested)
        remove_key.clicked.connect(self.remove_key_requested)
        keys = QHBoxLayout()
        keys.addWidget(change_key)
        keys.addWidget(remove_key)
        keys.addStretch(1)
        add_row(form, self.tr("Base URL"), self.base_url,
                self.tr("Where the Realtime API is: OpenAI, Azure or a compatible server"))
        add_row(form, self.tr("Authentication"), self.auth,
                self.tr("How the key is sent: OpenAI uses Bearer, Azure an api-key header"))
        add_row(form, self.tr("Dialect"), self.dialect,
                self.tr("GA for today's API; Beta for endpoints that still speak it"))
        add_row(form, self.tr("Model"), self.model,
                self.tr("The realtime model (on Azure: the deployment's name)"))
        form.addRow(self.tr("API key"), keys)
        return box

    def _voice_group(self) -> QGroupBox:
        box, form = group(self.tr("Conversation"))
        self.instructions = QPlainTextEdit()
        self.instructions.setFixedHeight(64)
        self.reasoning = combo({effort: effort for effort in ReasoningEffort})
        self.parallel_tools = QCheckBox(self.tr("Several tools at once"))
        add_row(form, self.tr("Instructions"), self.instructions,
                self.tr("What the model is told about how to behave"))
        add_row(form, self.tr("Reasoning effort"), self.reasoning,
                self.tr("How much a reasoning model (gpt-realtime-2 and later) thinks before it "
                        "answers; auto leaves it to the model. Other models are not told."))
        add_row(form, self.tr("Tool calls"), self.parallel_tools,
                self.tr("A reasoning model may call several tools at once"))
        return box

    def _turn_group(self) -> QGroupBox:
        box, form = group(self.tr("Turn detection"))
        self.turn_mode = combo({mode: translated(words) for mode, words in TURN_MODE_WORDS.items()})
        self.threshold = QDoubleSpinBox(minimum=0.0, maximum=1.0, singleStep=0.05, decimals=2)
        self.silence = QSpinBox(minimum=100, maximum=5000, singleStep=50, suffix=" ms")
        self.prefix = QSpinBox(minimum=0, maximum=2000, singleStep=50, suffix=" ms")
        self.eagerness = combo({e: e for e in Eagerness})
        add_row(form, self.tr("Mode"), self.turn_mode,
                self.tr("Push-to-talk, or let the server hear when you stop"))
        add_row(form, self.tr("Threshold (server VAD)"), self.threshold,
                self.tr("How loud speech must be; higher ignores more noise"))
        add_row(form, self.tr("Silence before a reply"), self.silence,
                self.tr("How long a pause ends your turn"))
        add_row(form, self.tr("Audio kept before speech"), self.prefix,
                self.tr("Sound from just before you spoke, so the first word is whole"))
        add_row(form, self.tr("Eagerness (semantic VAD)"), self.eagerness,
                self.tr("How soon the model answers: low waits longer"))
        return box

    def _audio_group(self, inputs: list[str], outputs: list[str]) -> QGroupBox:
        box, form = group(self.tr("Audio"))
        self.input_device, self.output_device = QComboBox(), QComboBox()
        self.set_devices(inputs, outputs)
        rescan = QPushButton(self.tr("Re-scan devices"))
        describe(rescan, self.tr("Look again for microphones and speakers"))
        rescan.clicked.connect(self.rescan_requested)
        self.echo_cancellation = combo({v: translated(t) for v, t in ECHO_WORDS.items()})
        self.echo_noise = QCheckBox(self.tr("Also remove steady noise (fans, hum) on this "
                                            "computer"))
        describe(self.echo_noise, self.tr("WebRTC's noise suppression, before the audio is sent"))
        self.echo_guard = QCheckBox(self.tr("Echo guard: don't let the assistant hear itself "
                                            "on speakers"))
        describe(self.echo_guard, self.tr("Ignore the microphone while it only hears the "
                                          "assistant's own voice"))
        add_row(form, self.tr("Microphone"), self.input_device, self.tr("The microphone to use"))
        add_row(form, self.tr("Speaker"), self.output_device, self.tr("Where the assistant speaks"))
        form.addRow("", rescan)
        add_row(form, self.tr("Echo cancellation"), self.echo_cancellation,
                self.tr("Take the assistant's voice out of the microphone, so you can talk "
                        "over it on speakers"))
        form.addRow("", self.echo_noise)
        form.addRow("", self.echo_guard)
        return box

    def set_devices(self, inputs: list[str], outputs: list[str]) -> None:
        for box, names, current in ((self.input_device, inputs, self._current[0]),
                                    (self.output_device, outputs, self._current[1])):
            box.clear()
            box.addItem(translated(self._default), "")
            for name in names:
                box.addItem(name, name)
            if current and box.findData(current) < 0:
                box.addItem(self.tr("{device} (not connected)").format(device=current), current)
            box.setCurrentIndex(max(0, box.findData(current)))

    def load(self, s: Settings) -> None:
        self._current = (s.input_device, s.output_device)
        self.base_url.setText(s.base_url)
        select(self.auth, s.auth)
        select(self.dialect, s.dialect)
        self.model.setCurrentText(s.model)
        self.instructions.setPlainText(s.instructions)
        select(self.reasoning, s.reasoning_effort)
        self.parallel_tools.setChecked(s.parallel_tool_calls)
        select(self.turn_mode, s.turn_mode)
        self.threshold.setValue(s.vad_threshold)
        self.silence.setValue(s.vad_silence_ms)
        self.prefix.setValue(s.vad_prefix_ms)
        select(self.eagerness, s.eagerness)
        select(self.input_device, s.input_device)
        select(self.output_device, s.output_device)
        self.echo_guard.setChecked(s.echo_guard)
        select(self.echo_cancellation, s.echo_cancellation)
        self.echo_noise.setChecked(s.echo_noise_suppression)

    def apply(self, s: Settings) -> Settings:
        return dataclasses.replace(
            s, base_url=self.base_url.text().strip(), auth=self.auth.currentData(),
            dialect=self.dialect.currentData(), model=self.model.currentText().strip(),
            instructions=self.instructions.toPlainText(),
            reasoning_effort=ReasoningEffort(self.reasoning.currentData()),
            parallel_tool_calls=self.parallel_tools.isChecked(),
            turn_mode=TurnMode(self.turn_mode.currentData()),
            vad_threshold=self.threshold.value(), vad_silence_ms=self.silence.value(),
            vad_prefix_ms=self.prefix.value(), eagerness=Eagerness(self.eagerness.currentData()),
            input_device=self.input_device.currentData(),
            output_device=self.output_device.currentData(),
            echo_guard=self.echo_guard.isChecked(),
            echo_cancellation=EchoMode(self.echo_cancellation.currentData()),
            echo_noise_suppression=self.echo_noise.isChecked())


def group(title: str) -> tuple[QGroupBox, QFormLayout]:
    box = QGroupBox(title)
    return box, QFormLayout(box)


def combo(options: dict[str, str]) -> QComboBox:
    box = QComboBox()
    for value, label in options.items():
        box.addItem(label, value)
    return box


def offered(names: list[str]) -> QComboBox:
    """A model's name: the current ones offered, any other typed (a deployment's, say)."""
    box = QComboBox(editable=True)
    box.addItems(names)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return box


def select(box: QComboBox, value: str) -> None:
    box.setCurrentIndex(max(0, box.findData(value)))

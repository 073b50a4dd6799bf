"""The settings' Voice and replies tab: how the assistant speaks (voice, speed, a preview), how
its replies are made (text only, length, tools, a stored prompt, how a long conversation is cut)
and how it listens (idle timeout, transcription, noise reduction).

Widgets only: a preview is an intent (`preview_requested`) the app carries out.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant import models
from assistant.app.model import Settings, prompt_variables
from assistant.config import VOICES
from assistant.ui.a11y import add_row, describe
from assistant.ui.settings_general import combo, group, offered, select
from assistant.ui.theme import theme


class RepliesPage(QWidget):
    preview_requested = Signal(str, float)      # voice, speed

    def __init__(self) -> None:
        super().__init__()
        page = QVBoxLayout(self)
        for box in (self._voice_group(), self._replies_group(), self._prompt_group(),
                    self._listening_group()):
            page.addWidget(box)
        page.addStretch(1)

    def _voice_group(self) -> QWidget:
        box, form = group(self.tr("Voice"))
        self.voice = combo({v: v for v in VOICES})
        self.speed = QDoubleSpinBox(minimum=0.25, maximum=1.5, singleStep=0.05, decimals=2,
                                    suffix=" ×")
        self.preview = QPushButton(self.tr("Preview"))
        self.preview.clicked.connect(lambda: self.preview_requested.emit(
            self.voice.currentData(), self.speed.value()))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.speed)
        row.addWidget(self.preview)
        row.addStretch(1)
        holder = QWidget()
        holder.setLayout(row)
        add_row(form, self.tr("Voice"), self.voice,
                self.tr("The voice the assistant speaks in (fixed for a session once it has "
                        "spoken: a new voice takes a new connection)"))
        form.addRow(self.tr("Speed"), holder)
        describe(self.speed, self.tr("How fast the assistant speaks: 1.0 is the voice's own pace"),
                 self.tr("Speed"))
        self.set_preview_available(False)
        return box

    def _replies_group(self) -> QWidget:
        box, form = group(self.tr("Replies"))
        self.text_replies = QCheckBox(self.tr("Reply in text only (no voice)"))
        self.max_tokens = QSpinBox(minimum=0, maximum=4096, singleStep=64)
        self.max_tokens.setSpecialValueText(self.tr("no limit"))
        self.tool_choice = QComboBox(editable=True)
        self.tool_choice.addItems(["auto", "none", "required"])
        self.truncation = combo({"auto": self.tr("Auto: drop the oldest turns"),
                                 "retention_ratio": self.tr("Keep a share, so the cache lasts"),
                                 "disabled": self.tr("Never: fail instead")})
        self.ratio = QDoubleSpinBox(minimum=0.1, maximum=1.0, singleStep=0.05, decimals=2)
        self.truncation.currentIndexChanged.connect(self._show_ratio)
        describe(self.text_replies, self.tr("The assistant writes its replies instead of "
                                            "speaking them"))
        form.addRow("", self.text_replies)
        add_row(form, self.tr("Longest reply"), self.max_tokens,
                self.tr("The most tokens one reply may use; a longer one is cut short and "
                        "says so"))
        add_row(form, self.tr("Tool choice"), self.tool_choice,
                self.tr("auto: the model decides; none: no tools; required: always a tool; or "
                        "type the name of the one tool to call"))
        add_row(form, self.tr("When the conversation is too long"), self.truncation,
                self.tr("What the service does once the conversation exceeds what the model "
                        "can read"))
        add_row(form, self.tr("Share kept"), self.ratio,
                self.tr("How much of the conversation is kept when it is cut"))
        return box

    def _prompt_group(self) -> QWidget:
        box, form = group(self.tr("Stored prompt"))
        self.prompt_id = QLineEdit(placeholderText=self.tr("pmpt_...; empty: none"))
        self.prompt_version = QLineEdit(placeholderText=self.tr("empty: the newest"))
        self.prompt_variables = QPlainTextEdit()
        self.prompt_variables.setFixedHeight(52)
        self.prompt_variables.setPlaceholderText(self.tr('{"customer": "Ada"}'))
        self.prompt_error = QLabel(wordWrap=True)
        theme().keep_style(self.prompt_error, lambda c: f"color: {c.error};")
        add_row(form, self.tr("Prompt id"), self.prompt_id,
                self.tr("A prompt template kept on the OpenAI platform, used with the "
                        "instructions"))
        add_row(form, self.tr("Version"), self.prompt_version,
                self.tr("Which version of the template"))
        add_row(form, self.tr("Variables"), self.prompt_variables,
                self.tr("The template's variables, as a JSON object of texts"))
        form.addRow("", self.prompt_error)
        return box

    def _listening_group(self) -> QWidget:
        box, form = group(self.tr("Listening"))
        self.idle = QSpinBox(minimum=4, maximum=30, suffix=self.tr(" s"))
        self.idle.setSpecialValueText(self.tr("off"))
        self.transcription = offered(models.current("transcription"))
        if (edit := self.transcription.lineEdit()) is not None:       # editable: it has one
            edit.setPlaceholderText(self.tr("empty: no transcript of what you say"))
        self.language = QLineEdit(placeholderText=self.tr("e.g. en; empty: detected"))
        self.words = QPlainTextEdit()
        self.words.setFixedHeight(52)
        self.words.setPlaceholderText(self.tr("Names and words to expect, to spell them right"))
        self.noise = combo({"near_field": self.tr("Near field (headset, laptop)"),
                            "far_field": self.tr("Far field (room microphone)"),
                            "off": self.tr("Off")})
        add_row(form, self.tr("Idle timeout (server VAD)"), self.idle,
                self.tr("After a reply, this long without a word and the assistant checks "
                        "whether you are still there"))
        add_row(form, self.tr("Transcription model"), self.transcription,
                self.tr("Writes down what you say, in every mode"))
        add_row(form, self.tr("Your language"), self.language,
                self.tr("The language you speak, as a two-letter code; helps the transcription"))
        add_row(form, self.tr("Words to expect"), self.words,
                self.tr("Helps the transcription spell names and terms (models that take a "
                        "prompt)"))
        add_row(form, self.tr("Noise reduction"), self.noise,
                self.tr("The server's filter for the kind of microphone you use"))
        return box

    def set_preview_available(self, available: bool) -> None:
        """The preview speaks with the offline demo's voice, so it is offered there only (the
        service's voices are heard in a conversation)."""
        self.preview.setEnabled(available)
        describe(self.preview, self.tr("Hear a sentence at this speed, in the offline demo's "
                                       "voice") if available else
                 self.tr("The preview plays in the offline demo (connect to it from the key "
                         "dialog)"))
        self.preview.setToolTip(self.preview.accessibleDescription())

    def _show_ratio(self) -> None:
        self.ratio.setEnabled(self.truncation.currentData() == "retention_ratio")

    def load(self, s: Settings) -> None:
        select(self.voice, s.voice)
        self.speed.setValue(s.speed)
        self.text_replies.setChecked(s.text_replies)
        self.max_tokens.setValue(s.max_output_tokens)
        self.tool_choice.setCurrentText(s.tool_choice)
        select(self.truncation, s.truncation)
        self.ratio.setValue(s.retention_ratio)
        self._show_ratio()
        self.prompt_id.setText(s.prompt_id)
        self.prompt_version.setText(s.prompt_version)
        self.prompt_variables.setPlainText(s.prompt_variables)
        self.idle.setValue(s.idle_timeout_s if s.idle_timeout_s >= 5 else 4)
        self.transcription.setCurrentText(s.transcription_model)
        self.language.setText(s.transcription_language)
        self.words.setPlainText(s.transcription_prompt)
        select(self.noise, s.noise_reduction)

    def apply(self, s: Settings) -> Settings:
        """These settings on `s`; ValueError (said on the page) when the variables are wrong."""
        variables = self.prompt_variables.toPlainText().strip()
        try:
            prompt_variables(variables)
        except ValueError as exc:
            self.prompt_error.setText(str(exc))
            raise
        self.prompt_error.clear()
        return dataclasses.replace(
            s, voice=self.voice.currentData(), speed=round(self.speed.value(), 2),
            text_replies=self.text_replies.isChecked(), max_output_tokens=self.max_tokens.value(),
            tool_choice=self.tool_choice.currentText().strip() or "auto",
            truncation=self.truncation.currentData(), retention_ratio=self.ratio.value(),
            prompt_id=self.prompt_id.text().strip(), prompt_variables=variables,
            prompt_version=self.prompt_version.text().strip(),
            idle_timeout_s=self.idle.value() if self.idle.value() >= 5 else 0,
            transcription_model=self.transcription.currentText().strip(),
            transcription_language=self.language.text().strip(),
            transcription_prompt=self.words.toPlainText().strip(),
            noise_reduction=self.noise.currentData())

"""The row under the conversation: the two level meters, the push-to-talk button, Mute and
Interrupt. It renders what it is told (connected, muted, held); the window wires the intents."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from assistant.app.model import AudioFace
from assistant.ui.a11y import describe
from assistant.ui.level_meter import LevelMeter


class TalkControls(QWidget):
    def __init__(self, audio: AudioFace) -> None:
        super().__init__()
        self.mic_meter = LevelMeter(audio.mic_level, self.tr("Mic"))
        self.out_meter = LevelMeter(audio.out_level, self.tr("Assistant"))
        self.ptt_button = QPushButton(self.tr("Hold to talk  (Space)"))
        self.ptt_button.setObjectName("ptt")
        describe(self.ptt_button, self.tr("Hold while you talk; release to send. The global "
                                          "shortcut works from other applications."),
                 self.tr("Hold to talk"))
        self.mute_button = QPushButton(self.tr("Mute"))
        self.mute_button.setCheckable(True)
        describe(self.mute_button, self.tr("Stop sending the microphone (Ctrl+M)"))
        self.interrupt_button = QPushButton(self.tr("Interrupt  (Esc)"))
        describe(self.interrupt_button, self.tr("Stop the assistant talking (Esc)"),
                 self.tr("Interrupt"))
        meters, side = QVBoxLayout(), QVBoxLayout()
        meters.addWidget(self.mic_meter)
        meters.addWidget(self.out_meter)
        side.addWidget(self.mute_button)
        side.addWidget(self.interrupt_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(meters, 2)
        row.addWidget(self.ptt_button, 2)
        row.addLayout(side)

    def render_connected(self, connected: bool) -> None:
        self.ptt_button.setEnabled(connected)
        self.interrupt_button.setEnabled(connected)

    def render_held(self, held: bool) -> None:
        self.ptt_button.setProperty("held", held)
        self.ptt_button.style().polish(self.ptt_button)

    def render_muted(self, muted: bool) -> None:
        self.mute_button.blockSignals(True)            # rendering is not the user's toggle
        self.mute_button.setChecked(muted)
        self.mute_button.blockSignals(False)
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))

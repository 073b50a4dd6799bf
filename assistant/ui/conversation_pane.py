"""The conversation column: the offline banner, the transcript with its tool calls and pictures,
the permission bar, the text box and the Show button. It renders the controller's conversation
signals and sends the user's text and answers back as intents."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.app.model import AppModel, ToolCall
from assistant.ui.a11y import describe
from assistant.ui.consent_bar import ConsentBar
from assistant.ui.picture_desk import PictureDesk
from assistant.ui.transcript_view import TranscriptView


class ConversationPane(QWidget):
    def __init__(self, controller: AppModel) -> None:
        super().__init__()
        self.controller = controller
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.model_banner = notice_bar()             # a model retiring or refused, one click
        self.reply_banner = notice_bar()             # a reply that failed, and Retry
        self.update_banner = notice_bar()            # a newer version, how to get it
        self._replacement = ("", "")
        self.transcript = TranscriptView()
        self.consent = ConsentBar()
        self.text_edit = QLineEdit(placeholderText=self.tr("Type a message and press Enter"))
        describe(self.text_edit, self.tr("A message to send as text; Enter sends it"),
                 self.tr("Message"))
        self.send_button = QPushButton(self.tr("Send"))
        describe(self.send_button, self.tr("Send the typed message"))
        self.pictures = PictureDesk(self, controller, self.text_edit, self.transcript)
        self.show_button = self.pictures.button
        text_row = QHBoxLayout()
        text_row.addWidget(self.text_edit, 1)
        text_row.addWidget(self.show_button)
        text_row.addWidget(self.send_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.model_banner)
        column.addWidget(self.reply_banner)
        column.addWidget(self.update_banner)
        column.addWidget(self.transcript, 1)
        column.addWidget(self.consent)
        column.addLayout(text_row)
        self._wire()

    def _wire(self) -> None:
        c, news, view = self.controller, self.controller.news, self.transcript
        news.turn_started.connect(view.start_turn)
        news.user_text.connect(self._user_text)          # bound methods: disconnected when
        news.assistant_text.connect(self._assistant_text)   # this pane goes (the app stays)
        news.conversation_changed.connect(view.show_items)
        news.notice.connect(view.add_notice)
        c.tools.started.connect(view.add_tool_call)
        c.tools.finished.connect(view.finish_tool_call)
        c.tools.consent_needed.connect(self._ask)
        c.tools.consent_closed.connect(self._asked)
        news.timer_ended.connect(self._timer_ended)
        news.model_notice.connect(self._model_notice)
        self.model_banner.linkActivated.connect(self._use_replacement)
        news.reply_failed.connect(self._reply_failed)
        news.turn_started.connect(self._turn_started)
        self.reply_banner.linkActivated.connect(self._retry)
        news.update_available.connect(self._update_available)
        self.update_banner.linkActivated.connect(self._update_link)
        self.consent.answered.connect(c.tools.answer)
        self.text_edit.returnPressed.connect(self._send_text)
        self.send_button.clicked.connect(self._send_text)

    def _user_text(self, item_id: str, text: str, final: bool) -> None:
        (self.transcript.set_text if final else self.transcript.append_text)("user", item_id, text)

    def _assistant_text(self, item_id: str, text: str, final: bool) -> None:
        (self.transcript.set_text if final else self.transcript.append_text)(
            "assistant", item_id, text)

    def _ask(self, call: ToolCall) -> None:
        self.transcript.add_tool_call(call)
        self.transcript.set_tool_waiting(call.call_id, True)
        self.consent.ask(call)
        QApplication.alert(self.window())

    def _asked(self, call_id: str) -> None:
        self.consent.withdraw(call_id)
        self.transcript.set_tool_waiting(call_id, False)

    def _timer_ended(self, label: str, seconds: int) -> None:
        length = self.tr("%n min", "", seconds // 60) if seconds >= 60 else \
            self.tr("%n s", "", seconds)
        self.transcript.add_notice("⏰ " + self.tr("{label}: the {length} timer is done.")
                                   .format(label=label, length=length))
        QApplication.alert(self.window())

    def _model_notice(self, sentence: str, model: str, replacement: str) -> None:
        self._replacement = (model, replacement)
        link = self.tr("Use {model}").format(model=replacement)
        self.model_banner.setText(f"{html.escape(sentence)} <a href='use'>{html.escape(link)}</a>")
        self.model_banner.setVisible(True)

    def _use_replacement(self, _link: str) -> None:
        self.model_banner.setVisible(False)
        self.controller.replace_model(*self._replacement)

    def _reply_failed(self, sentence: str) -> None:
        retry = self.tr("Retry")
        self.reply_banner.setText(
            f"{html.escape(sentence)} <a href='retry'>{html.escape(retry)}</a>")
        self.reply_banner.setVisible(True)

    def _turn_started(self, _role: str, _item_id: str) -> None:
        self.reply_banner.setVisible(False)          # the conversation has moved on

    def _retry(self, _link: str) -> None:
        self.reply_banner.setVisible(False)
        self.controller.stage.retry_reply()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.pictures.drag_entered(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.pictures.dropped(event)

    def _update_available(self, version: str, how: str, notes: str, page: str) -> None:
        said = self.tr("Voice Assistant {version} is available. {how}.").format(
            version=version, how=how)
        what, dismiss = self.tr("What is new"), self.tr("Dismiss")
        new = f" <a href='{html.escape(page)}'>{html.escape(what)}</a>" \
            if page.startswith(("https://", "http://")) else ""
        self.update_banner.setText(f"{html.escape(said)}{new} <a href='dismiss'>"
                                   f"{html.escape(dismiss)}</a>")
        self.update_banner.setToolTip(notes[:2000])
        self.update_banner.setVisible(True)

    def _update_link(self, link: str) -> None:
        if link != "dismiss":
            QDesktopServices.openUrl(QUrl(link))       # the release page, in the browser
        self.update_banner.setVisible(False)

    def _send_text(self) -> None:
        text = self.text_edit.text()
        if text.strip():
            self.controller.send_text(text)
            self.text_edit.clear()


def notice_bar() -> QLabel:
    """A line above the conversation with one action in it (a link), hidden until needed."""
    bar = QLabel()
    bar.setObjectName("banner")
    bar.setVisible(False)
    bar.setWordWrap(True)
    bar.setTextFormat(Qt.TextFormat.RichText)
    return bar

"""The conversation: one header and one paragraph per turn, deltas appended as they stream."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from assistant.app.model import ToolCall
from assistant.growing_text import GrowingText
from assistant.logging_setup import mask
from assistant.translatable import QT_TRANSLATE_NOOP
from assistant.ui.a11y import describe
from assistant.ui.theme import recolor, theme
from assistant.ui.tool_row import ToolRow
from assistant.ui.words import translated

_ROLES = {"user": QT_TRANSLATE_NOOP("Words", "You"),
          "assistant": QT_TRANSLATE_NOOP("Words", "Assistant")}


THUMBNAIL = (320, 200)          # a shown picture's size in the conversation, at most


class TranscriptView(QTextBrowser):
    picture_clicked = Signal(str, str)     # item id, its caption: the user wants it whole

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setPlaceholderText(self.tr("The conversation appears here. Hold Space to talk, "
                                        "or type a message below."))
        describe(self, self.tr("The conversation, newest at the bottom"),
                 self.tr("Conversation"))
        self.document().setDocumentMargin(12)
        self._bodies: dict[str, QTextBlock] = {}
        self._texts: dict[str, GrowingText] = {}
        self._tools: dict[str, tuple[QTextBlock, ToolRow]] = {}
        self.pictures: dict[str, str] = {}          # item id -> caption, of the shown ones
        self.setAcceptDrops(False)                  # a dropped picture is the pane's
        self.anchorClicked.connect(self._clicked)
        theme().changed.connect(self._recolor)

    def _recolor(self) -> None:
        recolor(self.document(), theme().before, theme().colors)

    # ---- what the controller's signals drive ----------------------------------------------------

    def start_turn(self, role: str, item_id: str) -> None:
        if item_id in self._bodies:
            return
        c = theme().colors
        label = translated(_ROLES[role]) if role in _ROLES else role.title()
        color = c.user if role == "user" else c.assistant if role == "assistant" else c.muted
        cursor = self._end_cursor()
        if not self.document().isEmpty():
            cursor.insertBlock(self._block_format(top=14))
        header = QTextCharFormat()
        header.setFontWeight(QFont.Weight.Bold)
        header.setForeground(QColor(color))
        cursor.insertText(label, header)
        cursor.insertBlock(self._block_format(top=2), QTextCharFormat())
        self._bodies[item_id] = cursor.block()
        self._texts[item_id] = GrowingText()
        self._follow()

    def append_text(self, role: str, item_id: str, delta: str) -> None:
        self.start_turn(role, item_id)
        added = self._texts[item_id].add(delta)
        if not added:
            return
        block = self._bodies[item_id]
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + block.length() - 1)
        cursor.insertText(added, QTextCharFormat())
        self._follow()

    def set_text(self, role: str, item_id: str, text: str) -> None:
        self.start_turn(role, item_id)
        block = self._bodies[item_id]
        cursor = QTextCursor(block)
        cursor.setPosition(block.position())
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        self._texts[item_id].replace(text)
        cursor.insertText(self._texts[item_id].text, QTextCharFormat())
        self._follow()

    def show_items(self, turns: list[tuple[str, str, str]]) -> None:
        """Start over with these (role, item_id, text) turns: a new or a continued conversation."""
        self.clear()
        self._bodies.clear()
        self._texts.clear()
        self._tools.clear()
        self.pictures.clear()
        for role, item_id, text in turns:
            self.set_text(role, item_id, text)

    def add_picture(self, item_id: str, image: QImage, caption: str) -> None:
        """A thumbnail under the user's turn; a click asks for the picture whole."""
        self.start_turn("user", item_id)
        thumb = image.scaled(*THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        name = f"picture:{item_id}"
        self.document().addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), thumb)
        body = self._bodies[item_id]
        cursor = QTextCursor(body)
        cursor.setPosition(body.position() + body.length() - 1)
        cursor.insertBlock(self._block_format(top=4), QTextCharFormat())
        shown = QTextImageFormat()
        shown.setName(name)
        shown.setWidth(thumb.width())
        shown.setHeight(thumb.height())
        shown.setAnchor(True)
        shown.setAnchorHref(name)
        shown.setToolTip(caption)
        cursor.insertImage(shown)
        note = QTextCharFormat()
        note.setForeground(QColor(theme().colors.muted))
        cursor.insertText("  " + caption, note)
        self.pictures[item_id] = caption
        self._follow()

    def add_notice(self, text: str) -> None:
        cursor = self._end_cursor()
        if not self.document().isEmpty():
            cursor.insertBlock(self._block_format(top=10))
        notice = QTextCharFormat()
        notice.setForeground(QColor(theme().colors.notice))
        notice.setFontItalic(True)
        cursor.insertText(mask(text), notice)
        self._follow()

    # ---- tool calls ---------------------------------------------------------------------------

    def add_tool_call(self, call: ToolCall) -> None:
        if call.call_id in self._tools:
            return
        cursor = self._end_cursor()
        if not self.document().isEmpty():
            cursor.insertBlock(self._block_format(top=8))
        self._tools[call.call_id] = (cursor.block(), ToolRow(call))
        self._render_tool(call.call_id)

    def finish_tool_call(self, call_id: str, output: str, failed: bool, seconds: float) -> None:
        if call_id in self._tools:
            row = self._tools[call_id][1]
            row.output, row.failed, row.seconds, row.waiting = output, failed, seconds, False
            self._render_tool(call_id)

    def set_tool_waiting(self, call_id: str, waiting: bool) -> None:
        """A call that waits for the user's answer in the permission bar."""
        if call_id in self._tools and self._tools[call_id][1].output is None:
            self._tools[call_id][1].waiting = waiting
            self._render_tool(call_id)

    def toggle_tool(self, call_id: str) -> None:
        if call_id in self._tools:
            row = self._tools[call_id][1]
            row.expanded = not row.expanded
            self._render_tool(call_id)

    def tool_text(self, call_id: str) -> str:
        return self._tools[call_id][1].plain() if call_id in self._tools else ""

    def _render_tool(self, call_id: str) -> None:
        block, row = self._tools[call_id]
        cursor = QTextCursor(block)
        cursor.setPosition(block.position())
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        row.render(cursor)
        self._follow()

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "tool":
            self.toggle_tool(url.path())
        elif url.scheme() == "picture":
            self.picture_clicked.emit(url.path(), self.pictures.get(url.path(), ""))

    def text_of(self, item_id: str) -> str:
        return str(self._texts.get(item_id, ""))

    def turns(self) -> list[str]:
        return [text.text for text in self._texts.values()]

    # ---- helpers ------------------------------------------------------------------------------

    def _end_cursor(self) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        return cursor

    @staticmethod
    def _block_format(top: int) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        return fmt

    def _follow(self) -> None:
        """Keep the newest text in view unless the user scrolled up to read."""
        bar = self.verticalScrollBar()
        if bar.maximum() - bar.value() < 80:
            bar.setValue(bar.maximum())

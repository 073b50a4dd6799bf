"""Cut a region from a captured screen: the picture fills the screen, dimmed, and the user drags
a rectangle over what to show (Esc or a click without a drag: nothing is sent)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from assistant.ui.a11y import describe


class RegionPicker(QWidget):
    chosen = Signal(object)             # QRect in the picture's pixels, or None

    def __init__(self, screen: QImage) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.screen_image = screen
        self._start: QPoint | None = None
        self._end = QPoint()
        self._answered = False
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setWindowTitle(self.tr("Choose a region"))
        describe(self, self.tr("Drag over the part of the screen to show; Esc cancels"),
                 self.tr("Choose a region"))

    def open(self) -> None:
        where = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        self.setGeometry(where.geometry() if where is not None else QRect(0, 0, 800, 600))
        self.show()
        self.raise_()
        self.activateWindow()
        self.grabKeyboard()

    def selection(self) -> QRect:
        """The dragged rectangle in the picture's pixels."""
        if self._start is None:
            return QRect()
        return self._in_picture(self._dragged())

    def _dragged(self) -> QRect:
        """From where the drag began to where it is: a 400 px drag is 400 px wide."""
        assert self._start is not None
        a, b = self._start, self._end
        return QRect(min(a.x(), b.x()), min(a.y(), b.y()), abs(a.x() - b.x()),
                     abs(a.y() - b.y()))

    def _in_picture(self, box: QRect) -> QRect:
        scale_x = self.screen_image.width() / max(1, self.width())
        scale_y = self.screen_image.height() / max(1, self.height())
        return QRect(round(box.x() * scale_x), round(box.y() * scale_y),
                     round(box.width() * scale_x), round(box.height() * scale_y))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start = self._end = event.position().toPoint()
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._start is not None:
            self._end = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            return
        self._end = event.position().toPoint()
        area = self.selection()
        self._answer(area if area.width() >= 8 and area.height() >= 8 else None)

    def event(self, event: QEvent) -> bool:
        """Esc is ours while picking, not the main window's shortcut (which interrupts)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._answer(None)

    def _answer(self, area: QRect | None) -> None:
        if not self._answered:
            self._answered = True
            self.releaseKeyboard()
            self.chosen.emit(area)
            self.close()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(self.rect(), self.screen_image)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))
        if self._start is not None:
            box = self._dragged()
            painter.drawImage(box, self.screen_image, self._in_picture(box))
            painter.setPen(QPen(QColor("#4da3ff"), 2))
            painter.drawRect(box)
        painter.end()

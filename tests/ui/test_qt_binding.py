"""Guards against a broken Qt binding: PySide6-Essentials 6.12.0 loses a reference to None on
every void method call, so on Python 3.11 a window that paints 60 times a second aborts with
"deallocating None" within a minute. pyproject.toml pins below it; this fails if that slips."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive():
    image = QImage(64, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.drawLine(0, 0, 10, 10)
        painter.setBrush(QColor(1, 2, 3))
        painter.drawRoundedRect(QRectF(0, 0, 8, 8), 2, 2)
    painter.end()
    assert sys.getrefcount(None) - before > -100

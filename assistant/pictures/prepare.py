"""A picture made ready for an `input_image` part: checked, scaled, encoded by content.

The longest side is cut to 2048 px: OpenAI's vision guide says a `high` detail image is first
scaled to fit 2048 × 2048 (then its short side to 768), so more pixels only cost bytes on the
wire. Screens, text and drawings (few colours) go as PNG, which keeps letters sharp and is small
for them; photos and gradients go as JPEG, which is many times smaller for those. Qt's image
readers do the decoding (a file over MAX_FILE_BYTES or an image over MAX_PIXELS is refused
before it is decoded).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from assistant.translatable import QT_TRANSLATE_NOOP

MAX_SIDE = 2048
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 8192 * 8192
JPEG_QUALITY = 85
FLAT_COLOURS = 2048          # distinct colours in a 256 px sample: at most this, a PNG
MIME = {"png": "image/png", "jpeg": "image/jpeg"}


class PictureError(ValueError):
    """Not a picture that can be shown: the message is the sentence for the user."""


@dataclass(frozen=True)
class Picture:
    data: bytes                    # the encoded image
    kind: str                      # png | jpeg
    width: int
    height: int
    original: tuple[int, int]      # its size before scaling

    @property
    def mime(self) -> str:
        return MIME[self.kind]

    @property
    def suffix(self) -> str:
        return ".png" if self.kind == "png" else ".jpg"

    def data_uri(self) -> str:
        return f"data:{self.mime};base64," + base64.b64encode(self.data).decode("ascii")

    def size_text(self) -> str:
        return f"{self.width} × {self.height}"


def _error(text: str, **values: object) -> PictureError:
    return PictureError(QCoreApplication.translate("Pictures", text).format(**values))


def read_image(raw: bytes) -> QImage:
    """Decode `raw` (any format Qt reads); PictureError with a sentence when it cannot."""
    if len(raw) > MAX_FILE_BYTES:
        raise _error(QT_TRANSLATE_NOOP("Pictures", "The picture is too large ({mb} MB); the "
                                       "limit is {limit} MB."),
                     mb=f"{len(raw) / 1e6:.0f}", limit=MAX_FILE_BYTES // 1_000_000)
    buffer = QBuffer()
    buffer.setData(QByteArray(raw))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size: QSize = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise _error(QT_TRANSLATE_NOOP("Pictures", "The picture is too large ({width} × "
                                       "{height} pixels)."),
                     width=size.width(), height=size.height())
    image = reader.read()
    if image.isNull():
        raise _error(QT_TRANSLATE_NOOP("Pictures", "That is not a picture this app can read "
                                       "(PNG or JPEG work)."))
    return image


def prepare(image: QImage) -> Picture:
    """`image` scaled to MAX_SIDE and encoded as PNG or JPEG, whichever suits its content."""
    if image.isNull() or image.width() < 1 or image.height() < 1:
        raise _error(QT_TRANSLATE_NOOP("Pictures", "The picture is empty."))
    original = (image.width(), image.height())
    if max(original) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    kind = "png" if is_flat(image) else "jpeg"
    if kind == "jpeg" and image.hasAlphaChannel():
        image = _on_white(image)
    return Picture(encode(image, kind), kind, image.width(), image.height(), original)


def encode(image: QImage, kind: str) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    quality = JPEG_QUALITY if kind == "jpeg" else -1
    if not image.save(buffer, kind.upper(), quality):  # type: ignore[call-overload]  # str works
        raise _error(QT_TRANSLATE_NOOP("Pictures", "The picture could not be encoded as "
                                       "{kind}."), kind=kind.upper())
    return bytes(buffer.data().data())


def pixels(image: QImage, side: int = 256) -> np.ndarray:
    """A small RGB sample of `image` as an (h, w, 3) array: enough to judge its content."""
    small = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.FastTransformation)
    small = small.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(small.constBits(), np.uint8).reshape(small.height(),
                                                             small.bytesPerLine())
    return rows[:, :small.width() * 3].reshape(small.height(), small.width(), 3)


def is_flat(image: QImage) -> bool:
    """Few distinct colours (a screen of text and widgets, a chart): PNG suits it."""
    sample = pixels(image).reshape(-1, 3).astype(np.uint32)
    packed = (sample[:, 0] << 16) | (sample[:, 1] << 8) | sample[:, 2]
    return len(np.unique(packed)) <= FLAT_COLOURS


def lightness(image: QImage) -> str:
    """"dark", "light" or "mixed": what most of the picture is (the demo server says it)."""
    luma = pixels(image, 64) @ np.array([0.2126, 0.7152, 0.0722])
    dark = float(np.mean(luma < 96))
    return "dark" if dark >= 0.6 else "light" if dark <= 0.4 else "mixed"


def _on_white(image: QImage) -> QImage:
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat

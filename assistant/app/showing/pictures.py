"""A picture into the conversation: captured (or pasted, dropped, asked for by the model's tool),
made ready by `pictures.prepare`, sent as a user message with the turn's words, then answered.

The answer is asked for at once unless the user is talking: then the spoken turn ends it and its
one response sees both. Nothing is captured but on the user's action or an allowed tool call, and
`captured` tells the views to show that it happened. A picture is written to the history only if
the user keeps pictures (Settings); either way this run keeps the last ones to show them whole.
"""

from __future__ import annotations

import concurrent.futures
import logging
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QImage

from assistant.app.conversation.record import ConversationRecord
from assistant.app.settings import Preferences
from assistant.app.tool_use.host_services import QtHostServices
from assistant.modes import ConnectionState
from assistant.pictures.prepare import MAX_FILE_BYTES, Picture, PictureError, prepare, read_image
from assistant.realtime.events import user_picture
from assistant.realtime.session import RealtimeSession
from assistant.tools.registry import ToolError

log = logging.getLogger(__name__)
DETAILS = ("auto", "low", "high")
KEPT_IN_MEMORY = 20              # pictures of this run the viewer can show and send again


class Live(Protocol):
    @property
    def session(self) -> RealtimeSession | None: ...


class Staged(Protocol):
    @property
    def state(self) -> ConnectionState: ...


class Grabbed(Protocol):
    image: QImage | None
    why: str
    pick_region: bool


@dataclass
class NotGrabbed:
    why: str
    image: QImage | None = None
    pick_region: bool = False


class Grabber(Protocol):
    """What takes the picture (the shell gives the desktop's `ScreenCapture`)."""

    def grab(self, kind: str, done: Callable[[Grabbed], None]) -> None: ...


class Showing(QObject):
    shown = Signal(str, object, str)     # item id, the picture as sent (QImage), what it is
    region_wanted = Signal(object, str)  # the screen (QImage) to cut a region from, the words
    captured = Signal(str)               # the visible sign that something was captured
    notice = Signal(str)                 # a problem, as one line in the conversation

    def __init__(self, prefs: Preferences, live: Live, record: ConversationRecord,
                 stage: Staged, host: QtHostServices) -> None:
        super().__init__()
        self.prefs, self.live, self.record, self.stage = prefs, live, record, stage
        self.grabber: Grabber | None = None        # the shell gives the desktop's capture
        host.looker = self.look
        self._kept: OrderedDict[str, Picture] = OrderedDict()

    # ---- the user's intents -------------------------------------------------------------------

    def show_screen(self, kind: str = "screen", words: str = "") -> None:
        """The screen under the pointer, the window in use, or a region of the screen."""
        started = time.perf_counter()
        self._grab(kind, lambda grab: self._grabbed(grab, kind, words, started))

    def cut_region(self, screen: QImage, area: QRect | None, words: str = "") -> None:
        """The region the user chose on `screen` (None: they changed their mind)."""
        if area is not None and not (part := screen.copy(area.intersected(screen.rect()))
                                     ).isNull() and min(part.width(), part.height()) >= 8:
            self._show(part, words, self.tr("a region of the screen"), time.perf_counter())

    def attach_image(self, image: QImage, words: str = "") -> None:
        """A picture pasted from the clipboard."""
        self._show(image, words, self.tr("a pasted picture"), time.perf_counter())

    def attach_file(self, path: str, words: str = "") -> None:
        """A picture file dropped on the window."""
        started = time.perf_counter()
        try:
            if Path(path).stat().st_size > MAX_FILE_BYTES:
                raise PictureError(self.tr("{name} is too large to show (over {mb} MB).").format(
                    name=Path(path).name, mb=MAX_FILE_BYTES // 1_000_000))
            image = read_image(Path(path).read_bytes())
        except (OSError, PictureError) as exc:
            self.notice.emit(self.tr("{name} cannot be shown: {why}").format(
                name=Path(path).name, why=exc.strerror if isinstance(exc, OSError) else exc))
            return
        self._show(image, words, Path(path).name, started)

    def show_again(self, item_id: str) -> None:
        """Send a picture shown earlier once more (after a reconnect it went as a line only)."""
        if (picture := self._kept.get(item_id)) is not None:
            self._show(QImage.fromData(picture.data), "", self.tr("a picture shown again"),
                       time.perf_counter())

    def picture(self, item_id: str) -> QImage | None:
        picture = self._kept.get(item_id)
        return QImage.fromData(picture.data) if picture is not None else None

    # ---- the model's look_at_screen tool ------------------------------------------------------

    def look(self, result: concurrent.futures.Future[str]) -> None:
        """Capture the screen for the tool: the picture goes in as a user message, and the tool's
        output says so (the tool's response comes after its output)."""
        started = time.perf_counter()

        def grabbed(grab: Grabbed) -> None:
            if grab.image is None:
                result.set_exception(ToolError(grab.why))
                return
            self.captured.emit(self.tr("The assistant looked at your screen"))
            try:
                said = self._send(grab.image, "", self.tr("your screen, for the assistant"),
                                  started, respond=False)
            except PictureError as exc:
                result.set_exception(ToolError(str(exc)))
                return
            result.set_result(f"{said}; it is in the user message just before this result")
        self._grab("screen", grabbed)

    # ---- helpers ------------------------------------------------------------------------------

    def _grab(self, kind: str, done: Callable[[Grabbed], None]) -> None:
        if self.grabber is None:
            done(NotGrabbed(self.tr("Showing the screen is not available here.")))
        else:
            self.grabber.grab(kind, done)

    def _grabbed(self, grab: Grabbed, kind: str, words: str, started: float) -> None:
        if grab.image is None:
            self.notice.emit(grab.why)
        elif grab.pick_region:
            self.region_wanted.emit(grab.image, words)
        else:
            self.captured.emit(self.tr("Captured the window") if kind == "window"
                               else self.tr("Captured the screen"))
            self._show(grab.image, words, self.tr("the window") if kind == "window" else
                       self.tr("the screen"), started)

    def _show(self, image: QImage, words: str, what: str, started: float) -> None:
        """The user's own pictures: sent and answered, or one sentence saying why not."""
        try:
            self._send(image, words, what, started)
        except PictureError as exc:
            self.notice.emit(str(exc))

    def _send(self, image: QImage, words: str, what: str, started: float,
              respond: bool = True) -> str:
        """Send `image` as a user message; what was sent, or PictureError with why not."""
        session = self.live.session
        if session is None or not session.is_open:
            raise PictureError(self.tr("Not connected: connect first to show a picture."))
        if session.endpoint.dialect == "beta":
            raise PictureError(self.tr("This endpoint speaks the older beta protocol, which "
                                       "takes no pictures."))
        picture = prepare(image)
        item_id = "pic_" + secrets.token_hex(8)
        detail = self.prefs.current.picture_detail
        self.record.picture(item_id, picture.data, picture.suffix,
                            self.prefs.current.keep_pictures)
        session.send(user_picture(picture.data_uri(), detail if detail in DETAILS else "auto",
                                  words.strip(), item_id))
        log.info("picture sent: %s %s, %d bytes, %.0f ms from capture to item", picture.kind,
                 picture.size_text(), len(picture.data), (time.perf_counter() - started) * 1000)
        self._keep(item_id, picture)
        self.shown.emit(item_id, QImage.fromData(picture.data), f"{what}, {picture.size_text()}")
        if respond and self.stage.state != ConnectionState.RECORDING:   # a spoken turn asks
            session.create_response()
        return f"{what}: a {picture.size_text()} picture"

    def _keep(self, item_id: str, picture: Picture) -> None:
        self._kept[item_id] = picture
        while len(self._kept) > KEPT_IN_MEMORY:
            self._kept.popitem(last=False)

"""Pictures into the conversation, by the app against the embedded server: Qt's screen grabbed
(offscreen, a real screen of 800 × 800), a file, the turn's words, the answer, the history's
files, a reconnect's placeholder and showing it again; bad input is a sentence, nothing sent."""

from __future__ import annotations

import base64
import json
import stat

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

from assistant.app.conversation.replay import PICTURE_PLACEHOLDER
from assistant.desktop.screen_capture import ScreenCapture
from assistant.modes import ConnectionState
from assistant.store.records import NOT_KEPT
from tests.helpers import until


def sent_pictures(rig) -> list[tuple[dict, QImage]]:
    """(item, decoded picture) of every input_image the server received."""
    found = []
    for direction, event, _dialect in rig.server.wire.events:
        if direction == "in" and event["type"] == "conversation.item.create":
            for part in event["item"].get("content") or []:
                if part.get("type") == "input_image":
                    raw = base64.b64decode(part["image_url"].partition(",")[2])
                    found.append((event["item"], QImage.fromData(raw)))
    return found


def creates(rig) -> int:
    return rig.server.wire.types("in").count("response.create")


@pytest.fixture
def showing(rig):
    rig.controller.showing.grabber = ScreenCapture()
    shown: list[tuple[str, QImage, str]] = []
    rig.controller.showing.shown.connect(lambda *a: shown.append(a))
    rig.shown = shown
    return rig.controller.showing


async def test_the_screen_goes_with_the_typed_words_and_is_answered(rig, showing, qapp):
    before = creates(rig)
    showing.show_screen("screen", "what does this error mean?")
    await until(lambda: rig.answers(), message="the answer")
    (item, picture), = sent_pictures(rig)
    assert picture.size() == qapp.primaryScreen().size()
    assert item["content"][0] == {"type": "input_text", "text": "what does this error mean?"}
    assert item["content"][1]["detail"] == "auto"
    assert creates(rig) == before + 1
    size = f"{picture.width()} × {picture.height()}"
    assert rig.answers()[-1].startswith(f"I see a {size} picture, mostly")
    assert 'You said: "what does this error mean?"' in rig.answers()[-1]
    item_id, _thumbnail, caption = rig.shown[0]
    assert item_id == item["id"] and caption == f"the screen, {size}"
    assert showing.picture(item_id).size() == picture.size()


async def test_the_history_keeps_the_picture_as_a_private_file_and_exports_it(rig, showing,
                                                                            tmp_path):
    showing.show_screen("screen")
    await until(lambda: rig.answers(), message="the answer")
    conversation = rig.controller.record.conversation
    kept = [i for i in rig.history.items(conversation) if i.image]
    assert len(kept) == 1 and kept[0].role == "user"
    path = rig.history.pictures.path(kept[0].image)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    messages: list[str] = []
    rig.controller.history.message.connect(messages.append)
    rig.controller.history.export(conversation, str(tmp_path / "talk.md"))
    markdown = (tmp_path / "talk.md").read_text()
    assert f"![a picture you showed](talk.pictures/{kept[0].image})" in markdown
    copy = tmp_path / "talk.pictures" / kept[0].image
    assert copy.read_bytes() == path.read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
    rig.controller.history.export(conversation, str(tmp_path / "talk.json"))
    items = json.loads((tmp_path / "talk.json").read_text())["items"]
    assert [i["image"] for i in items if i["image"]] == [f"talk.pictures/{kept[0].image}"]
    rig.controller.history.delete(conversation)
    assert not path.exists()                          # deleted with its conversation


async def test_a_user_who_keeps_no_pictures_gets_a_line_and_no_file(rig, showing):
    rig.controller.settings.keep_pictures = False
    showing.show_screen("screen")
    await until(lambda: rig.answers(), message="the answer")
    items = rig.history.items(rig.controller.record.conversation)
    assert [i.image for i in items if i.image] == [NOT_KEPT]
    assert rig.history.pictures.folder is not None and not rig.history.pictures.folder.exists()


async def test_after_a_reconnect_a_picture_is_a_line_until_shown_again(rig, showing):
    showing.show_screen("screen", "look")
    await until(lambda: rig.answers(), message="the answer")
    item_id = rig.shown[0][0]
    rig.controller.connect_()                         # a new session: the conversation replays
    await until(lambda: rig.ready and rig.server.wire.types("in").count("session.update") >= 2,
                message="reconnected")
    await until(lambda: any(PICTURE_PLACEHOLDER in json.dumps(e) for d, e, _ in
                            rig.server.wire.events if d == "in"), message="the replayed line")
    assert len(sent_pictures(rig)) == 1               # not sent again by itself
    showing.show_again(item_id)
    await until(lambda: len(sent_pictures(rig)) == 2, message="shown again")
    assert sent_pictures(rig)[1][1].size() == sent_pictures(rig)[0][1].size()


async def test_while_the_user_talks_the_spoken_turn_asks_for_the_answer(rig, showing):
    before = creates(rig)
    rig.controller.stage.set_state(ConnectionState.RECORDING, "recording")
    showing.show_screen("screen")
    await until(lambda: sent_pictures(rig), message="the picture")
    await until(lambda: rig.server.wire.types("out").count("conversation.item.done") >= 1)
    assert creates(rig) == before


async def test_a_region_is_cut_from_the_screen_at_the_size_chosen(rig, showing):
    wanted: list[tuple[QImage, str]] = []
    showing.region_wanted.connect(lambda screen, words: wanted.append((screen, words)))
    showing.show_screen("region", "this part")
    assert wanted and not sent_pictures(rig)           # the user picks first
    showing.cut_region(wanted[0][0], None, "this part")
    assert not sent_pictures(rig)                      # Esc: nothing sent
    showing.cut_region(wanted[0][0], QRect(10, 20, 300, 200), "this part")
    await until(lambda: sent_pictures(rig), message="the region")
    assert sent_pictures(rig)[0][1].size().toTuple() == (300, 200)


def picture_of_bars() -> QImage:
    """A 1280 × 800 screen of a few flat colours: a background and bars."""
    image = QImage(1280, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4f6f8"))
    painter = QPainter(image)
    for number in range(8):
        painter.fillRect(80 + number * 140, 700 - number * 70, 90, number * 70 + 20,
                         QColor("#3b82c4"))
    painter.end()
    return image


def picture_file(path, width: int, height: int, color: str = "#336699") -> str:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return str(path)


async def test_a_dropped_file_is_shown_and_bad_ones_are_sentences(rig, showing, tmp_path):
    photo = picture_file(tmp_path / "photo.jpg", 4000, 3000)
    showing.attach_file(photo)
    await until(lambda: sent_pictures(rig), message="the file's picture")
    assert sent_pictures(rig)[0][1].size().toTuple() == (2048, 1536)     # longest side 2048
    (tmp_path / "notes.png").write_text("not a picture")
    showing.attach_file(str(tmp_path / "notes.png"))
    with open(tmp_path / "huge.png", "wb") as huge:
        huge.truncate(30_000_000)
    showing.attach_file(str(tmp_path / "huge.png"))
    big = QImage(9000, 9000, QImage.Format.Format_Mono)
    big.fill(0)
    assert big.save(str(tmp_path / "wide.png"))
    showing.attach_file(str(tmp_path / "wide.png"))
    showing.attach_file(str(tmp_path / "gone.png"))
    assert rig.notices[-4:] == [
        "notes.png cannot be shown: That is not a picture this app can read (PNG or JPEG "
        "work).",
        "huge.png cannot be shown: huge.png is too large to show (over 20 MB).",
        "wide.png cannot be shown: The picture is too large (9000 × 9000 pixels).",
        "gone.png cannot be shown: No such file or directory"]
    assert len(sent_pictures(rig)) == 1


async def test_not_connected_or_beta_is_a_sentence(rig, showing):
    rig.controller.settings.dialect = "beta"
    rig.controller.connect_()
    await until(lambda: rig.ready and rig.controller.session.endpoint.dialect == "beta",
                message="connected in beta")
    showing.show_screen("screen")
    assert rig.notices[-1] == "This endpoint speaks the older beta protocol, which takes no " \
                              "pictures."
    rig.controller.disconnect_()
    await until(lambda: rig.controller.session is None, message="disconnected")
    showing.show_screen("screen")
    assert rig.notices[-1] == "Not connected: connect first to show a picture."
    assert sent_pictures(rig) == []


async def test_a_pasted_photo_goes_as_jpeg_and_a_screen_of_text_as_png(rig, showing):
    import numpy as np

    noise = np.random.default_rng(3).integers(0, 255, (300, 480, 3), np.uint8).tobytes()
    showing.attach_image(QImage(noise, 480, 300, 480 * 3, QImage.Format.Format_RGB888), "and?")
    await until(lambda: sent_pictures(rig), message="the pasted photo")
    item, photo = sent_pictures(rig)[0]
    assert item["content"][1]["image_url"].startswith("data:image/jpeg;base64,")
    assert photo.size().toTuple() == (480, 300)
    flat = picture_of_bars()       # a screen of flat colours (Qt's offscreen screen holds
    showing.attach_image(flat)     # whatever windows earlier tests left: not flat, always)
    await until(lambda: len(sent_pictures(rig)) == 2, message="the screen")
    assert sent_pictures(rig)[1][0]["content"][0]["image_url"].startswith("data:image/png;")

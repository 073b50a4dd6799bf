"""Pictures through the window, on a fake of the app: the Show button and its menu, paste and
drop, the thumbnail and the viewer, the region picker, the capture sign. What the window does is
turn these into intents and render what it hears."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QImage, QKeySequence
from PySide6.QtTest import QTest

from assistant.ui.picture_viewer import PictureViewer
from assistant.ui.region_picker import RegionPicker


def image(width: int = 640, height: int = 400, color: str = "#224466") -> QImage:
    picture = QImage(width, height, QImage.Format.Format_RGB32)
    picture.fill(QColor(color))
    return picture


def test_show_takes_the_typed_words_along_and_the_menu_offers_the_rest(window, qtbot):
    window, model = window
    window.text_edit.setText("what is this chart?")
    window.pane.show_button.click()
    assert model.asked.calls[-1] == ("show_screen", ("screen", "what is this chart?"))
    assert window.text_edit.text() == ""
    for kind in ("window", "region"):
        window.pane.show_button.actions_by_kind[kind].trigger()
        assert model.asked.calls[-1] == ("show_screen", (kind, ""))
    QTest.keySequence(window, QKeySequence(model.settings.screen_shortcut))
    assert model.asked.calls[-1] == ("show_screen", ("screen", ""))


def test_ctrl_v_shows_a_pasted_picture_and_pastes_text_as_text(window, qtbot):
    window, model = window
    window.text_edit.setFocus()
    QGuiApplication.clipboard().setImage(image(320, 200))
    window.text_edit.setText("and this?")
    QTest.keySequence(window.text_edit, QKeySequence.StandardKey.Paste)
    assert model.asked.calls[-1][0] == "attach_image"
    assert model.asked.calls[-1][1][0].toTuple() == (320, 200)
    assert model.asked.calls[-1][1][1] == "and this?"
    QGuiApplication.clipboard().setText("plain words")
    QTest.keySequence(window.text_edit, QKeySequence.StandardKey.Paste)
    assert window.text_edit.text() == "plain words"
    assert [n for n in model.asked.names() if n == "attach_image"] == ["attach_image"]


def test_a_dropped_file_is_handed_to_the_app(window, tmp_path):
    """Qt delivers a drop only during a real drag, which offscreen has none of: the pane's drop
    handler is given the event a drag would end with."""
    window, model = window
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "chart.png"))])
    pane = window.pane
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    pane.dropEvent(drop)
    assert drop.isAccepted()
    assert model.asked.calls[-1] == ("attach_file", (str(tmp_path / "chart.png"), ""))


def test_a_shown_picture_is_a_thumbnail_that_opens_whole_and_can_go_again(window, qtbot):
    window, model = window
    model.showing.kept["pic_1"] = image(1280, 800)
    model.showing.shown.emit("pic_1", image(1280, 800), "the screen, 1280 × 800")
    assert window.transcript.pictures == {"pic_1": "the screen, 1280 × 800"}
    assert "the screen, 1280 × 800" in window.transcript.toPlainText()
    window.transcript.anchorClicked.emit(QUrl("picture:pic_1"))
    viewer = window.findChild(PictureViewer)
    assert viewer is not None and viewer.isVisible()
    viewer.again_button.click()
    assert model.asked.calls[-1] == ("show_again", ("pic_1",))
    window.transcript.anchorClicked.emit(QUrl("picture:pic_gone"))
    assert "no longer at hand" in window.statusBar().currentMessage()


def test_a_region_is_dragged_out_or_cancelled(window, qtbot):
    window, model = window
    model.showing.region_wanted.emit(image(800, 600), "here")
    picker = window.pane.pictures.picker
    assert isinstance(picker, RegionPicker) and picker.isVisible()
    scale_x, scale_y = 800 / picker.width(), 600 / picker.height()
    QTest.mousePress(picker, Qt.MouseButton.LeftButton, pos=QPoint(50, 40))
    QTest.mouseMove(picker, QPoint(150, 120))
    QTest.mouseRelease(picker, Qt.MouseButton.LeftButton, pos=QPoint(250, 190))
    name, (area, words) = model.asked.calls[-1]
    assert name == "cut_region" and words == "here"
    assert (area.width(), area.height()) == (round(200 * scale_x), round(150 * scale_y))
    model.showing.region_wanted.emit(image(800, 600), "")
    QTest.keyClick(window.pane.pictures.picker, Qt.Key.Key_Escape)
    assert model.asked.calls[-1] == ("cut_region", (None, ""))


def test_a_capture_is_signed_where_it_can_be_seen(window, qtbot):
    window, model = window
    model.showing.captured.emit("Captured the screen")
    sign = window.pane.pictures.sign
    assert sign.isVisible() and sign.text() == "● Captured the screen"
    qtbot.waitUntil(lambda: not sign.isVisible(), timeout=5000)


def test_the_settings_keep_the_show_key_detail_and_pictures(qtbot):
    from assistant.app.model import Settings
    from assistant.ui.desktop_page import DesktopPage

    page = DesktopPage(False, "", "Ctrl+Alt+S works in every application.")
    qtbot.addWidget(page)
    page.load(Settings(screen_shortcut="Ctrl+Alt+P", picture_detail="high", keep_pictures=False))
    applied = page.apply(Settings())
    assert (applied.screen_shortcut, applied.picture_detail, applied.keep_pictures) == \
        ("Ctrl+Alt+P", "high", False)
    page.screen_shortcut.clear()
    assert page.apply(Settings()).screen_shortcut == ""           # off
    assert page.screen_status.text() == "Ctrl+Alt+S works in every application."

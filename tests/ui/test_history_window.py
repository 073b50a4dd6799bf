"""The history side panel, the price table in Settings and the reconnect countdown, in the window
against the embedded server."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from assistant.config import history_path
from assistant.models import REALTIME_DEFAULT
from assistant.modes import ConnectionState
from assistant.store.history import History
from tests.helpers import until


async def ready(shell) -> None:
    await until(lambda: shell.controller.session is not None
                and shell.controller.session.configured
                and shell.controller.state == ConnectionState.READY, message="connected")


async def say(shell, text: str) -> None:
    transcript = shell.window.transcript
    before = len(transcript.turns())
    shell.window.text_edit.setText(text)
    shell.window.text_edit.returnPressed.emit()
    await until(lambda: len(transcript.turns()) >= before + 2
                and shell.controller.session is not None
                and not shell.controller.session.response_active, timeout=15,
                message=f"answer to {text}")


async def test_history_lists_searches_continues_exports_and_deletes(make_shell, qtbot, tmp_path,
                                                                    monkeypatch):
    shell = await make_shell("--offline")
    await ready(shell)
    await say(shell, "tell me about penguins")
    await say(shell, "and about walruses")
    window, panel = shell.window, shell.window.history
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: panel.isVisible() and panel.list.count() == 1, message="listed")
    assert panel.list.item(0).text().startswith("tell me about penguins")
    assert "2 replies" in panel.list.item(0).text()
    panel.search.setText("walrus")
    await until(lambda: panel.list.count() == 1, message="found")
    panel.search.setText("giraffe")
    await until(lambda: panel.list.count() == 0, message="nothing found")
    panel.search.setText("")
    await until(lambda: panel.list.count() == 1, message="all again")
    panel.list.setCurrentRow(0)
    await until(lambda: "walruses" in panel.preview.toPlainText(), message="preview")
    assert panel.width() > 200                     # shown in the splitter, not squeezed to 0
    window.grab().save(str(tmp_path / "history.png"))

    for suffix in ("md", "json"):
        target = tmp_path / f"out.{suffix}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, t=target, **k: (str(t), ""))
        panel.export_button.click()
        await until(target.exists, message=f"{suffix} written")
    assert "penguins" in (tmp_path / "out.md").read_text()
    document = json.loads((tmp_path / "out.json").read_text())
    assert [i["role"] for i in document["items"]] == ["user", "assistant"] * 2

    # a new conversation, then continue the old one: the model is given it back
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    await ready(shell)
    assert window.transcript.turns() == []
    panel.continue_button.click()
    await ready(shell)
    assert any("walruses" in t for t in window.transcript.turns())
    [conn] = shell.controller.endpoints._demo._server.connections
    replayed = [e["item"] for e in conn.received if e["type"] == "conversation.item.create"]
    assert replayed[0]["content"][0]["text"] == "tell me about penguins" and len(replayed) == 4
    await say(shell, "and seals?")
    await until(lambda: "3 replies" in panel.list.item(0).text(), message="one conversation")

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.list.setCurrentRow(0)
    panel.delete_button.click()
    await until(lambda: panel.list.count() == 0, message="deleted")
    assert panel.status.text() == "Conversation deleted."
    await say(shell, "after the delete")          # the current one was deleted: a new one
    await until(lambda: panel.list.count() == 1, message="saved anew")
    assert panel.list.item(0).text().startswith("after the delete")


async def test_a_corrupt_history_is_moved_aside_and_said_in_the_window(make_shell, tmp_path):
    (tmp_path / "history.db").write_bytes(b"garbage" * 1000)
    shell = await make_shell("--offline")
    await ready(shell)
    assert any(p.name.startswith("history.db.broken-") for p in tmp_path.iterdir())
    document = shell.window.transcript.toPlainText()
    assert "was damaged; it was moved to history.db.broken-" in document
    await say(shell, "still saved")
    assert History.open(tmp_path / "history.db").conversations()[0].title == "still saved"


def test_the_history_lives_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert history_path() == tmp_path / "voice-assistant" / "history.db"


async def test_a_bad_price_table_is_refused_in_settings(make_shell, qtbot):
    shell = await make_shell("--offline")
    shell.open_settings()
    dialog = shell.settings_dialog
    dialog.prices.setPlainText(f'{{"{REALTIME_DEFAULT}": {{"text_in": "cheap"}}}}')
    dialog._accept()
    assert dialog.isVisible() and "needs exactly" in dialog.price_error.text()
    assert dialog.tabs.currentIndex() == 1
    dialog.prices.setPlainText(json.dumps({REALTIME_DEFAULT: {       # the model in use
        "text_in": 1, "cached_text_in": 0, "audio_in": 1, "cached_audio_in": 0,
        "text_out": 1, "audio_out": 1}}))
    dialog.rollover.setValue(30)
    dialog._accept()
    assert not dialog.isVisible()
    assert shell.controller.settings.rollover_minutes == 30.0
    assert '"audio_out": 1' in shell.controller.settings.prices
    await ready(shell)
    await say(shell, "what does this cost")
    assert "$" in shell.window.usage_label.text()


async def test_the_countdown_shows_and_retry_now_cuts_it_short(make_shell, qtbot):
    shell = await make_shell("--offline")
    await ready(shell)
    window = shell.window
    window.render_countdown(7, "the server refused the connection (HTTP 503)")
    assert window.retry_button.isVisible()
    assert "Reconnecting in 7 s" in window.state_label.text()
    tries: list[bool] = []
    shell.controller.keeper._wake.set = lambda: tries.append(True)
    qtbot.mouseClick(window.retry_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert tries == [True, True]
    window.render_countdown(0, "")
    assert not window.retry_button.isVisible()


async def test_a_shown_picture_is_in_the_history_panel_from_its_file(make_shell, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    shell = await make_shell("--offline")
    await ready(shell)
    chart = QImage(640, 400, QImage.Format.Format_RGB32)
    chart.fill(QColor("#3b82c4"))
    assert chart.save(str(tmp_path / "chart.png"))
    dropped = QMimeData()
    dropped.setUrls([QUrl.fromLocalFile(str(tmp_path / "chart.png"))])
    window, panel = shell.window, shell.window.history
    window.text_edit.setText("what is this?")
    assert window.pane.pictures.paste(dropped)       # as a drop or a paste of a file would
    await until(lambda: any(t.startswith("I see a 640 × 400") for t in window.transcript.turns()),
                timeout=15, message="the answer")
    assert window.transcript.pictures and window.text_edit.text() == ""
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    await until(lambda: panel.list.count() == 1, message="listed")
    panel.list.setCurrentRow(0)
    await until(lambda: "file://" in panel.preview.toHtml(), message="the picture in the preview")
    source = panel.preview.toHtml().split('src="')[1].split('"')[0]
    shown = panel.preview.document().resource(QTextDocument.ResourceType.ImageResource,
                                              QUrl(source))
    assert shown is not None and shown.size().toTuple() == (640, 400)    # loaded from the file
    assert QUrl(source).toLocalFile().startswith(str(shell.history.pictures.folder))

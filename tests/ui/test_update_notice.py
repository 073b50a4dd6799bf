"""A newer version, as the window shows it: one quiet line with how to update and a link to
what is new, dismissed with a click; and the daily check's switch in Settings."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from assistant.app.model import Settings
from assistant.ui.desktop_page import DesktopPage
from assistant.ui.main_window import MainWindow
from tests.ui.fake_model import FakeModel


def test_the_notice_says_how_to_update_and_goes_when_dismissed(qtbot, monkeypatch):
    model = FakeModel()
    window = MainWindow(model)
    qtbot.addWidget(window)
    banner = window.pane.update_banner
    assert not banner.isVisibleTo(window)
    model.news.update_available.emit("9.1.0", "Download the new file from https://x.org/r",
                                     "- faster", "https://x.org/r")
    assert banner.isVisibleTo(window)
    assert "Voice Assistant 9.1.0 is available. Download the new file" in banner.text()
    assert "href='https://x.org/r'" in banner.text() and banner.toolTip() == "- faster"
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    banner.linkActivated.emit("https://x.org/r")
    assert opened == ["https://x.org/r"] and not banner.isVisibleTo(window)
    model.news.update_available.emit("9.1.0", "how", "", "javascript:alert(1)")
    assert "javascript" not in banner.text()                # only a web page is a link
    banner.linkActivated.emit("dismiss")
    assert not banner.isVisibleTo(window) and opened == ["https://x.org/r"]


def test_the_daily_check_can_be_turned_off(qtbot):
    page = DesktopPage(False, "")
    qtbot.addWidget(page)
    page.load(Settings(check_updates=False))
    assert not page.check_updates.isChecked()
    page.check_updates.setChecked(True)
    assert page.apply(Settings(check_updates=False)).check_updates

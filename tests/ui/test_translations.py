"""The window in German, with no English left; the catalogues complete and up to date."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from assistant.desktop.tray import Tray
from assistant.ui.i18n import choose, install
from assistant.ui.words import TURN_MODE_WORDS
from tests.ui.test_desktop import connected

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import i18n  # noqa: E402

# Names and values that read the same in both languages (not sentences of ours).
SAME = {"OK", "GA", "English", "Deutsch", "Authorization: Bearer", "api-key header",
        "Beta (OpenAI-Beta: realtime=v1)", "sk-...", "Esc",
        "Claude Desktop", "Cursor", "VS Code"}          # the apps MCP servers are imported from


def catalogue(language: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for message in ET.parse(i18n.catalogue(language)).getroot().iter("message"):
        forms = [f.text or "" for f in message.iter("numerusform")] or \
            [message.findtext("translation") or ""]
        found[message.findtext("source") or ""] = forms
    return found


def test_the_catalogues_hold_every_string_of_the_source_translated(tmp_path):
    """lupdate run on today's source: a string added without its translation is listed."""
    for language in i18n.LANGUAGES:
        fresh = i18n.update(tmp_path / f"{language}.ts", language)
        tree = ET.parse(fresh).getroot()
        untranslated = [m.findtext("source") for m in tree.iter("message")
                        if m.find("translation").get("type") in ("unfinished", "vanished",
                                                                 "obsolete")]
        assert untranslated == [], f"{language}: {untranslated}"
        assert len(list(tree.iter("message"))) > 350


def test_placeholders_survive_translation():
    for source, forms in catalogue("de").items():
        for form in forms:
            assert set(re.findall(r"\{\w+\}", form)) == set(re.findall(r"\{\w+\}", source)), \
                (source, form)
            assert ("%n" in form) == ("%n" in source) or len(forms) > 1, (source, form)


@pytest.mark.parametrize(("setting", "system", "chosen"), [
    ("de", ["en-US"], "de"), ("", ["de-AT", "en"], "de"), ("", ["fr-FR", "de-DE"], "de"),
    ("", ["fr-FR"], "en"), ("xx", ["de_CH"], "de")])
def test_the_setting_wins_then_the_systems_languages_in_order(setting, system, chosen):
    assert choose(setting, system) == chosen


def shown_texts(*roots: QWidget) -> set[str]:
    """Every piece of text a user can see or hear in these widgets."""
    texts: set[str] = set()
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            texts |= {widget.windowTitle(), widget.toolTip(), widget.accessibleName(),
                      widget.accessibleDescription()}
            if isinstance(widget, (QLabel, QAbstractButton)):
                texts.add(widget.text())
            if isinstance(widget, QGroupBox):
                texts.add(widget.title())
            if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
                texts.add(widget.placeholderText())
            if isinstance(widget, QComboBox):
                texts |= {widget.itemText(i) for i in range(widget.count())}
            if isinstance(widget, QTabWidget):
                texts |= {widget.tabText(i) for i in range(widget.count())}
            if isinstance(widget, QTreeWidget):
                header = widget.headerItem()
                texts |= {header.text(i) for i in range(header.columnCount())}
            if isinstance(widget, QTableWidget):
                texts |= {widget.horizontalHeaderItem(i).text()
                          for i in range(widget.columnCount())}
    return {re.sub(r"<[^>]+>", "", text).strip() for text in texts} - {""}


async def window_texts(make_shell) -> set[str]:
    shell = await make_shell("--offline")
    await connected(shell)
    shell.window.history_button.toggle()
    shell.window.inspector_button.toggle()
    shell.open_settings()
    shell.open_key_dialog("")
    tray = Tray(TURN_MODE_WORDS)
    menu = {action.text() for action in tray.menu.actions() + tray.mode_menu.actions()}
    texts = shown_texts(shell.window, shell.settings_dialog, shell.key_dialog) | menu
    texts.add(tray.icon.toolTip())
    shell.key_dialog.reject()
    shell.settings_dialog.reject()
    return texts


async def test_the_german_window_has_no_english_left(make_shell):
    app = QApplication.instance()
    english = await window_texts(make_shell)
    install(app, "de")
    try:
        german = await window_texts(make_shell)
    finally:
        install(app, "en")
        QLocale.setDefault(QLocale("en_US"))
    same_in_both = {source for source, forms in catalogue("de").items() if source in forms}
    settings_values = {"gpt-realtime", "gpt-4o-mini-transcribe", "wss://api.openai.com/v1",
                       "auto", "low", "medium", "high", "marin", "gpt-realtime-translate", "es",
                       "You are a helpful, concise voice assistant.", "Fake Microphone",
                       "Fake Speaker"}
    left = sorted(text for text in german & english
                  if re.search("[A-Za-z]{2}", text) and text not in SAME | same_in_both
                  and text not in settings_values and not re.fullmatch(r"[a-z0-9.-]+", text))
    assert "Einstellungen" in german and "Sprachassistent" in german
    assert left == [], left


def test_errors_are_said_in_the_windows_language_and_logged_in_english():
    from assistant.app.local_format import said
    from assistant.audio.devices import DeviceCatalog
    from assistant.errors import EndpointUnreachable
    from tests.fakes import FakePyAudio

    try:
        DeviceCatalog(lambda: FakePyAudio([])).find("input")
    except Exception as exc:
        missing = exc
    unreachable = EndpointUnreachable("api.example", "the connection was refused")
    app = QApplication.instance()
    install(app, "de")
    try:
        assert said(missing) == "Kein Mikrofon gefunden."
        assert said(unreachable) == "api.example ist nicht erreichbar: die Verbindung wurde " \
                                    "abgelehnt."
    finally:
        install(app, "en")
    assert str(unreachable) == "Cannot reach api.example: the connection was refused."
    assert said(missing) == str(missing) == "No microphone found."
    assert said(unreachable) == str(unreachable)

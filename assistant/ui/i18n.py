"""The window's language: the setting, else the first of the OS's languages we have; Qt's own
strings (standard buttons, dialogs) in the same language; numbers and dates in its locale."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from assistant.cli import LANGUAGES
from assistant.config import resource

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []


def choose(setting: str, system: list[str]) -> str:
    """The language to show: the setting's, else the first OS language we have, else English."""
    if setting in LANGUAGES:
        return setting
    for name in system:
        language = name.replace("_", "-").split("-")[0].lower()
        if language in LANGUAGES:
            return language
    return "en"


def install(app: QCoreApplication, setting: str = "") -> str:
    """Load the chosen language's catalogues into `app` (replacing earlier ones); returns it."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    system = QLocale.system().uiLanguages()
    language = choose(setting, system)
    ours = QTranslator()
    if ours.load(str(resource("translations") / f"voice-assistant_{language}.qm")):
        _installed.append(ours)
    else:
        log.warning("no translation catalogue for %s (run packaging/i18n.py compile)",
                    language)
    qt = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt.load(f"qtbase_{language}", folder):
        _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    if setting or language != choose("", system):
        QLocale.setDefault(QLocale(language))     # a chosen language formats as it does
    return language

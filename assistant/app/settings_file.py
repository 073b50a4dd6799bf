"""The settings file: Settings <-> QSettings, kept private, read forgivingly (a value from an
older version, or edited by hand, falls back to its default; a renamed setting is carried over)."""

from __future__ import annotations

import dataclasses
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Any, get_args

from PySide6.QtCore import QSettings

from assistant.app.settings import NOISE_REDUCTION, Settings
from assistant.cli import LANGUAGES
from assistant.private_files import create_private
from assistant.realtime.endpoint import AuthStyle, Dialect, TransportKind
from assistant.realtime.session_config import TRUNCATIONS

log = logging.getLogger(__name__)
# Settings no longer read. `always_allowed` was comma-separated text that a tool name with a comma
# could widen; its grants are not carried over (the user is asked once more).
_RETIRED = ("always_allowed", "mode", "dictation_language", "dictation_prompt")
# Settings under a new name: read from the old one until they are saved under the new.
_RENAMED = {"turn_mode": "mode", "transcription_language": "dictation_language",
            "transcription_prompt": "dictation_prompt"}
# Settings that take one of a few values: anything else in the file falls back to the default.
# (The modes are Enums: the value must be one of theirs, or a spelling they still read.)
_CHOICES: dict[str, tuple[str, ...]] = {"auth": get_args(AuthStyle), "dialect": get_args(Dialect),
                                        "noise_reduction": NOISE_REDUCTION,
                                        "global_talk": ("hold", "toggle", "off"),
                                        "language": ("", *LANGUAGES),
                                        "truncation": TRUNCATIONS,
                                        "transport": get_args(TransportKind)}


def keep_private(store: QSettings) -> QSettings:
    """The settings file made 0600 (in a 0700 folder) before Qt first writes it: Qt's atomic save
    keeps an existing file's mode. Only where Qt writes the file itself: the native store is the
    registry on Windows, and on macOS a preferences file in a shared folder that the system's
    preferences service owns."""
    native = store.format() == QSettings.Format.NativeFormat
    if not (native and sys.platform in ("win32", "darwin")):
        try:
            create_private(Path(store.fileName()))
        except OSError as exc:                  # read-only home: Qt says so when it writes
            log.warning("the settings file could not be created: %s", exc)
    return store


def load_settings(store: QSettings) -> Settings:
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Settings):
        default = getattr(defaults, f.name)
        old = _RENAMED.get(f.name)
        key = old if old and not store.contains(f.name) and store.contains(old) else f.name
        raw = store.value(key, default)
        value = _coerce(raw, type(default), default)
        allowed = _CHOICES.get(f.name)
        values[f.name] = value if allowed is None or value in allowed else default
    return Settings(**values)


def save_settings(store: QSettings, settings: Settings) -> None:
    for f in dataclasses.fields(Settings):
        value = getattr(settings, f.name)
        store.setValue(f.name, value.value if isinstance(value, Enum) else value)
    for name in _RETIRED:
        store.remove(name)
    store.sync()


def _coerce(raw: object, kind: type, default: object) -> object:
    """QSettings hands back strings on some platforms; a bad stored value falls back."""
    try:
        if kind is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
        return kind(raw)
    except (TypeError, ValueError):
        return default

"""Logging to a rotating file in the platform's log folder (0700, files 0600), secrets masked.

Masking happens on the whole formatted record (message, exception text and stack), because a
traceback quotes local values and a library's error may quote a header. `mask` is the one masker:
the crash dialog, the window's error lines and the inspector call it too.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from io import TextIOWrapper
from pathlib import Path
from typing import ClassVar

from assistant.config import log_dir
from assistant.private_files import open_private, private_folder

_KEYLIKE = re.compile(r"\b(sk-|ek_)[A-Za-z0-9_\-]{16,}")
# Loggers whose DEBUG lines carry values our code handles: qasync logs every worker thread's
# result ("Setting Future result: ..."), and a keyring read returns a secret.
_CHATTY = ("qasync",)
_MIN_SECRET = 6                   # shorter "secrets" would mask ordinary words


class _Secrets:
    """The registered secrets: the API key in use, a token server's header value, MCP tokens."""

    known: ClassVar[set[str]] = set()


def register_secret(secret: str) -> None:
    """Mask `secret` from now on, and its stripped form (a CRLF file leaves a CR behind)."""
    for form in (secret, secret.strip()):
        if len(form) >= _MIN_SECRET:
            _Secrets.known.add(form)


def mask(text: str) -> str:
    """`text` with every registered secret, and anything shaped like a key, replaced by ***."""
    masked = _KEYLIKE.sub(lambda found: f"{found.group(1)}***", text)
    for secret in sorted(_Secrets.known, key=len, reverse=True):
        if secret in masked:
            masked = masked.replace(secret, "***")
    return masked


class MaskingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


class _AppLogHandler(logging.handlers.RotatingFileHandler):
    """Our file handler, told apart from others so a second setup replaces it; its files are
    created 0600 (rotation renames them, keeping the mode)."""

    def _open(self) -> TextIOWrapper:
        stream = open_private(self.baseFilename, self.mode, self.encoding)
        assert isinstance(stream, TextIOWrapper)
        return stream


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Log to `<log dir>/assistant.log` (1 MB x 3). Returns the file's path."""
    folder = private_folder(folder or log_dir())
    path = folder / "assistant.log"
    handler = _AppLogHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(level)
    for name in _CHATTY:
        logging.getLogger(name).setLevel(max(level, logging.INFO))
    for old in [h for h in root.handlers if isinstance(h, _AppLogHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    return path

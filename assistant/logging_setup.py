"""Logging to a rotating file in the platform's log folder, with secrets masked."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path
from typing import ClassVar

from assistant.config import log_dir

_KEYLIKE = re.compile(r"\b(sk-|ek_)[A-Za-z0-9_\-]{16,}")
# Loggers whose DEBUG lines carry values our code handles: qasync logs every worker thread's
# result ("Setting Future result: ..."), and a keyring read returns a secret.
_CHATTY = ("qasync",)


class _AppLogHandler(logging.handlers.RotatingFileHandler):
    """Our file handler, told apart from others so a second setup replaces it."""


class SecretFilter(logging.Filter):
    """Masks registered secrets (the API key in use, a token server's header, client secrets)
    and anything shaped like an OpenAI key or client secret."""

    secrets: ClassVar[set[str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = _KEYLIKE.sub(lambda found: f"{found.group(1)}***", message)
        for secret in self.secrets:
            if secret:
                masked = masked.replace(secret, "***")
        if masked != message:
            record.msg, record.args = masked, None
        return True


def register_secret(secret: str) -> None:
    if secret:
        SecretFilter.secrets.add(secret)


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Log to `<log dir>/assistant.log` (1 MB x 3). Returns the file's path."""
    folder = folder or log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "assistant.log"
    handler = _AppLogHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(SecretFilter())
    root = logging.getLogger()
    root.setLevel(level)
    for name in _CHATTY:
        logging.getLogger(name).setLevel(max(level, logging.INFO))
    for old in [h for h in root.handlers if isinstance(h, _AppLogHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    return path

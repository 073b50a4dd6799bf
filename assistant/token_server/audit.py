"""The audit trail: one JSON line per request for a secret (who, from where, when, which kind of
session and model, and the outcome), appended to a file or the log. Never a key, a secret or a
caller's token: only what an administrator needs to see who minted what."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

log = logging.getLogger("assistant.token_server.audit")


class Audit:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        if path is not None:                   # created private; appended by every worker
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.close(fd)

    def record(self, *, who: str | None, address: str, kind: str, model: str | None,
               outcome: str, status: int) -> None:
        line = json.dumps({"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                           "who": who, "address": address, "kind": kind, "model": model,
                           "outcome": outcome, "status": status}, ensure_ascii=False)
        if self.path is None:
            log.info("%s", line)
            return
        try:
            # One write of a line under PIPE_BUF with O_APPEND: workers' lines never interleave.
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
            try:
                os.write(fd, (line + "\n").encode())
            finally:
                os.close(fd)
        except OSError as exc:
            log.error("the audit line could not be written to %s: %s", self.path, exc.strerror)
            log.info("%s", line)


def model_of(session: dict[str, Any]) -> str | None:
    model = session.get("model")
    return model if isinstance(model, str) else None

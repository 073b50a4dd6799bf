"""Where a growing transcript is kept, so nothing said is lost: a file the user named, or a new
one in the app's data folder; rewritten atomically (a temporary file, then a rename), 0600."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from assistant.private_files import make_folders, write_private


class KeptFile:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.folder: Path | None = None        # where unnamed transcripts go
        self.path: Path | None = None
        self.named = False
        self.problem: str | None = None        # the disk said no (the last time it was asked)

    def name(self, path: Path) -> None:
        self.path, self.named = path, True

    def restart(self) -> None:
        """A new transcript: a new file, unless the user named one."""
        if not self.named:
            self.path = None

    def keep(self, body: str) -> str | None:
        if self.path is None:
            if self.folder is None:
                return None
            stamp = time.strftime("%Y-%m-%d %H.%M.%S")
            self.path = self.folder / f"{self.kind} {stamp}.txt"
        self.problem = write_atomically(self.path, body)
        return self.problem


def write_atomically(path: Path, body: str) -> str | None:
    """Write via a temporary file and a rename, so a crash leaves the old file or the new one;
    a sentence when the disk says no."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        make_folders(path.parent)
        write_private(temporary, body)
        os.replace(temporary, path)
    except (OSError, ValueError) as exc:          # ValueError: a name the OS cannot take
        return QCoreApplication.translate("KeptFile", "Could not save {name}: {why}.").format(
            name=path.name, why=getattr(exc, "strerror", None) or exc)
    return None

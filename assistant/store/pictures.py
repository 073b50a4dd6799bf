"""The pictures a conversation showed, as files beside the history (folder 0700, files 0600).

The database keeps each picture's file name; the bytes stay out of it, so the history stays small
to search and a picture can be opened or exported as the file it is. Names are random: nothing of
the conversation shows in a directory listing.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from pathlib import Path

from assistant.private_files import open_private, private_folder

log = logging.getLogger(__name__)
SUFFIXES = (".png", ".jpg")


class PictureFiles:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder                 # None: a history in memory keeps no pictures

    def save(self, data: bytes, suffix: str) -> str:
        """The new file's name; "" when there is nowhere to keep it. OSError when the disk
        refuses."""
        if self.folder is None or suffix not in SUFFIXES:
            return ""
        private_folder(self.folder)
        name = secrets.token_hex(8) + suffix
        with open_private(self.folder / name, "wb") as file:
            file.write(data)
        return name

    def path(self, name: str) -> Path | None:
        """The file of a kept picture, if it is still there (a name from the database only)."""
        if self.folder is None or not name or Path(name).name != name:
            return None
        path = self.folder / name
        return path if path.is_file() else None

    def read(self, name: str) -> bytes | None:
        path = self.path(name)
        try:
            return path.read_bytes() if path is not None else None
        except OSError as exc:
            log.warning("picture %s could not be read: %s", name, exc)
            return None

    def remove(self, names: list[str]) -> None:
        for name in names:
            if (path := self.path(name)) is not None:
                with contextlib.suppress(OSError):
                    path.unlink()

"""Files only their owner may read: folders 0700, files 0600, set when they are created.

Everything the app writes (history and its WAL/SHM, logs, exports, transcripts, settings) holds
what the user said. The modes are given to `os.open`/`mkdir` at creation, so there is no moment
where another user could open the file; a folder an older version made 0755 is narrowed once.
The process umask is left alone: it would also reach the browser and MCP servers we start.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import IO, Any

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def make_folders(path: Path) -> Path:
    """Create `path` and its missing parents, each 0700; folders that exist are not touched."""
    for folder in reversed([p for p in (path, *path.parents) if not p.exists()]):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=FOLDER_MODE)
    return path


def private_folder(path: Path) -> Path:
    """One of the app's own folders (settings, data, logs): made 0700, or narrowed to it."""
    make_folders(path)
    with contextlib.suppress(OSError):       # not ours to change (a shared mount): leave it
        if path.stat().st_mode & 0o077:
            path.chmod(FOLDER_MODE)
    return path


def create_private(path: Path) -> None:
    """Make `path` an empty 0600 file if it does not exist (SQLite and Qt then keep its mode)."""
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


def open_private(path: Path | str, mode: str = "w", encoding: str | None = "utf-8") -> IO[Any]:
    """`open(path, mode)` whose file, if created, is 0600 from its first moment."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, FILE_MODE)
    return os.fdopen(fd, mode, encoding=None if "b" in mode else encoding)


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` (created 0600; an existing file keeps its mode)."""
    with open_private(path, "w") as file:
        file.write(text)

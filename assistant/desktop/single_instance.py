"""One instance per user: a second launch hands its arguments to the first and exits.

The first instance listens on a local socket; a launch that can connect to it sends its command
line as one JSON line and leaves. A socket left by a crashed instance answers nobody, so it is
removed and taken over. On Unix the socket lives in a folder only its user may enter: the
session's `XDG_RUNTIME_DIR`, else a 0700 folder of ours in the temp folder, checked (by `lstat`:
not a link, owned by us, closed to others) before use. A shared temp folder where another user
made that folder first is refused, not trusted: they would receive our command lines. On
Windows the name is a named pipe, which Qt restricts to the user.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import stat
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
CONNECT_MS = 500


def server_name(settings_file: str, environ: Mapping[str, str] | None = None) -> str | None:
    """Where this user's instance listens, one per settings file (the same user with another
    HOME, a test or a second profile, is another instance); None when no private place exists."""
    digest = hashlib.sha1(settings_file.encode()).hexdigest()[:10]
    if sys.platform == "win32":
        return f"voice-assistant-{getpass.getuser()}-{digest}"
    folder = private_runtime_folder(os.environ if environ is None else environ)
    return str(folder / f"instance-{digest}") if folder is not None else None


def private_runtime_folder(environ: Mapping[str, str]) -> Path | None:
    """The folder for the socket: in the session's runtime folder when that is ours alone,
    else our own in the temp folder; None when it cannot be made ours alone."""
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and _only_ours(Path(runtime)):
        folder = Path(runtime) / "voice-assistant"
    else:
        folder = Path(tempfile.gettempdir()) / f"voice-assistant-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        log.warning("no private folder for the instance socket (%s): %s", folder, exc)
        return None
    if not _only_ours(folder):
        log.warning("%s is not ours alone: one instance per user is off for this run", folder)
        return None
    return folder


def _only_ours(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and \
        not info.st_mode & 0o077


def _owned_socket(name: str) -> bool:
    """A path name must be our own socket before we send it anything (a pipe name is Qt's)."""
    if sys.platform == "win32":
        return True
    try:
        info = os.lstat(name)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid()


class SingleInstance(QObject):
    arrived = Signal(list)           # another launch's arguments

    def __init__(self, name: str | None) -> None:
        super().__init__()
        self.name = name
        self._server: QLocalServer | None = None
        self._pending: list[QLocalSocket] = []      # connected, their line not yet read

    def hand_over(self, argv: list[str]) -> bool:
        """True when a running instance took `argv` (this launch should then exit)."""
        if self.name is None or not _owned_socket(self.name):
            return False
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(json.dumps(argv).encode() + b"\n")
        delivered = socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return delivered

    def listen(self) -> bool:
        """Become the instance later launches find; False (and a log line) when that fails."""
        if self.name is None:
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)          # a crashed instance's leftover
            if not server.listen(self.name):
                log.warning("cannot listen for other launches: %s", server.errorString())
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_ready)
            self._pending.append(socket)
            self._take(socket)                    # what arrived with the connection

    def _on_ready(self) -> None:
        for socket in list(self._pending):
            self._take(socket)

    def _take(self, socket: QLocalSocket) -> None:
        """One command line per connection; then the socket is done with."""
        if not socket.canReadLine():
            return
        self._pending.remove(socket)
        line = bytes(socket.readLine().data()).decode(errors="replace")
        socket.readyRead.disconnect(self._on_ready)
        socket.disconnectFromServer()
        socket.deleteLater()
        try:
            argv = json.loads(line)
        except ValueError:
            argv = None
        if isinstance(argv, list) and all(isinstance(arg, str) for arg in argv):
            self.arrived.emit(argv)
        else:
            log.warning("another launch sent something that is not a command line")

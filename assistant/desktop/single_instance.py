"""One instance per user: a second launch hands its arguments to the first and exits.

The first instance listens on a local socket named after the user; a launch that can connect
to it sends its command line as one JSON line and leaves. A socket left by a crashed instance
answers nobody, so it is removed and taken over.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
CONNECT_MS = 500


def server_name(settings_file: str) -> str:
    """One instance per user and settings file: the same user with another HOME (a test, a
    second profile) is another instance."""
    digest = hashlib.sha1(settings_file.encode()).hexdigest()[:10]
    return f"voice-assistant-{getpass.getuser()}-{digest}"


class SingleInstance(QObject):
    arrived = Signal(list)           # another launch's arguments

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._server: QLocalServer | None = None
        self._pending: list[QLocalSocket] = []      # connected, their line not yet read

    def hand_over(self, argv: list[str]) -> bool:
        """True when a running instance took `argv` (this launch should then exit)."""
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

"""The tests' MCP servers started through the app's host, and waits on what it reports."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from assistant.local_mcp.config import ServerSpec
from assistant.local_mcp.host import McpHost
from assistant.local_mcp.state import ServerState

SERVER = str(Path(__file__).with_name("server.py"))


def stdio_spec(name: str = "notes", **fields: object) -> ServerSpec:
    return ServerSpec(name, "stdio", command=sys.executable, args=(SERVER, "stdio"),
                      **fields)  # type: ignore[arg-type]


class Watch:
    """Every state the host reported, in order, from its thread."""

    def __init__(self) -> None:
        self.seen: list[ServerState] = []
        self._lock = threading.Lock()

    def __call__(self, state: ServerState) -> None:
        with self._lock:
            self.seen.append(state)

    def now(self, name: str) -> ServerState | None:
        with self._lock:
            return next((s for s in reversed(self.seen) if s.name == name), None)

    def wait(self, name: str, phase: str, timeout: float = 20.0, after: int = 0) -> ServerState:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                hit = next((s for s in self.seen[after:] if s.name == name and s.phase == phase),
                           None)
            if hit is not None:
                return hit
            time.sleep(0.02)
        raise AssertionError(f"{name} never became {phase}: {self.seen}")


def started(*specs: ServerSpec, secrets=lambda name: None) -> tuple[McpHost, Watch]:
    watch = Watch()
    host = McpHost(specs, watch, secrets)
    host.start()
    return host, watch


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_server(port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, SERVER, "http", str(port)],
                               stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError("the HTTP MCP server did not start")


def children_of(pid: int) -> list[int]:
    """Every live descendant of `pid` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z":
                parents[int(entry)] = int(fields[1])
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == parent]
        found += kids
        frontier += kids
    return found


def running_pid(pid: int) -> bool:
    """The process exists and has not exited (a zombie waiting to be reaped has)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"

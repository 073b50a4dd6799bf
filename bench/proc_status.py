"""A memory figure from /proc/<pid>/status, for the benches: light enough for a child process
that measures its own imports (it loads nothing but pathlib)."""

from __future__ import annotations

from pathlib import Path


def status_mb(field: str = "VmRSS", pid: int | str = "self") -> float:
    """`field` of `pid` (VmRSS: resident now; VmHWM: its peak) in MB; 0 when not there."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0

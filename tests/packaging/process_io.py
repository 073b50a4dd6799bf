"""What a process wrote, as the kernel counted it: read from /proc once it has ended, before
it is reaped (then its /proc entry is gone)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any


def run_counting_io(command: list[str], **options: Any) -> tuple[int, dict[str, int]]:
    """Run `command` to its end: its exit code and its I/O counters (`/proc/<pid>/io`)."""
    process = subprocess.Popen(command, **options)
    try:
        os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)    # ended, not yet reaped
        io = {name: int(value) for name, value in (
            line.split(": ") for line in Path(f"/proc/{process.pid}/io").read_text().splitlines())}
    finally:
        process.wait(timeout=60)
    return process.returncode, io

"""Where gcc finds a library or object archive, for the passes that link against one
(blas_reference: LAPACK's PIC objects; unpack_bootloader: libdeflate's static library)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def found_by_gcc(name: str) -> Path | None:
    """The file gcc would link for `name`, or None (gcc echoes a name it does not find)."""
    found = subprocess.run(["gcc", f"-print-file-name={name}"], capture_output=True,
                           text=True).stdout.strip()
    return Path(found) if Path(found).is_absolute() and Path(found).is_file() else None

"""Binaries stripped of their symbols, each copy checked against the loader's rule before use.

`strip` over a library that auditwheel's patchelf rewrote can leave a PT_LOAD segment whose file
offset and address disagree modulo the page size; the loader then refuses it ("ELF load command
address/offset not page-aligned": numpy's OpenBLAS did). So each stripped copy is read back and
kept only if every loadable segment keeps `p_offset % align == p_vaddr % align` (the rule the
loader enforces); otherwise the original is shipped. Linux only; used by voice-assistant.spec.
"""

from __future__ import annotations

import functools
import hashlib
import re
import shutil
import struct
import subprocess
from pathlib import Path
from typing import NamedTuple

from toc_pass import Toc, replace_each  # packaging/ is on the path beside this module

PT_LOAD = 1
PAGE = 4096


def load_segments(data: bytes) -> list[tuple[int, int, int, int]]:
    """(file offset, address, size in the file, alignment) of each PT_LOAD of a 64-bit
    little-endian ELF; ValueError for anything else (only what we know how to read)."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF")
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    segments = []
    for index in range(phnum):
        kind, _flags, offset, vaddr, _paddr, filesz, _memsz, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + index * phentsize)
        if kind == PT_LOAD:
            segments.append((offset, vaddr, filesz, align))
    return segments


class Symbol(NamedTuple):
    address: int
    size: int | None          # nm gives none for some (absolute symbols, a few functions)
    kind: str                 # nm's letter: T, D, B, R, ...
    name: str


def dynamic_symbols(library: Path) -> list[Symbol]:
    """The symbols the library defines in its dynamic table, as `nm -D -S --defined-only`
    lists them (the codec and ICU steps both ask it)."""
    listing = subprocess.run(["nm", "-D", "-S", "--defined-only", str(library)],
                             capture_output=True, text=True, check=True).stdout
    symbols = []
    for fields in map(str.split, listing.splitlines()):
        if len(fields) in (3, 4):
            size = int(fields[1], 16) if len(fields) == 4 else None
            symbols.append(Symbol(int(fields[0], 16), size, fields[-2], fields[-1]))
    return symbols


@functools.cache
def dynamic_section(source: str) -> str:
    """A binary's dynamic section as `readelf -d` lists it, "" if it has none (read once per
    file: the stand-ins, blas_reference and the spec's `linked` all ask it)."""
    return subprocess.run(["readelf", "-d", "-W", source], capture_output=True,
                          text=True).stdout


def needed(source: str) -> list[str]:
    """The SONAMEs a binary names as NEEDED, its direct dependencies."""
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic_section(source))


def loadable(path: Path) -> bool:
    """Whether every PT_LOAD of this 64-bit little-endian ELF has offset and address congruent
    modulo its alignment (and the page size)."""
    try:
        segments = load_segments(path.read_bytes())
    except ValueError:
        return False
    return all((offset - vaddr) % max(align, PAGE) == 0 for offset, vaddr, _size, align in segments)


def cache_key(original: Path, maker: str, extra: bytes = b"") -> str:
    """The cache folder's name for what the module `maker` (its file) makes of `original`: a new
    version of the file, of the module that makes from it, or of `extra` (other inputs) is made
    anew, never taken from an older build's folder."""
    digest = hashlib.sha1(original.read_bytes())
    digest.update(Path(maker).read_bytes())
    digest.update(extra)
    return digest.hexdigest()[:16]


def stripped(source: str, cache: Path) -> tuple[str, int]:
    """A stripped copy of `source` if it strips to a loadable file, else `source`; and the
    bytes saved."""
    original = Path(source)
    if not loadable(original):
        return source, 0
    copy = cache / cache_key(original, __file__) / original.name
    if not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        work = copy.with_suffix(copy.suffix + ".tmp")
        shutil.copyfile(original, work)
        done = subprocess.run(["strip", "--strip-unneeded", str(work)], capture_output=True)
        if done.returncode != 0 or not loadable(work):
            work.unlink()
            return source, 0
        work.replace(copy)
    saved = original.stat().st_size - copy.stat().st_size
    return (str(copy), saved) if saved > 0 else (source, 0)


def strip_all(binaries: Toc, cache: Path) -> Toc:
    """The TOC with each binary replaced by its checked stripped copy; prints the bytes saved."""
    if shutil.which("strip") is None:
        print("strip_checked: no strip on PATH; binaries are shipped as they are")
        return binaries
    return replace_each(binaries, lambda source: stripped(source, cache),
                        "strip_checked: {mb} MB of symbols removed")

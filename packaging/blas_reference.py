"""numpy's OpenBLAS as a stand-in that passes each call on to the reference BLAS and LAPACK.

numpy's wheel links its extensions to `libscipy_openblas64_-<hash>.so` (26 MB, and the 3 MB
gfortran runtime it brings), and they call 57 of its functions: CBLAS for matmul and dot
(`scipy_cblas_sgemm64_`), LAPACK for numpy.linalg (`scipy_dgesdd_64_`), all with 64-bit
integers. The stand-in keeps that file name and SONAME and defines exactly the functions numpy
calls, each one jump to the same function of netlib's reference libraries built with 64-bit
integers (Debian's libblas64-3 and liblapack64-3, 8 MB: `cblas_sgemm`, `dgesdd_`), so every
argument passes through untouched and the answers are the reference's. The app's arrays are
small (a 64-pixel thumbnail's luma, one 20 ms frame's energy): OpenBLAS's speed buys nothing.

Where LAPACK's objects are installed for linking (liblapack64-dev's `liblapack64_pic.a`), only
the routines numpy calls, and what they call, are linked into the stand-in (1.2 MB, against the
whole 7.4 MB library), and it needs no Fortran runtime (3.2 MB with libquadmath): those routines
call four functions of it, written in `lapack_runtime.c`. BLAS stays the reference library
(0.4 MB, and it links only libc). Without that archive, the calls go to the whole LAPACK.

x86_64 and aarch64 only (the jump is one instruction of each). Without gcc, nm or readelf, the
reference libraries, or one of the functions in them, numpy's library ships as it was and the
build says why. Linux only; used by voice-assistant.spec, before the pass that keeps only what
something links to (which then leaves out the gfortran runtime numpy brought).
"""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
from pathlib import Path

from found_by_gcc import found_by_gcc  # packaging/ is on the path beside this
from strip_checked import dynamic_symbols, needed
from toc_pass import Toc

OPENBLAS = re.compile(r"libscipy_openblas64_-[0-9a-f]{8}\.so$")
REFERENCE = ("libblas64.so.3", "liblapack64.so.3")
# How each machine jumps to a function of another library, and how `ldconfig -p` names it.
JUMP = {"x86_64": ("jmp {}@PLT", "x86-64"), "aarch64": ("b {}", "AArch64")}
# Debian keeps ldconfig in /sbin, off a normal user's PATH.
LDCONFIG = shutil.which("ldconfig") or "/sbin/ldconfig"
NAMES = (re.compile(r"scipy_cblas_(\w+)64_"), re.compile(r"scipy_(\w+)_64_"))
LAPACK_ARCHIVE = "liblapack64_pic.a"          # liblapack64-dev: LAPACK's objects, PIC
RUNTIME = Path(__file__).resolve().parent / "lapack_runtime.c"


def reference_name(symbol: str) -> str | None:
    """The reference libraries' name for a function of scipy-openblas's 64-bit build."""
    cblas, fortran = (pattern.fullmatch(symbol) for pattern in NAMES)
    if cblas:
        return f"cblas_{cblas.group(1)}"
    return f"{fortran.group(1)}_" if fortran else None


def called(binaries: Toc, soname: str) -> list[str]:
    """The functions of `soname` that the binaries linking it call."""
    wanted: set[str] = set()
    for _dest, source, _kind in binaries:
        if soname in needed(source):
            listing = subprocess.run(["nm", "-D", "--undefined-only", source],
                                     capture_output=True, text=True, check=True).stdout
            wanted.update(f[-1] for f in map(str.split, listing.splitlines())
                          if f and f[-1].startswith("scipy_"))
    return sorted(wanted)


def installed(soname: str, tag: str) -> Path | None:
    """Where the loader finds `soname` for this machine (`ldconfig -p`; `tag` is its word for
    the machine there), symlinks resolved."""
    listing = subprocess.run([LDCONFIG, "-p"], capture_output=True, text=True).stdout
    for line in listing.splitlines():
        name, _, where = line.strip().partition(" => ")
        if name.split(" ")[0] == soname and tag in name:
            return Path(where).resolve()
    return None


def source(pairs: list[tuple[str, str]], jump: str) -> str:
    """Assembly in a C file: each symbol a global function that jumps to its target."""
    lines = ['__asm__(".text\\n"']
    for symbol, target in pairs:
        lines.append(f'  ".globl {symbol}\\n.type {symbol}, @function\\n{symbol}:\\n'
                     f'\\t{jump.format(target)}\\n"')
    return "\n".join([*lines, ");"]) + "\n"


def build(original: Path, target: Path, binaries: Toc) -> list[Path]:
    """The stand-in at `target`; returns the reference libraries it links (BLAS alone where
    LAPACK's routines are linked into it)."""
    if platform.machine() not in JUMP:
        raise ValueError(f"no jump written for {platform.machine()}")
    jump, tag = JUMP[platform.machine()]
    found_at = [installed(name, tag) for name in REFERENCE]
    libraries = [lib for lib in found_at if lib is not None]
    if len(libraries) < len(REFERENCE):
        raise ValueError(f"{' and '.join(REFERENCE)} are not installed (libblas64-3, "
                         "liblapack64-3)")
    found = {s.name for lib in libraries for s in dynamic_symbols(lib)}
    pairs = [(symbol, reference_name(symbol) or "") for symbol in called(binaries,
                                                                         original.name)]
    missing = [symbol for symbol, name in pairs if name not in found]
    if not pairs or missing:
        raise ValueError(f"the reference libraries lack {', '.join(missing) or 'everything'}")
    work = target.parent / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "calls.c").write_text(source(pairs, jump))
    built = work / original.name
    archive = lapack_archive()
    if archive is None:
        subprocess.run(["gcc", "-shared", "-fPIC", "-nostdlib", "-o", str(built),
                        str(work / "calls.c"), f"-Wl,-soname,{original.name}",
                        "-Wl,--no-as-needed", *map(str, libraries)], check=True,
                        capture_output=True)
    else:
        libraries = libraries[:1]                     # BLAS; LAPACK's routines are linked in
        subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(built), str(work / "calls.c"),
                        str(RUNTIME), f"-Wl,-soname,{original.name}", "-Wl,--exclude-libs,ALL",
                        "-Wl,--no-undefined", str(archive), "-Wl,--no-as-needed",
                        *map(str, libraries), "-lm"], check=True, capture_output=True)
    built.replace(target)
    return libraries


def lapack_archive() -> Path | None:
    """LAPACK's PIC objects, where gcc finds them."""
    return found_by_gcc(LAPACK_ARCHIVE)


def use_reference_blas(binaries: Toc, cache: Path) -> Toc:
    """The TOC with numpy's OpenBLAS replaced by the stand-in, and the reference libraries it
    links and what they link added under their SONAMEs (BLAS alone, which links only libc, where
    LAPACK is linked in; else LAPACK and gfortran's runtime too); prints the sizes. What only
    OpenBLAS linked (numpy's own gfortran) is left for `linked` to drop."""
    entry = next((e for e in binaries if OPENBLAS.search(e[0])), None)
    if entry is None or not all(shutil.which(tool) for tool in ("gcc", "nm", "readelf")):
        print("blas_reference: numpy's OpenBLAS ships as it was (not found, or no gcc/nm)")
        return binaries
    original = Path(entry[1])
    target = cache / original.name           # built afresh each time: no key needed
    try:
        libraries = build(original, target, binaries)
    except (OSError, ValueError, subprocess.CalledProcessError) as exc:
        print(f"blas_reference: numpy's OpenBLAS ships as it was ({exc})")
        return binaries
    added = with_dependencies(libraries, {e[0].rsplit("/", 1)[-1] for e in binaries})
    out = [(dest, str(target) if dest == entry[0] else src, kind) for dest, src, kind in binaries]
    size = sum(path.stat().st_size for _name, path in added) + target.stat().st_size
    print(f"blas_reference: numpy's OpenBLAS ({original.stat().st_size / 1e6:.1f} MB) as calls "
          f"to the reference BLAS and LAPACK ({size / 1e6:.1f} MB with what they link)")
    return out + [(name, str(path), "BINARY") for name, path in added]


def with_dependencies(libraries: list[Path], present: set[str]) -> list[tuple[str, Path]]:
    """The libraries, by SONAME, and what they link that the bundle lacks and the system does
    not provide everywhere (PyInstaller's own rule)."""
    from PyInstaller.depend.bindepend import get_imports
    from PyInstaller.depend.dylib import include_library

    found = list(zip(REFERENCE, libraries, strict=False))   # BLAS, and LAPACK unless linked in
    queue = list(libraries)
    while queue:
        for name, where in get_imports(str(queue.pop())):
            known = present | {n for n, _ in found}
            if where and name not in known and include_library(name):
                found.append((name, Path(where).resolve()))
                queue.append(Path(where))
    return found

"""PyInstaller's Linux bootloader, rebuilt to unpack the one-file app faster.

At every start the one-file app unpacks ~175 MB into a temporary folder. The stock bootloader
inflates it with zlib 8 KB at a time and writes it through stdio's 4 KB buffer: 42,761 write
calls and 9,411 reads for one `--version` (strace -c), and zlib's inflate alone takes 0.55 s
of it here (317 MB/s). Two changes, each measured on this machine:
  - each step of 64 KB, not 8 KB (256 KB once: 2,105 writes and 1,705 reads);
  - every entry inflated in one call by libdeflate (Debian's libdeflate-dev, linked
    statically): 0.21 s for the same entries (853 MB/s).
The one-file `--version` took 1.09 s with the stock bootloader, 0.91 s with the larger steps
and 0.74 s with libdeflate too (medians of 8 alternating runs of the same archive behind each).
No step is larger than 64 KB: the kernel caches a file written in larger pieces in larger
folios, and a library mapped from them is made resident a whole folio at a fault (the running
one-file app's libraries 73 MB resident against 63 MB; see unpack_inflate.c).

The source is the installed PyInstaller's own (its sdist, from the package index), changed
only there, and built by its own waf as PyInstaller's documentation describes for a custom
bootloader. Without libdeflate only the steps grow; where the sdist, gcc or the expected source
text is missing, the one-file app keeps the stock bootloader, and the build says which it got.
Built here, the bootloader needs the build machine's glibc (2.34 on Debian 12), which the
bundled libpython (2.35) already needs. Linux only; used by voice-assistant.spec for the
one-file app (the one-folder app unpacks nothing).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from importlib import metadata
from pathlib import Path

from found_by_gcc import found_by_gcc  # packaging/ is on the path

CHUNK = 64 * 1024
STOCK_CHUNK = "const size_t CHUNK_SIZE = 8192;"
STOCK_BUFFERS = ("unsigned char buffer_in[8192];", "unsigned char buffer_out[8192];",
                 "unsigned char buffer[8192];")
SOURCE = "bootloader/src/pyi_archive.c"
WAF_SHARED = "PyInstaller/_shared_with_waf.py"      # the bootloader's wscript imports it
INFLATE = "static int\n_pyi_archive_extract_compressed("
STOCK_INFLATE_CALLS = ("inflateInit(&zstream)", "inflate(&zstream, Z_NO_FLUSH)",
                       "inflateEnd(&zstream)")
LIBDEFLATE_INFLATE = Path(__file__).with_name("unpack_inflate.c")


def patched(source: str, libdeflate: bool = False) -> str | None:
    """pyi_archive.c with CHUNK-sized steps (the buffers static: too much for a stack, and
    the bootloader unpacks on one thread), and with `libdeflate` its inflating function
    replaced by ours (unpack_inflate.c); None unless the source reads exactly as the version
    this was made for."""
    if source.count(STOCK_CHUNK) != 3 or any(source.count(b) != 1 for b in STOCK_BUFFERS):
        return None
    source = source.replace(STOCK_CHUNK, f"const size_t CHUNK_SIZE = {CHUNK};")
    for buffer in STOCK_BUFFERS:
        source = source.replace(buffer, "static " + buffer.replace("8192", str(CHUNK)))
    if not libdeflate:
        return source
    start = source.find(INFLATE)
    end = source.find("\n}\n", start) + 2
    if source.count(INFLATE) != 1 or not all(call in source[start:end]
                                              for call in STOCK_INFLATE_CALLS):
        return None
    source = source[:start] + inflate_function() + source[end:]
    return source.replace('#include "zlib.h"', '#include "zlib.h"\n#include <libdeflate.h>', 1)


def static_libdeflate() -> Path | None:
    """libdeflate's static library, where gcc finds it."""
    return found_by_gcc("libdeflate.a")


def inflate_function() -> str:
    """Our inflating function, as unpack_inflate.c holds it under its comment."""
    return LIBDEFLATE_INFLATE.read_text().split("*/\n", 1)[1].strip()


def sdist(version: str, work: Path) -> Path | None:
    """The installed PyInstaller's source archive, fetched once into `work`."""
    name = f"pyinstaller-{version}.tar.gz"
    if (work / name).is_file():
        return work / name
    fetched = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary",
         ":all:", "--dest", str(work), f"pyinstaller=={version}"], capture_output=True, text=True)
    if fetched.returncode != 0 or not (work / name).is_file():
        print(f"unpack_bootloader: stock bootloader (no source for PyInstaller {version}: "
              f"{fetched.stderr.strip().splitlines()[-1:] or 'pip found none'})")
        return None
    return work / name


def rebuilt(work: Path) -> Path | None:
    """The bootloader rebuilt (with libdeflate where it is, else with larger steps only), or
    None (and why) to keep the stock one."""
    if not sys.platform.startswith("linux") or shutil.which("gcc") is None:
        print("unpack_bootloader: stock bootloader (not Linux, or no gcc)")
        return None
    work.mkdir(parents=True, exist_ok=True)
    version = metadata.version("pyinstaller")
    archive = sdist(version, work)
    if archive is None:
        return None
    library = static_libdeflate()
    for libdeflate in ((True, False) if library is not None else (False,)):
        try:
            run = _built(archive, work, version, library if libdeflate else None)
        except Exception as exc:            # a faster start is never worth a failed build
            print(f"unpack_bootloader: stock bootloader ({type(exc).__name__}: {exc})")
            return None
        if run is not None:
            how = "inflates with libdeflate and writes" if libdeflate else "unpacks"
            print(f"unpack_bootloader: the one-file app {how} {CHUNK // 1024} KB at a time "
                  "(larger writes are cached, and mapped, in larger pieces)")
            return run
    return None


def _built(archive: Path, work: Path, version: str, libdeflate: Path | None) -> Path | None:
    tree = work / archive.name.removesuffix(".tar.gz")
    shutil.rmtree(tree, ignore_errors=True)
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if (m.isfile() or m.isdir()) and ".." not in
                   m.name and (m.name.startswith(f"{tree.name}/bootloader/")
                               or m.name == f"{tree.name}/{WAF_SHARED}")]
        # (the "data" filter where this Python has it: Debian 12's 3.11.2 does not)
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(work, members=members, **safe)  # type: ignore[arg-type]
    source = tree / SOURCE
    text = patched(source.read_text(), libdeflate is not None)
    if text is None:
        print(f"unpack_bootloader: stock bootloader ({SOURCE} of PyInstaller {version} is not "
              "the text this change was made for)")
        return None
    source.write_text(text)
    env = {**os.environ, "LDFLAGS": str(libdeflate)} if libdeflate else None
    built = subprocess.run([sys.executable, "waf", "configure", "build_release"],
                           cwd=tree / "bootloader", capture_output=True, text=True, env=env)
    run = tree / "bootloader" / "build" / "release" / "run"
    if built.returncode != 0 or not run.is_file():
        print(f"unpack_bootloader: the build {'with libdeflate ' if libdeflate else ''}failed "
              f"({(built.stdout + built.stderr).strip().splitlines()[-1:]})")
        return None
    return run

"""PyInstaller's Linux bootloader, rebuilt to unpack the one-file app 256 KB at a time.

At every start the one-file app unpacks ~190 MB into a temporary folder. The stock bootloader
inflates and writes it 8 KB at a time, through stdio's 4 KB buffer: 42,761 write calls and
9,411 reads for one `--version` (strace -c). With 256 KB steps the same start makes 2,105
writes and 1,705 reads, and took 1.19 s against 1.38 s (medians of 8 alternating runs of the
same archive behind each bootloader; user time 0.63 against 0.71 s, system 0.55 against
0.67 s). Writing 190 MB alone takes 0.17 s in 4 KB writes and 0.04 s in 256 KB ones here.

The source is the installed PyInstaller's own (its sdist, from the package index), with that
one constant changed, built by its own waf as PyInstaller's documentation describes for a
custom bootloader. Where the sdist, gcc or the expected source text is missing, the one-file
app keeps the stock bootloader and the build says why. Built here, the bootloader needs the
build machine's glibc (2.34 on Debian 12), which the bundled libpython (2.35) already needs.
Linux only; used by voice-assistant.spec for the one-file app (the one-folder app unpacks
nothing).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from importlib import metadata
from pathlib import Path

CHUNK = 256 * 1024
STOCK_CHUNK = "const size_t CHUNK_SIZE = 8192;"
STOCK_BUFFERS = ("unsigned char buffer_in[8192];", "unsigned char buffer_out[8192];",
                 "unsigned char buffer[8192];")
SOURCE = "bootloader/src/pyi_archive.c"
WAF_SHARED = "PyInstaller/_shared_with_waf.py"      # the bootloader's wscript imports it


def patched(source: str) -> str | None:
    """pyi_archive.c with CHUNK-sized steps (the buffers static: a quarter of a megabyte is
    too much for a stack, and the bootloader unpacks on one thread); None unless the source
    reads exactly as the version this was made for."""
    if source.count(STOCK_CHUNK) != 3 or any(source.count(b) != 1 for b in STOCK_BUFFERS):
        return None
    source = source.replace(STOCK_CHUNK, f"const size_t CHUNK_SIZE = {CHUNK};")
    for buffer in STOCK_BUFFERS:
        source = source.replace(buffer, "static " + buffer.replace("8192", str(CHUNK)))
    return source


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
    """The bootloader rebuilt with CHUNK-sized steps, or None (and why) to keep the stock one."""
    if not sys.platform.startswith("linux") or shutil.which("gcc") is None:
        print("unpack_bootloader: stock bootloader (not Linux, or no gcc)")
        return None
    work.mkdir(parents=True, exist_ok=True)
    version = metadata.version("pyinstaller")
    archive = sdist(version, work)
    if archive is None:
        return None
    tree = work / archive.name.removesuffix(".tar.gz")
    shutil.rmtree(tree, ignore_errors=True)
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith(f"{tree.name}/bootloader/")
                   or m.name == f"{tree.name}/{WAF_SHARED}"]
        tar.extractall(work, members=members, filter="data")
    source = tree / SOURCE
    text = patched(source.read_text())
    if text is None:
        print(f"unpack_bootloader: stock bootloader ({SOURCE} of PyInstaller "
              f"{version} is not the text this change was made for)")
        return None
    source.write_text(text)
    built = subprocess.run([sys.executable, "waf", "configure", "build_release"],
                           cwd=tree / "bootloader", capture_output=True, text=True)
    run = tree / "bootloader" / "build" / "release" / "run"
    if built.returncode != 0 or not run.is_file():
        print("unpack_bootloader: stock bootloader (the build failed: "
              f"{(built.stdout + built.stderr).strip().splitlines()[-1:]})")
        return None
    print(f"unpack_bootloader: the one-file app unpacks {CHUNK // 1024} KB at a time")
    return run

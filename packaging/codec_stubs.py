"""PyAV's video and image codec libraries, which the app never opens, as empty stand-ins.

PyAV's wheel carries an FFmpeg built with every common codec, and libavcodec links each
codec's library, so all load with it. The app uses PyAV for WebRTC's audio only (Opus, and the
resampler): x265, SVT-AV1, x264, dav1d, libvpx, LAME, AMR and WebP were 36 MB of the
one-folder app. Each is replaced by a library of the same name that defines the same symbols,
every function returning 0 and every data object zeroed: the loader is satisfied, and what FFmpeg
asks of them while it lists its codecs (x265's and libvpx's capabilities) reads "none". Opening
one of those codecs is the one thing that would not work; nothing in the app does.

Only unversioned libraries are replaced (a library with symbol versions ships as it was), and
without gcc or nm, or if a step fails, the library ships as it was and the build says why.
Linux only; used by voice-assistant.spec.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

from strip_checked import dynamic_symbols  # packaging/ is on the path beside this module
from toc_pass import Toc, replace_each

STUBBED = re.compile(r"lib(x265|x264|SvtAv1Enc|dav1d|vpx|mp3lame|opencore-amr[nw]b|webp|webpmux"
                     r"|sharpyuv)-[0-9a-f]{8}\.so[.0-9]*$")
LINKER_MADE = {"_init", "_fini", "_edata", "_end", "__bss_start"}
FUNCTION_TYPES, DATA_TYPES = set("TtWi"), set("DdBbRrV")


def exported(library: Path) -> tuple[list[str], list[tuple[str, int]]]:
    """The library's exported functions, and its data objects with their sizes."""
    functions, data = [], []
    for symbol in dynamic_symbols(library):
        if symbol.name in LINKER_MADE or not re.fullmatch(r"[A-Za-z_]\w*", symbol.name):
            continue
        if symbol.kind in FUNCTION_TYPES:
            functions.append(symbol.name)
        elif symbol.kind in DATA_TYPES:
            data.append((symbol.name, symbol.size if symbol.size is not None else 8))
    return functions, data


def source(functions: list[str], data: list[tuple[str, int]]) -> str:
    lines = [f"void *{name}(void) {{ return 0; }}" for name in functions]
    lines += [f"char {name}[{max(1, size)}] = {{0}};" for name, size in data]
    return "\n".join(lines) + "\n"


def soname(library: Path) -> str:
    """Its SONAME (what the libraries that link it ask the loader for); it has symbol versions
    (which a stand-in would have to repeat): ValueError."""
    dynamic = subprocess.run(["readelf", "-d", "-S", "-W", str(library)], capture_output=True,
                             text=True, check=True).stdout
    if ".gnu.version_d" in dynamic:
        raise ValueError("it has symbol versions")
    found = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", dynamic)
    if found is None:
        raise ValueError("it has no SONAME")
    return found.group(1)


def stand_in(source_path: str, cache: Path) -> tuple[str, int]:
    """The stand-in for a library the app never uses, if it is one and the tools are here;
    and the bytes saved."""
    original = Path(source_path)
    if not STUBBED.search(original.name) or not all(
            shutil.which(tool) for tool in ("gcc", "nm", "readelf")):
        return source_path, 0
    target = cache / hashlib.sha1(original.read_bytes()).hexdigest()[:16] / original.name
    if not target.exists():
        try:
            build(original, target)
        except (OSError, ValueError, subprocess.CalledProcessError) as exc:
            print(f"codec_stubs: {original.name} ships whole ({exc})")
            return source_path, 0
    saved = original.stat().st_size - target.stat().st_size
    return (str(target), saved) if saved > 0 else (source_path, 0)


def build(original: Path, target: Path) -> None:
    name = soname(original)
    functions, data = exported(original)
    if not functions and not data:
        raise ValueError("it exports nothing")
    work = target.parent / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "stub.c").write_text(source(functions, data))
    built = work / original.name
    subprocess.run(["gcc", "-shared", "-fPIC", "-nostdlib", "-fno-builtin", "-w", "-O1",
                    f"-Wl,-soname,{name}", "-o", str(built), str(work / "stub.c")],
                   check=True, capture_output=True)
    built.replace(target)


def stub_all(binaries: Toc, cache: Path) -> Toc:
    """The TOC with the unused codec libraries replaced by stand-ins; prints the bytes saved."""
    return replace_each(binaries, lambda source_path: stand_in(source_path, cache),
                        "codec_stubs: {mb} MB of codecs the app never opens left out")

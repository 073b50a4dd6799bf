"""Libraries the bundle must link but the app never calls, as empty stand-ins.

PyAV's wheel carries an FFmpeg built with every common codec, and libavcodec links each
codec's library, so all load with it. The app uses PyAV for WebRTC's audio only (Opus, and the
resampler): x265, SVT-AV1, x264, dav1d, libvpx, LAME, AMR and WebP were 36 MB of the
one-folder app. libavformat (containers and network protocols, with GnuTLS, libunistring,
Nettle and GMP behind it), libavdevice (with its ALSA and XCB), libswscale (video scaling) and
libvpl (Intel's video engine) are never called either; nor is PortAudio's JACK client (with
Berkeley DB behind it): PortAudio finds no JACK server and goes on with ALSA, as on any desktop
without one; nor libsystemd (with libgcrypt, LZ4 and libcap behind it), of which libdbus asks
only a bus daemon's socket activation (`sd_listen_fds`, `sd_is_socket`).

Each is replaced by a library of the same name, SONAME and symbol versions that defines the
same symbols, every function returning 0 (a library's configuration and licence strings "",
which PyAV reads at import) and every data object zeroed: the loader is satisfied, and what
FFmpeg asks of them while it lists its codecs (x265's and libvpx's capabilities) reads "none".
Opening one of those codecs, a media file or stream, a hardware encoder, a JACK server or a bus
daemon is the one thing that would not work; nothing in the app does (aiortc's own use of PyAV
is codecs, frames and the resampler).

Without gcc, nm or readelf, or if a step fails, the library ships as it was and the build says
why. The spec runs this before it keeps what is linked, so what only the originals linked goes.
Linux only; used by voice-assistant.spec.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

from strip_checked import (  # packaging/ is on the path
    cache_key,
    dynamic_section,
    dynamic_symbols,
)
from toc_pass import Toc, replace_each

STUBBED = re.compile(r"(lib(x265|x264|SvtAv1Enc|dav1d|vpx|mp3lame|opencore-amr[nw]b|webp|webpmux"
                     r"|sharpyuv|gnutls|avformat|avdevice|swscale|vpl)-[0-9a-f]{8}\.so[.0-9]*"
                     r"|^lib(jack|systemd)\.so\.0)$")
STRINGS = re.compile(r"_(configuration|license)$")      # const char *: "" rather than NULL
LINKER_MADE = {"_init", "_fini", "_edata", "_end", "__bss_start"}
FUNCTION_TYPES, DATA_TYPES = set("TtWi"), set("DdBbRrV")


class Exports(NamedTuple):
    functions: list[str]
    data: list[tuple[str, int]]               # with their sizes
    versions: dict[str, list[str]]            # version node -> its symbols (none: unversioned)


def exported(library: Path) -> Exports:
    """The library's exported functions and data objects, each under its default version."""
    exports = Exports([], [], {})
    for symbol in dynamic_symbols(library):
        name, _, version = symbol.name.partition("@@")
        if symbol.kind == "A" and not version:          # a version node's own symbol
            exports.versions.setdefault(name, [])
            continue
        if name in LINKER_MADE or not re.fullmatch(r"[A-Za-z_]\w*", name):
            continue                                    # (name@VER: an old, non-default one)
        if symbol.kind in FUNCTION_TYPES:
            exports.functions.append(name)
        elif symbol.kind in DATA_TYPES:
            exports.data.append((name, symbol.size if symbol.size is not None else 8))
        else:
            continue
        if version:
            exports.versions.setdefault(version, []).append(name)
    return exports


def source(exports: Exports) -> str:
    lines = [f'const char *{name}(void) {{ return ""; }}' if STRINGS.search(name) else
             f"void *{name}(void) {{ return 0; }}" for name in exports.functions]
    lines += [f"char {name}[{max(1, size)}] = {{0}};" for name, size in exports.data]
    return "\n".join(lines) + "\n"


def version_script(versions: dict[str, list[str]]) -> str:
    """Every node the original defines, each with its symbols (consumers ask for nodes)."""
    nodes = [f"{node} {{ global: {' '.join(f'{name};' for name in names)} }};"
             if names else f"{node} {{ }};" for node, names in versions.items()]
    return "\n".join(nodes) + "\n"


def soname(library: Path) -> str:
    """Its SONAME (what the libraries that link it ask the loader for)."""
    found = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]",
                      dynamic_section(str(library)))
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
    target = cache / cache_key(original, __file__) / original.name
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
    exports = exported(original)
    if not exports.functions and not exports.data:
        raise ValueError("it exports nothing")
    work = target.parent / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    (work / "stub.c").write_text(source(exports))
    command = ["gcc", "-shared", "-fPIC", "-nostdlib", "-fno-builtin", "-w", "-O1",
               f"-Wl,-soname,{name}"]
    if exports.versions:
        (work / "versions.map").write_text(version_script(exports.versions))
        command.append(f"-Wl,--version-script={work / 'versions.map'}")
    built = work / original.name
    subprocess.run([*command, "-o", str(built), str(work / "stub.c")], check=True,
                   capture_output=True)
    built.replace(target)


def stub_all(binaries: Toc, cache: Path) -> Toc:
    """The TOC with the unused libraries replaced by stand-ins; prints the bytes saved."""
    return replace_each(binaries, lambda source_path: stand_in(source_path, cache),
                        "codec_stubs: {mb} MB of libraries the app never calls left out")

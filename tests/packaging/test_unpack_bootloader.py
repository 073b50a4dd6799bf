"""The bootloader change: each of PyInstaller's three 8 KB steps becomes 64 KB, and where
libdeflate is, the inflating function is ours (one call each to read and inflate, then 64 KB
writes); a source that does not read as expected is left alone (the stock bootloader ships).
Our function is compiled here and must give back exactly what zlib compressed, into a file and
a buffer, refuse a damaged entry, write in steps and give the parent's heap back at its fork."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from unpack_bootloader import CHUNK, inflate_function, patched, static_libdeflate

from tests.packaging.process_io import run_counting_io

# The three helpers of PyInstaller 6.22's bootloader/src/pyi_archive.c, as far as they matter.
STOCK = """#include "zlib.h"
static int
_pyi_archive_extract_compressed(FILE *archive_fp, const struct TOC_ENTRY *toc_entry, \
FILE *out_fp, unsigned char *out_ptr)
{
    const size_t CHUNK_SIZE = 8192;
    unsigned char buffer_in[8192];
    unsigned char buffer_out[8192];
    rc = inflateInit(&zstream);
    rc = inflate(&zstream, Z_NO_FLUSH);
    inflateEnd(&zstream);
    return fread(buffer_in, 1, CHUNK_SIZE, archive_fp) + sizeof(buffer_out);
}

static int _uncompressed2fs(FILE *archive_fp, FILE *out_fp)
{
    const size_t CHUNK_SIZE = 8192;
    unsigned char buffer[8192];
    return fwrite(buffer, CHUNK_SIZE, 1, out_fp);
}
static int _uncompressed(FILE *archive_fp, unsigned char *out_buf)
{
    const size_t CHUNK_SIZE = 8192;
    return fread(out_buf, CHUNK_SIZE, 1, archive_fp);
}
"""


def test_each_step_and_its_buffers_grow_and_nothing_else_changes():
    changed = patched(STOCK)
    assert changed is not None
    assert changed.count(f"const size_t CHUNK_SIZE = {CHUNK};") == 3 and "8192" not in changed
    for buffer in ("buffer_in", "buffer_out", "buffer"):
        assert changed.count(f"static unsigned char {buffer}[{CHUNK}];") == 1
    kept = [line for line in STOCK.splitlines() if "8192" not in line]
    assert [line for line in changed.splitlines() if str(CHUNK) not in line] == kept


def test_with_libdeflate_the_inflating_function_is_ours_and_the_rest_as_without():
    changed = patched(STOCK, libdeflate=True)
    assert changed is not None
    assert "#include <libdeflate.h>" in changed and "libdeflate_zlib_decompress(" in changed
    assert "inflate(&zstream" not in changed and "buffer_in" not in changed
    assert changed.count(f"const size_t CHUNK_SIZE = {CHUNK};") == 2      # the other two
    assert changed.endswith(patched(STOCK).split("\n}\n", 1)[1])          # as without


def test_a_source_that_reads_otherwise_is_left_alone():
    assert patched(STOCK.replace("unsigned char buffer[8192];", "unsigned char *buffer;")) is None
    assert patched(STOCK + "\n    const size_t CHUNK_SIZE = 8192;\n") is None
    assert patched("") is None
    assert patched(STOCK.replace("inflateEnd(&zstream);", ""), libdeflate=True) is None
    assert patched(STOCK.replace("inflateEnd(&zstream);", "")) is not None   # steps only


HARNESS = r"""
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
#include <sys/wait.h>
#include <libdeflate.h>
#define PYI_ERROR(...) fprintf(stderr, __VA_ARGS__)
struct TOC_ENTRY { uint32_t length; uint32_t uncompressed_length; char name[8]; };
#include "inflate.c"
int main(int argc, char **argv)
{   /* argv: compressed file, its length, the inflated length, "file" or "buffer", output;
       "fork": unpack it again with glibc keeping what is freed (as the bootloader's heap kept
       15 MB of its entries), fork as the one-file app's parent does, print its heap (KB) */
    struct TOC_ENTRY entry = {(uint32_t)atol(argv[2]), (uint32_t)atol(argv[3]), "entry"};
    FILE *in = fopen(argv[1], "rb"), *out = fopen(argv[5], "wb");
    unsigned char *buffer = malloc(entry.uncompressed_length + 1);
    int to_file = strcmp(argv[4], "file") == 0;
    int rc = _pyi_archive_extract_compressed(in, &entry, to_file ? out : NULL,
                                             to_file ? NULL : buffer);
    if (rc == 0 && !to_file) fwrite(buffer, 1, entry.uncompressed_length, out);
    fclose(out);
    if (rc == 0 && argc > 6) {
        char line[256];
        FILE *status;
        mallopt(M_MMAP_THRESHOLD, 64 << 20);
        mallopt(M_TRIM_THRESHOLD, 64 << 20);
        rewind(in);
        out = fopen(argv[5], "wb");
        rc = _pyi_archive_extract_compressed(in, &entry, out, NULL);
        fclose(out);
        if (fork() == 0) _exit(0);
        wait(NULL);
        status = fopen("/proc/self/status", "r");
        while (fgets(line, sizeof line, status))
            if (strncmp(line, "RssAnon:", 8) == 0) printf("%s", line + 8);
    }
    return rc == 0 ? 0 : 3;
}
"""


@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    library = static_libdeflate()
    if library is None:
        pytest.skip("no static libdeflate (libdeflate-dev): the build makes steps larger only")
    folder = tmp_path_factory.mktemp("inflate")
    (folder / "inflate.c").write_text(inflate_function() + "\n")
    (folder / "harness.c").write_text(HARNESS)
    subprocess.run(["gcc", "-O2", "-Wall", "-Werror", "-o", str(folder / "harness"),
                    str(folder / "harness.c"), str(library)], check=True, cwd=folder)
    return folder


def unpacking(harness: Path, tmp_path: Path, data: bytes, *how: str) -> list[str]:
    """The harness's command to unpack `data` (zlib-compressed into tmp_path/entry) to
    tmp_path/out; `how`: "file" (the default) or "buffer", then the harness's extra mode."""
    entry = zlib.compress(data, 9)
    (tmp_path / "entry").write_bytes(entry)
    return [str(harness / "harness"), str(tmp_path / "entry"), str(len(entry)), str(len(data)),
            how[0] if how else "file", str(tmp_path / "out"), *how[1:]]


@pytest.mark.parametrize("into", ["file", "buffer"])
@pytest.mark.parametrize("size", [0, 1, 8192, 3_000_001])
def test_our_function_gives_back_what_zlib_compressed(harness, tmp_path, into, size):
    data = os.urandom(size // 2) + bytes(size - size // 2)       # some noise, some runs
    subprocess.run(unpacking(harness, tmp_path, data, into), check=True)
    assert (tmp_path / "out").read_bytes() == data


def test_it_writes_in_steps_of_64_kb(harness, tmp_path):
    """Written in one call, the kernel caches the file in larger folios, and a library mapped
    from it is made resident a whole folio at a fault: the one-file app 10 MB more resident."""
    data = os.urandom(3_000_001)
    code, io = run_counting_io(unpacking(harness, tmp_path, data))
    assert code == 0 and (tmp_path / "out").read_bytes() == data
    assert io["syscw"] >= -(-len(data) // 65536)
    assert io["wchar"] < len(data) + 65536


def test_the_parent_gives_its_heap_back_when_it_forks_the_app(harness, tmp_path):
    """The one-file app's parent waits beside it all session; the entries it inflated stayed
    in its heap (15 MB resident) until it gave them back at the fork."""
    done = subprocess.run(unpacking(harness, tmp_path, os.urandom(3_000_001), "file", "fork"),
                          capture_output=True, text=True, check=True)
    assert int(done.stdout.split()[0]) < 1024, done.stdout           # KB: not the 3 MB entry


def test_our_function_refuses_a_damaged_entry_or_a_wrong_length(harness, tmp_path):
    data = os.urandom(50_000) + bytes(50_000)
    entry = bytearray(zlib.compress(data))
    entry[len(entry) // 2] ^= 0xFF
    (tmp_path / "entry").write_bytes(entry)
    for length in (len(data), len(data) + 1):
        done = subprocess.run([str(harness / "harness"), str(tmp_path / "entry"),
                               str(len(entry)), str(length), "file", str(tmp_path / "out")],
                              capture_output=True, text=True)
        assert done.returncode == 3 and "decompression failed" in done.stderr
    (tmp_path / "entry").write_bytes(zlib.compress(data))
    done = subprocess.run([str(harness / "harness"), str(tmp_path / "entry"),
                           str(len(zlib.compress(data))), str(len(data) - 1), "file",
                           str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 3


def test_whatever_goes_wrong_the_build_goes_on_with_the_stock_bootloader(
        tmp_path, monkeypatch, capsys):
    import unpack_bootloader

    def broken(*args: object) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(unpack_bootloader, "sdist", lambda version, work: tmp_path / "sdist")
    monkeypatch.setattr(unpack_bootloader, "_built", broken)
    assert unpack_bootloader.rebuilt(tmp_path) is None
    assert "stock bootloader (OSError: no space left on device)" in capsys.readouterr().out

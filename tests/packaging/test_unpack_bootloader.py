"""The bootloader change: each of PyInstaller's three 8 KB steps becomes 256 KB, with its
buffers; a source that does not read as expected is left alone (the stock bootloader ships)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from unpack_bootloader import CHUNK, patched

# The three helpers of PyInstaller 6.22's bootloader/src/pyi_archive.c, as far as they matter.
STOCK = """
static int _compressed(FILE *archive_fp, FILE *out_fp)
{
    const size_t CHUNK_SIZE = 8192;
    unsigned char buffer_in[8192];
    unsigned char buffer_out[8192];
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
    assert changed.count(f"static unsigned char buffer_in[{CHUNK}];") == 1
    assert changed.count(f"static unsigned char buffer_out[{CHUNK}];") == 1
    assert changed.count(f"static unsigned char buffer[{CHUNK}];") == 1
    kept = [line for line in STOCK.splitlines() if "8192" not in line]
    assert [line for line in changed.splitlines() if str(CHUNK) not in line] == kept


def test_a_source_that_reads_otherwise_is_left_alone():
    assert patched(STOCK.replace("unsigned char buffer[8192];", "unsigned char *buffer;")) is None
    assert patched(STOCK + "\n    const size_t CHUNK_SIZE = 8192;\n") is None
    assert patched("") is None

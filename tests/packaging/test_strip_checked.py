"""The bundle's binaries lose their symbols only where the loader will still take them: a copy
that `strip` breaks (numpy's OpenBLAS, rewritten by auditwheel's patchelf) ships unstripped."""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

import numpy
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from strip_checked import cache_key, loadable, stripped

pytestmark = pytest.mark.skipif(shutil.which("strip") is None or sys.platform != "linux",
                                reason="needs binutils' strip on Linux")
NUMPY_LIBS = Path(numpy.__file__).resolve().parents[1] / "numpy.libs"


def test_an_extension_module_is_stripped_and_still_loads(tmp_path):
    import ctypes

    import _webrtcvad

    original = Path(_webrtcvad.__file__)
    new, saved = stripped(str(original), tmp_path)
    assert saved > 0 and Path(new).stat().st_size == original.stat().st_size - saved
    assert loadable(Path(new))
    ctypes.CDLL(new)                       # the loader takes it (Python's symbols are here)


def test_what_strip_would_break_ships_as_it_was(tmp_path):
    blas = next(NUMPY_LIBS.glob("libscipy_openblas*"), None) or next(
        NUMPY_LIBS.glob("libopenblas*"), None)
    if blas is None:
        pytest.skip("this numpy ships no OpenBLAS of its own")
    assert loadable(blas)
    assert stripped(str(blas), tmp_path) == (str(blas), 0)


def test_a_load_segment_out_of_step_with_its_address_is_refused(tmp_path):
    header = bytearray(64 + 56)
    header[:6] = b"\x7fELF\x02\x01"
    struct.pack_into("<Q", header, 0x20, 64)                 # program headers at 64
    struct.pack_into("<HH", header, 0x36, 56, 1)
    struct.pack_into("<IIQQQQQQ", header, 64, 1, 5, 0x1234, 0x5000, 0x5000, 16, 16, 0x1000)
    bad = tmp_path / "bad.so"
    bad.write_bytes(bytes(header))
    assert not loadable(bad)
    struct.pack_into("<IIQQQQQQ", header, 64, 1, 5, 0x1234, 0x5234, 0x5234, 16, 16, 0x1000)
    bad.write_bytes(bytes(header))
    assert loadable(bad)


def test_a_changed_maker_or_input_makes_anew(tmp_path):
    """The build folder keeps what each pass made, by this key: a pass whose code changed
    (a new stand-in generator) must not reuse what its older version made."""
    original, maker = tmp_path / "libx.so", tmp_path / "maker.py"
    original.write_bytes(b"library")
    maker.write_text("version = 1\n")
    first = cache_key(original, str(maker))
    assert cache_key(original, str(maker)) == first
    assert cache_key(original, str(maker), b"en,de") != first
    maker.write_text("version = 2\n")
    assert cache_key(original, str(maker)) != first
    maker.write_text("version = 1\n")
    original.write_bytes(b"library, newer")
    assert cache_key(original, str(maker)) != first

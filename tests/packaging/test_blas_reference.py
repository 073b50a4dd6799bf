"""numpy with its OpenBLAS replaced by the stand-in (each call passed on to the reference BLAS and
LAPACK) answers as it does with OpenBLAS: matmul and dot in the four floating types, and
numpy.linalg. The stand-in is built from the installed numpy and put in place of OpenBLAS in a
copy of the package (symlinks for the rest)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import blas_reference
from blas_reference import OPENBLAS, reference_name, use_reference_blas
from linked import linked

PACKAGE = Path(np.__file__).resolve().parent
LIBS = PACKAGE.parent / "numpy.libs"
PROBE = r"""
import json
import numpy as np

rng = np.random.default_rng(7)
out = {}
for kind in ("float32", "float64", "complex64", "complex128"):
    a, b, v = (rng.standard_normal(shape) for shape in ((40, 30), (30, 20), (30,)))
    if kind.startswith("complex"):
        a, b, v = a + 1j * a[::-1], b + 2j * b[::-1], v - 1j * v[::-1]
    a, b, v = (x.astype(kind) for x in (a, b, v))
    out[kind] = [[z.real, z.imag] for z in map(complex, (
        (a @ b).sum(), (a @ v).sum(), np.dot(v, v), np.vdot(v, v), (a @ a.T.conj()).sum()))]
m, y = rng.standard_normal((12, 12)), rng.standard_normal(12)
out["solve"] = np.linalg.solve(m, y).tolist()
out["inv"] = np.linalg.inv(m).sum()
out["svd"] = np.linalg.svd(m, compute_uv=False).tolist()
out["eigh"] = np.linalg.eigvalsh(m + m.T).tolist()
out["eig"] = sorted(abs(np.linalg.eigvals(m)).tolist())
out["lstsq"] = np.linalg.lstsq(m[:, :5], y, rcond=None)[0].tolist()
out["qr"] = abs(np.linalg.qr(m)[1]).sum()
out["cholesky"] = np.linalg.cholesky(m @ m.T + 12 * np.eye(12)).sum()
out["det"] = np.linalg.det(m)
with open("/proc/self/maps") as maps:
    out["loaded"] = sorted({line.split()[-1] for line in maps if "la" in line.split()[-1]})
print(json.dumps(out))
"""
TOOLS = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("gcc", "nm", "readelf"))
    or not sys.platform.startswith("linux") or not LIBS.is_dir(),
    reason="needs Linux, gcc, binutils and numpy's wheel (bash dev.sh test installs them)")


def ask_numpy(site: Path | None = None) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(site)} if site else dict(os.environ)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=120, cwd="/", check=True)
    answers: dict[str, object] = json.loads(done.stdout)
    return answers


def numpy_binaries() -> list[tuple[str, str, str]]:
    """numpy's binaries as PyInstaller's TOC lists them."""
    files = [*PACKAGE.rglob("*.so"), *LIBS.iterdir()]
    return [(str(f.relative_to(PACKAGE.parent)), str(f), "BINARY") for f in files]


def test_each_function_has_its_reference_name():
    assert reference_name("scipy_cblas_sgemm64_") == "cblas_sgemm"
    assert reference_name("scipy_cblas_zdotc_sub64_") == "cblas_zdotc_sub"
    assert reference_name("scipy_dgesdd_64_") == "dgesdd_"
    assert reference_name("scipy_openblas_get_config64_") is None


@TOOLS
def test_numpy_answers_as_with_openblas(tmp_path):
    toc = numpy_binaries()
    assert linked(toc) == toc                    # with OpenBLAS, each library is linked
    replaced = use_reference_blas(toc, tmp_path / "cache")
    if replaced == toc:
        pytest.fail("the stand-in was not built (are libblas64-3 and liblapack64-3 installed?)")
    stand_in = next(Path(src) for dest, src, _ in replaced if OPENBLAS.search(dest))
    before, after = ({dest.rsplit("/", 1)[-1] for dest, _, _ in t} for t in (toc, linked(replaced)))
    # LAPACK's routines that numpy calls are linked into the stand-in (liblapack64-dev, which
    # bash dev.sh installs): only BLAS comes in, and no Fortran runtime
    assert after - before == {"libblas64.so.3"}
    # numpy's own gfortran runtime goes with OpenBLAS, which alone linked it (the spec's `linked`)
    assert {name.split("-")[0] for name in before - after} == {"libgfortran", "libquadmath"}
    assert 500_000 < stand_in.stat().st_size < 2_000_000
    exported = subprocess.run(["nm", "-D", "--defined-only", str(stand_in)], capture_output=True,
                              text=True, check=True).stdout.split()[2::3]
    assert exported and all(name.startswith("scipy_") for name in exported)

    site = tmp_path / "site"
    shutil.copytree(PACKAGE, site / "numpy", copy_function=os.symlink)
    shutil.copytree(LIBS, site / "numpy.libs", copy_function=os.symlink)
    (site / "numpy.libs" / stand_in.name).unlink()
    shutil.copyfile(stand_in, site / "numpy.libs" / stand_in.name)

    whole, referred = ask_numpy(), ask_numpy(site)
    loaded = referred.pop("loaded")
    assert f"{site}/numpy.libs/{stand_in.name}" in loaded                 # the stand-in answers
    assert any("libblas64" in path for path in loaded)
    assert not [path for path in loaded if "liblapack64" in path or "gfortran" in path]
    whole.pop("loaded")
    assert whole.keys() == referred.keys()
    for key, value in whole.items():
        tolerance = 1e-4 if key in ("float32", "complex64") else 1e-9
        assert np.allclose(referred[key], value, rtol=tolerance, atol=tolerance), key


@TOOLS
def test_without_the_reference_libraries_numpy_ships_its_own(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(blas_reference, "installed", lambda soname, tag: None)
    toc = numpy_binaries()
    assert use_reference_blas(toc, tmp_path / "cache") == toc
    said = capsys.readouterr().out
    assert "numpy's OpenBLAS ships as it was" in said and "are not installed" in said


@TOOLS
def test_without_lapacks_objects_the_calls_go_to_the_whole_library(tmp_path, monkeypatch):
    monkeypatch.setattr(blas_reference, "lapack_archive", lambda: None)
    replaced = use_reference_blas(numpy_binaries(), tmp_path / "cache")
    stand_in = next(Path(src) for dest, src, _ in replaced if OPENBLAS.search(dest))
    names = {dest.rsplit("/", 1)[-1] for dest, _, _ in linked(replaced)}
    assert {"libblas64.so.3", "liblapack64.so.3", "libgfortran.so.5"} <= names
    assert stand_in.stat().st_size < 100_000


RUNTIME_PROBE = r"""
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
void _gfortran_concat_string(size_t, char *, size_t, const char *, size_t, const char *);
double _gfortran_pow_r8_i8(double, int64_t);
float _gfortran_pow_r4_i8(float, int64_t);
void xerbla_(const char *, const int64_t *, size_t);
typedef void concat_t(size_t, char *, size_t, const char *, size_t, const char *);
typedef double pow8_t(double, int64_t);
typedef float pow4_t(float, int64_t);
int main(void) {
    void *gfortran = dlopen("libgfortran.so.5", RTLD_NOW);
    if (!gfortran) { puts("no libgfortran"); return 2; }
    concat_t *concat = (concat_t *)dlsym(gfortran, "_gfortran_concat_string");
    pow8_t *pow8 = (pow8_t *)dlsym(gfortran, "_gfortran_pow_r8_i8");
    pow4_t *pow4 = (pow4_t *)dlsym(gfortran, "_gfortran_pow_r4_i8");
    const double bases[] = {1.1, -0.7, 2.0, 3.000001, 1e-3, 0.0, -0.0, 1e300};
    const int64_t powers[] = {0, 1, 2, 3, 7, 10, 31, 64, -1, -2, -5, -64, INT64_MIN};
    int compared = 0, differ = 0;
    for (size_t b = 0; b < sizeof bases / sizeof *bases; b++)
        for (size_t p = 0; p < sizeof powers / sizeof *powers; p++) {
            double ours = _gfortran_pow_r8_i8(bases[b], powers[p]), its = pow8(bases[b], powers[p]);
            float ours4 = _gfortran_pow_r4_i8((float)bases[b], powers[p]);
            float its4 = pow4((float)bases[b], powers[p]);
            differ += memcmp(&ours, &its, sizeof ours) != 0;
            differ += memcmp(&ours4, &its4, sizeof ours4) != 0;
            compared += 2;
        }
    for (size_t length = 0; length <= 8; length++) {
        char ours[9] = {0}, its[9] = {0};
        _gfortran_concat_string(length, ours, 3, "abc", 2, "de");
        concat(length, its, 3, "abc", 2, "de");
        differ += memcmp(ours, its, sizeof ours) != 0;
        compared += 1;
    }
    char out[9] = {0};
    _gfortran_concat_string(8, out, 3, "abc", 2, "de");
    printf("%d compared, %d differ, [%s]\n", compared, differ, out);
    const int64_t info = 3;
    xerbla_("DGESDD ", &info, 7);
    return 0;
}
"""


@TOOLS
def test_the_fortran_runtime_functions_answer_as_gfortrans(tmp_path):
    """Ours and the real runtime's (libgfortran, which liblapack64-3 brings), bit for bit:
    powers by repeated squaring in the runtime's order (1.1**10 is not pow()'s rounding),
    blank-padded concatenation cut at the length; and LAPACK's error line."""
    (tmp_path / "probe.c").write_text(RUNTIME_PROBE)
    subprocess.run(["gcc", "-o", str(tmp_path / "probe"), str(tmp_path / "probe.c"),
                    str(blas_reference.RUNTIME), "-ldl"], check=True)
    run = subprocess.run([str(tmp_path / "probe")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    assert run.stdout == "217 compared, 0 differ, [abcde   ]\n"
    assert run.stderr == " ** On entry to DGESDD  parameter number 3 had an illegal value\n"

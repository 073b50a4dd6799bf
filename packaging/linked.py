"""Only the libraries something kept links to, on Linux: the spec leaves out plugins (GTK's
theme took 40 libraries in) and puts stand-ins in place of libraries (codec_stubs,
blas_reference), and what only those linked must go with them.

Python extensions, Qt plugins and libpython are the roots; a library stays if a root needs it,
directly or not, each file's own NEEDED entries followed through the bundle. Not PyInstaller's
`get_imports`: it answers like `ldd`, through the original files, so it would keep what only a
replaced library linked (numpy's gfortran after OpenBLAS, GnuTLS's libunistring after GnuTLS).
"""

from __future__ import annotations

from strip_checked import needed  # packaging/ is on the path beside this module
from toc_pass import Toc


def is_root(dest: str) -> bool:
    name = dest.rsplit("/", 1)[-1]
    return (".cpython-" in name or name.endswith(".abi3.so") or "/plugins/" in dest
            or name.startswith("libpython"))


def linked(binaries: Toc) -> Toc:
    """The TOC without the libraries no root reaches through NEEDED entries."""
    by_name = {entry[0].rsplit("/", 1)[-1]: entry for entry in binaries}
    queue = [entry for entry in binaries if is_root(entry[0].replace("\\", "/"))]
    reached = {entry[0] for entry in queue}
    while queue:
        for name in needed(queue.pop()[1]):
            entry = by_name.get(name)
            if entry is not None and entry[0] not in reached:
                reached.add(entry[0])
                queue.append(entry)
    return [entry for entry in binaries if entry[0] in reached]

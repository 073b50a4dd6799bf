"""Qt's ICU data, cut to what Qt reads, still answers everything Qt asks of it: the trimmed
library is built from the installed PySide6's, put in place of the original in a copy of the
package (symlinks for the rest), and Qt is asked the same questions there as here."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
import shiboken6

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from icu_trimmed import trimmed, unused

QT_LIB = Path(PySide6.__file__).resolve().parent / "Qt" / "lib"
PROBE = r"""
import json
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
zone = QTimeZone(b"Europe/Berlin")
name = lambda locale: zone.displayName(QTimeZone.TimeType.StandardTime,
                                       QTimeZone.NameType.LongName, QLocale(locale))
print(json.dumps({
    "turkish upper": QLocale("tr_TR").toUpper("istanbul"),
    "orders": [QCollator(QLocale(l)).compare(a, b) > 0
               for l, a, b in (("de_DE", "ä", "b"), ("sv_SE", "ä", "z"), ("ja_JP", "あ", "ア"),
                               ("cs_CZ", "ch", "i"), ("es_ES", "ñ", "o"))],
    "codecs": sorted(QStringDecoder.availableCodecs()),
    "zone names": [name("en_US"), name("de_DE"), name("de_AT")],
    "zone id": zone.id().data().decode(),
    "loaded": [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line][0],
}))
"""


def ask_qt(package_root: Path | None = None) -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if package_root is not None:
        env["PYTHONPATH"] = str(package_root)
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env,
                          timeout=60, check=True)
    answer: dict[str, object] = json.loads(done.stdout)
    return answer


def test_the_items_qt_never_reads_are_the_ones_removed():
    languages = ("en", "de")
    for item in ("unit/de.res", "curr/pool.res", "lang/en.res", "region/de.res", "rbnf/en.res",
                 "translit/root.res", "brkitr/cjdict.dict", "fr.res", "zh_Hant_TW.res",
                 "zone/fr.res", "zone/no_NO_NY.res"):
        assert unused(item, languages), item
    for item in ("root.res", "res_index.res", "en.res", "de_CH.res", "en_001.res", "pool.res",
                 "coll/sv.res", "coll/ucadata.icu", "zone/root.res", "zone/de.res",
                 "zone/res_index.res", "zoneinfo64.res", "metaZones.res", "supplementalData.res",
                 "cnvalias.icu", "ibm-943_P15A-2003.cnv", "ucase.icu", "uts46.nrm"):
        assert not unused(item, languages), item


TOOLS = pytest.mark.skipif(not sys.platform.startswith("linux") or not all(
    shutil.which(tool) for tool in ("icupkg", "gcc", "nm")), reason="needs icupkg, gcc and nm")


@TOOLS
def test_a_library_that_is_not_what_it_seems_ships_as_it_was(tmp_path, capsys):
    impostor = tmp_path / "libicudata.so.99"
    shutil.copyfile(next(QT_LIB.glob("libicuuc.so.*")), impostor)    # ICU, but not its data
    assert trimmed(str(impostor), tmp_path / "cache", ("en",)) == (str(impostor), 0)
    assert "ships whole (libicudata.so.99 defines no icudt99_dat)" in capsys.readouterr().out


@TOOLS
def test_qt_answers_from_the_trimmed_data_as_from_the_whole(tmp_path):
    original = next(QT_LIB.glob("libicudata.so.*"))
    new, saved = trimmed(str(original), tmp_path / "cache", ("en", "de"))
    assert saved > original.stat().st_size / 2

    root = tmp_path / "site"
    root.mkdir()
    for package in (PySide6, shiboken6):
        folder = Path(package.__file__).resolve().parent
        shutil.copytree(folder, root / folder.name, copy_function=os.symlink)
    copy = root / "PySide6" / "Qt" / "lib" / original.name
    copy.unlink()
    shutil.copyfile(new, copy)

    whole, cut = ask_qt(), ask_qt(root)
    assert (whole.pop("loaded"), cut.pop("loaded")) == (str(original), str(copy))
    assert whole["turkish upper"] == "İSTANBUL" and whole["zone names"][1] == (  # type: ignore[index]
        "Mitteleuropäische Normalzeit")
    assert cut == whole
    assert len(cut["codecs"]) > 100  # type: ignore[arg-type]

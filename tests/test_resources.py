"""Resources load through one function, from the source tree or from a frozen bundle."""

from __future__ import annotations

import sys

from assistant.config import resource


def test_resources_come_from_the_source_tree():
    icon = resource("voice-assistant.svg")
    assert icon.is_file() and icon.read_text().startswith("<svg")


def test_a_frozen_bundle_is_looked_up_under_its_unpack_folder(monkeypatch, tmp_path):
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "voice-assistant.svg").write_text("<svg/>")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource("voice-assistant.svg") == tmp_path / "resources" / "voice-assistant.svg"


def test_the_bundle_keeps_qts_own_strings_for_every_language_of_the_window():
    """The spec keeps Qt's translations only for the window's languages (it cannot import the
    app to ask): a language added to the app must be added there too."""
    import ast
    from pathlib import Path

    from assistant.cli import LANGUAGES

    spec = Path(__file__).resolve().parents[1] / "packaging" / "voice-assistant.spec"
    assigned = next(node for node in ast.parse(spec.read_text()).body
                    if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") ==
                    "LANGUAGES")
    assert ast.literal_eval(assigned.value) == LANGUAGES

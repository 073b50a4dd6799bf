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

"""The leak scanner finds a key however it is disguised (so a clean scan means something)."""

import base64

from tests.secrets_scan import leaks

KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz012345"


def test_every_disguise_is_found(tmp_path):
    forms = {"plain.log": KEY.encode(), "reversed.txt": KEY[::-1].encode(),
             "b64.json": base64.b64encode(KEY.encode()), "wide.db": KEY.encode("utf-16-le"),
             "masked.log": f"sk-proj-...{KEY[8:-8]}...".encode()}
    for name, data in forms.items():
        (tmp_path / name).write_bytes(b"prefix " + data + b" suffix")
    (tmp_path / "clean.txt").write_text("sk-proj-something-else-entirely")
    found = {line.split(":")[0] for line in leaks(KEY, tmp_path)}
    assert found == set(forms)

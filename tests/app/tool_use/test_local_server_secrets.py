"""A secret that mcp.json names as ${keyring:NAME} comes from the keyring and never reaches the
log in clear, nor does a server's Authorization header."""

from __future__ import annotations

import json

from assistant.app.account import api_key_store
from assistant.app.tool_use.local_servers import LocalServers, keyring_secret
from assistant.logging_setup import mask
from assistant.tools.registry import ToolRegistry


def test_a_keyring_secret_is_read_and_masked_from_then_on(keyring_store):
    keyring_store[(api_key_store.SERVICE, api_key_store.mcp_secret_account("notes"))] = \
        "notes-secret-0123456789"
    assert keyring_secret("notes") == "notes-secret-0123456789"
    assert keyring_secret("absent") is None
    assert "notes-secret" not in mask("server said: token=notes-secret-0123456789")


def test_an_authorization_header_in_the_file_is_masked(tmp_path, qtbot):
    path = tmp_path / "mcp.json"
    path.write_text(json.dumps({"mcpServers": {"web": {
        "url": "http://127.0.0.1:9/mcp", "headers": {"Authorization": "Bearer file-tok-98765432"},
        "disabled": True}}}))
    servers = LocalServers(ToolRegistry(), path, lambda: None)
    servers.start()
    assert servers.states["web"].phase == "disabled"
    assert "file-tok" not in mask("the server said: Bearer file-tok-98765432")
    servers.stop()

"""MCP servers' tokens: in the OS keyring (as the API key is), loaded off the GUI thread, and
never written to the settings file or shown again."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QCoreApplication

from assistant.app.account import api_key_store
from assistant.app.local_format import said
from assistant.app.tool_use.tool_config import token_account, usable_servers
from assistant.errors import KeyringUnavailable
from assistant.logging_setup import register_secret


async def load_tokens(servers_json: str) -> dict[str, str]:
    tokens = {}
    for server in usable_servers(servers_json):
        token = await asyncio.to_thread(api_key_store.load_secret, token_account(server.label))
        if token:
            register_secret(token)
            tokens[server.label] = token
    return tokens


async def save_tokens(tokens: dict[str, str]) -> list[str]:
    """Keep each token; the sentences say which could only be used for this run."""
    problems = []
    for label, token in tokens.items():
        register_secret(token)
        try:
            await asyncio.to_thread(api_key_store.save, token_account(label), token)
        except KeyringUnavailable as exc:
            problems.append(QCoreApplication.translate(
                "Tools", "The token for the MCP server {label} is used for this run only: "
                "{why}").format(label=label, why=said(exc)))
    return problems

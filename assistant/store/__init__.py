"""Conversation history in SQLite and its export (reserved; no Qt)."""

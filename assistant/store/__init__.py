"""Conversation history in SQLite and its export. No Qt, no network: plain data in and out."""

"""The user's own MCP servers (mcp.json): read, started, listed and called on the official SDK,
on a thread of their own (no Qt, no app)."""

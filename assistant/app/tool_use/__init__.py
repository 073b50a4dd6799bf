"""Tools in a conversation: calls, consent, the tool configuration, MCP tokens, and the host
services (browser, clipboard, timers) the built-in tools act on."""

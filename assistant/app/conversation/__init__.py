"""The conversation: server-event handlers, its record and replay, usage and prices, and the
browser of past conversations."""

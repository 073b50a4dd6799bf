"""Widgets: they render state and emit intents; they do no I/O."""

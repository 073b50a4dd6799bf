"""The listening modes: dictation and the interpreter, their handlers and kept files."""

"""The controller's states; the window renders them, the server-event handlers move between them."""

DISCONNECTED, CONNECTING, LISTENING, THINKING, SPEAKING, ERROR = (
    "disconnected", "connecting", "listening", "thinking", "speaking", "error")

"""The application layer: wiring (main, shell), the controller's state machine, server-event
handlers, API-key actions, the audio supervisor and the bridge joining audio to a session."""

"""A desktop voice assistant for the OpenAI Realtime API."""

__version__ = "0.1.0"

"""Errors a user can be told about in one sentence.

Every error that reaches the window is one of these. It carries its sentence as an English
template with {names} and their values: `str()` (and the log) is the English sentence, and the
window shows the template translated (app.local_format.said) with the same values.
"""

from __future__ import annotations

from assistant.translatable import QT_TRANSLATE_NOOP


class AssistantError(Exception):
    """Base class: the message is a complete sentence for the user.

    `retryable` says whether trying the same connection again later can help (a network blink,
    a server restarting) or cannot (a rejected key, no quota, a protocol the server refuses).
    """

    retryable = False

    def __init__(self, template: str = "", **values: object) -> None:
        self.template, self.values = template, values
        super().__init__(template.format(**values) if values else template)


class ConfigError(AssistantError):
    """A setting cannot work as given (bad URL, unknown mode...)."""


class ApiKeyMissing(AssistantError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "No API key is set. Add one in Settings, or try the offline demo."))


class KeyringUnavailable(AssistantError):
    """No OS keyring backend: the key can only live in the environment or this run."""


class ApiKeyRejected(AssistantError):
    def __init__(self, endpoint: str, status: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The server at {endpoint} rejected the API key (HTTP {status})."),
            endpoint=endpoint, status=status)
        self.status = status


class ClientSecretRefused(AssistantError):
    """The Realtime server refused a client secret from the token server (expired, or not
    one of its own). Trying again fetches a fresh one."""

    retryable = True

    def __init__(self, endpoint: str, status: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The server at {endpoint} refused the client secret from the token server "
                      "(HTTP {status}); it may have expired."), endpoint=endpoint, status=status)
        self.status = status


class TokenServerRefused(AssistantError):
    """The organisation's token server said no to this app (its header is wrong or missing)."""

    def __init__(self, endpoint: str, status: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The token server at {endpoint} refused this app (HTTP {status}). Check "
                      "the header your organisation gave you in the settings."),
            endpoint=endpoint, status=status)


class TokenServerFailed(AssistantError):
    def __init__(self, endpoint: str, status: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The token server at {endpoint} could not hand out a client secret "
                      "(HTTP {status})."), endpoint=endpoint, status=status)
        self.retryable = status >= 500 or status in (408, 429)


class TokenServerAnswer(AssistantError):
    """The token server answered, but not with a usable secret."""

    def __init__(self, endpoint: str, expired: bool = False) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The token server at {endpoint} handed out a client secret that had "
                      "already expired; check both machines' clocks.") if expired else
            QT_TRANSLATE_NOOP("Errors", "The token server at {endpoint} answered without a "
                                        "client secret."), endpoint=endpoint)
        self.retryable = expired


def key_refused(endpoint: str, status: int, ephemeral: bool) -> AssistantError:
    """A 401/403 at connecting: the user's key, or a minted secret."""
    return ClientSecretRefused(endpoint, status) if ephemeral else ApiKeyRejected(endpoint,
                                                                                  status)


class EndpointUnreachable(AssistantError):
    retryable = True

    def __init__(self, endpoint: str, reason: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "Cannot reach {endpoint}: {reason}."),
                         endpoint=endpoint, reason=reason)


class HandshakeFailed(AssistantError):
    def __init__(self, endpoint: str, status: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The server at {endpoint} refused the connection (HTTP {status})."),
            endpoint=endpoint, status=status)
        self.status = status
        self.retryable = status >= 500 or status == 408


class BetaProtocolDisabled(AssistantError):
    def __init__(self, endpoint: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "{endpoint} no longer speaks the beta Realtime protocol; switch the "
            "dialect to GA in Settings."), endpoint=endpoint)


class ModelUnavailable(AssistantError):
    """The service does not serve the model the session asked for: retired, unknown, or not
    open to this account. Trying again cannot help; another model can."""

    def __init__(self, endpoint: str, message: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "{endpoint} does not serve this model: {message}"), endpoint=endpoint,
            message=message)


class AccountRefused(AssistantError):
    """The service refused the account itself (no quota, a key it no longer accepts)."""

    def __init__(self, endpoint: str, message: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "{endpoint} refused the account: {message}. Check the key and billing, "
            "then connect again."), endpoint=endpoint, message=message.rstrip("."))


class ConnectionLost(AssistantError):
    """The socket closed while the session was in use."""

    retryable = True

    def __init__(self, reason: str, code: int | None = None, **values: object) -> None:
        super().__init__(reason, **values)
        self.code = code


class SessionExpired(ConnectionLost):
    """The server ended the session at its time limit (close code 1001)."""


class NotStarted(ConnectionLost):
    def __init__(self, where: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "{where} did not start a session in time."),
                         where=where)


class NotConnected(ConnectionLost):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "Not connected."))


class ConnectionFailed(ConnectionLost):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "The connection failed unexpectedly; see the log."))


class SessionClosed(ConnectionLost):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "The session was closed."))


# Server error codes after which connecting again cannot help.
REFUSING_CODES = ("invalid_api_key", "insufficient_quota", "beta_api_shape_disabled",
                  "model_not_found")


def refusal(where: str, code: str, message: str) -> AssistantError:
    """The error a refusing server error code (one of REFUSING_CODES) stands for."""
    if code == "beta_api_shape_disabled":
        return BetaProtocolDisabled(where)
    if code == "model_not_found":
        return ModelUnavailable(where, message or code)
    return AccountRefused(where, message or code)


TOO_MUCH = 1009       # WebSocket's "message too big"; also what a flooded WebRTC channel reports


def closed_error(where: str, code: int | None, reason: str) -> AssistantError:
    """Why a session's connection closed under it, from the close code and what it said."""
    if code == 4000:
        return BetaProtocolDisabled(where)
    if code == TOO_MUCH:
        return ConnectionLost(QT_TRANSLATE_NOOP(
            "Errors", "{where} sent more than any real session does (a message too large, or "
            "messages faster than they can be read); the connection was closed."), code,
            where=where)
    if code == 1001:
        return SessionExpired(QT_TRANSLATE_NOOP(
            "Errors", "{where} ended the session at its time limit."), code, where=where)
    if code and reason:
        return ConnectionLost(QT_TRANSLATE_NOOP(
            "Errors", "The connection to {where} was lost (code {close_code}: {why})."),
            code, where=where, close_code=code, why=reason)
    if code:
        return ConnectionLost(QT_TRANSLATE_NOOP(
            "Errors", "The connection to {where} was lost (code {close_code})."), code,
            where=where, close_code=code)
    return ConnectionLost(QT_TRANSLATE_NOOP("Errors", "The connection to {where} was lost."),
                          code, where=where)


class CleartextRefused(AssistantError):
    """The user did not allow a key to go unencrypted to this host."""

    def __init__(self, host: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "Not connected: {host} is not encrypted (ws:// or http://), and your key "
            "is not sent in clear text without your yes. Use wss:// or https://, or connect "
            "again and allow it for this host."), host=host)
        self.host = host


class GaveUpReconnecting(AssistantError):
    """Reconnect tries used up for the hour: the server keeps failing or dropping us at once."""

    def __init__(self, tries: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "Stopped reconnecting: {tries} tries in the last hour failed or were "
            "dropped at once. Press Connect to try again."), tries=tries)


class AudioDeviceError(AssistantError):
    """No usable microphone or speaker; the message names which."""

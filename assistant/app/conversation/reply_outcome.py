"""How a reply ended, when it did not end well: `response.done`'s status said as a sentence,
and whether trying again can help (a transient server error is retried once by itself)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from assistant.translatable import QT_TRANSLATE_NOOP

# What a failed reply's error code means to the user; anything else is the service failing.
_FAILED = {
    "rate_limit_exceeded": QT_TRANSLATE_NOOP(
        "Replies", "The service is limiting how fast this key may ask: the reply failed. Wait a "
        "few seconds, then press Retry."),
    "insufficient_quota": QT_TRANSLATE_NOOP(
        "Replies", "The account's quota is used up: the reply failed. Check the plan and billing "
        "of the account the key belongs to."),
}
_SERVER_ERROR = QT_TRANSLATE_NOOP(
    "Replies", "The service failed to answer (a server error, code {code}).")
_TRANSIENT = ("server_error", "internal_error", "service_unavailable", "overloaded")
_INCOMPLETE = {
    "max_output_tokens": QT_TRANSLATE_NOOP(
        "Replies", "The reply was cut short: it reached the most output tokens allowed."),
    "content_filter": QT_TRANSLATE_NOOP(
        "Replies", "The reply was stopped by the service's content filter."),
}


@dataclass(frozen=True)
class Outcome:
    sentence: str
    failed: bool             # no reply at all (else it was cut short)
    transient: bool = False  # the service's own passing failure: one more try may work


def _said(template: str, **values: object) -> str:
    return QCoreApplication.translate("Replies", template).format(**values)


def of(response: dict[str, Any]) -> Outcome | None:
    """The outcome to tell of a `response.done`'s response; None when it completed or the user
    (or their voice) cancelled it."""
    status, details = response.get("status"), response.get("status_details")
    details = details if isinstance(details, dict) else {}
    if status == "failed":
        found = details.get("error")
        error: dict[str, Any] = found if isinstance(found, dict) else {}
        code = str(error.get("code") or error.get("type") or "unknown")
        if code in _FAILED:
            return Outcome(_said(_FAILED[code]), failed=True)
        return Outcome(_said(_SERVER_ERROR, code=code), failed=True,
                       transient=code in _TRANSIENT or error.get("type") == "server_error")
    if status == "incomplete":
        reason = str(details.get("reason") or "")
        template = _INCOMPLETE.get(reason)
        return Outcome(_said(template) if template else _said(QT_TRANSLATE_NOOP(
            "Replies", "The reply ended early ({reason})."), reason=reason), failed=False)
    return None

"""What the window says in the user's language: errors (their templates translated), numbers,
dates and costs in the locale (QLocale's default, which the language setting sets at start)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject

from assistant.errors import AssistantError
from assistant.logging_setup import mask


def said(error: BaseException) -> str:
    """An error as the window says it: an AssistantError's template in the window's language,
    with its values (an error among them said the same way); any other exception as it is.
    Secrets are masked: a library's error may quote the header it refused."""
    if not isinstance(error, AssistantError):
        return mask(str(error))
    text = QCoreApplication.translate("Errors", error.template)
    if not error.values:
        return text
    return mask(text.format(**{name: said(value) if isinstance(value, BaseException) else
                          QCoreApplication.translate("Errors", value)
                          if isinstance(value, str) else value
                          for name, value in error.values.items()}))


def invalid(template: str, **values: object) -> ValueError:
    """A setting the user typed that cannot work, said in the window's language."""
    return ValueError(QCoreApplication.translate("Settings", template).format(**values))


def number(value: int) -> str:
    return QLocale().toString(value)


def when(stamp: float) -> str:
    moment = QDateTime.fromSecsSinceEpoch(int(stamp))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def money(usd: float | None) -> str:
    """US dollars (the API's prices), with the locale's digits and separators."""
    if usd is None:
        return QCoreApplication.translate("Format", "cost unknown")
    digits = 4 if usd < 0.01 else 2
    return QLocale().toCurrencyString(usd, "$", digits)


class Counted(QObject):
    """Sentences with a count outside a widget: lupdate marks a plural only in a QObject's
    self.tr(text, "", n), so they are said here."""

    def reconnected(self, drops: int) -> str:
        return self.tr("Reconnected after %n drop(s); the conversation carries on.", "", drops)

    def left_out(self, items: int) -> str:
        return self.tr("The %n oldest items of this long conversation did not fit the new "
                       "session's token budget; the model has the rest.", "", items)

    def conversation_usage(self, turns: int) -> str:
        return self.tr("conversation {input} in / {output} out over %n turn(s), {cost}", "",
                       turns)

    def retiring_in(self, days: int) -> str:
        return self.tr("{model} is retired on {day}, in %n day(s); {replacement} replaces it.",
                       "", days)


counted = Counted()

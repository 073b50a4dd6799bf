"""What the window says of a model the service retires or no longer serves, and the one
click that moves to its replacement (the table: `assistant.models`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from assistant.app.local_format import counted
from assistant.app.settings import Settings
from assistant.models import REALTIME_DEFAULT, known


@dataclass(frozen=True)
class ModelNotice:
    sentence: str
    model: str           # the one in use
    replacement: str     # what the one click moves to


def _day(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def retiring(settings: Settings, today: dt.date) -> ModelNotice | None:
    """The first model of these settings that is retiring (or retired), said with its date."""
    for name in (settings.model, settings.transcription_model):
        if (notice := _retiring(name, today)) is not None:
            return notice
    return None


def _retiring(name: str, today: dt.date) -> ModelNotice | None:
    model = known(name)
    if model is not None and model.shutdown is not None:
        left = (model.shutdown - today).days
        if left > 0:
            template = counted.retiring_in(left)
        else:
            template = QCoreApplication.translate(
                "ModelNotice", "{model} was retired on {day}: the service no longer answers to "
                "it. {replacement} replaces it.")
        return ModelNotice(template.format(model=name, day=_day(model.shutdown),
                                           replacement=model.replacement),
                           name, model.replacement)
    return None


def unavailable(settings: Settings, today: dt.date) -> ModelNotice:
    """The service refused the session's model (the conversation's, named in the URL): its
    replacement if it is retiring, else the default model. A retiring transcription model is
    not the one refused, so it is not what is offered here."""
    if (notice := _retiring(settings.model, today)) is not None:
        return notice
    return ModelNotice(QCoreApplication.translate(
        "ModelNotice", "The service does not serve {model} to this key; {replacement} is "
        "the current model.").format(model=settings.model, replacement=REALTIME_DEFAULT),
        settings.model, REALTIME_DEFAULT)

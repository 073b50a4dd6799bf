"""The one marker for text translated where it is shown, importable from every layer (no Qt).

pyside6-lupdate finds calls by this name and puts `text` in the catalogue under `context`; the
Qt side shows it with QCoreApplication.translate(context, text).
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text

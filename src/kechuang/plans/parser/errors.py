"""Errors the parser raises for input it cannot turn into a plan.

Every message says what is wrong and what the user can do about it. The texts are plain English format
strings kept as module constants so that the web layer can wrap them in gettext and translate them
without touching the parser.
"""

from __future__ import annotations

from kechuang.i18n import gettext_noop

MSG_EMPTY = gettext_noop("The file “{filename}” is empty. Upload the work-plan document itself.")
MSG_UNKNOWN_FORMAT = gettext_noop(
    "The file “{filename}” is not a format the importer reads ({detail}). "
    "Upload the plan as a Word (.docx), PDF, web page (.html) or plain text (.txt) file."
)
MSG_NO_TEXT_LAYER = gettext_noop(
    "The PDF “{filename}” has no text layer; run OCR first or upload the Word file instead "
    "(a scanned document holds images of text, not text)."
)
MSG_UNDECODABLE = gettext_noop(
    "The text file “{filename}” is in a character encoding the importer cannot recognise. "
    "Save it as UTF-8 (or GB18030) and upload it again."
)
MSG_NO_OUTLINE = gettext_noop(
    "No plan outline was found in “{filename}”: the text has no numbered headings "
    "(such as 一、 or 1.) and no paragraphs that read as tasks. "
    "Check that this is a work-plan document and that its text is not empty."
)
MSG_DAMAGED = gettext_noop("The file “{filename}” could not be read ({detail}). It may be damaged; export it again.")


class ParseError(Exception):
    """Base class: input that cannot be parsed. `str(err)` is a user-facing message."""

    template: str = "“{filename}” could not be parsed."

    def __init__(self, filename: str = "", detail: str = "") -> None:
        self.filename = filename
        self.detail = detail
        super().__init__(self.template.format(filename=filename or "document", detail=detail))


class EmptyFileError(ParseError):
    """The upload holds no bytes, or only white space."""

    template = MSG_EMPTY


class UnsupportedFormatError(ParseError):
    """Binary data or a format with no reader (legacy .doc, images, archives...)."""

    template = MSG_UNKNOWN_FORMAT


class NoTextLayerError(ParseError):
    """A PDF whose pages carry no extractable text, typically a scan."""

    template = MSG_NO_TEXT_LAYER


class EncodingError(ParseError):
    """A text file whose bytes decode in none of the encodings we try."""

    template = MSG_UNDECODABLE


class NoOutlineError(ParseError):
    """Readable text in which no plan structure could be found."""

    template = MSG_NO_OUTLINE


class DamagedFileError(ParseError):
    """A file that claims a known format but whose content is broken."""

    template = MSG_DAMAGED

"""Marking strings for translation in plain-Python modules that must not import Django.

``gettext_noop`` returns its argument unchanged; its name is one of the keywords that Django's
``makemessages`` (xgettext) extracts, so the English source string lands in the catalogue and the web
layer translates it with ``gettext(template) % params`` when it shows the message.
"""


def gettext_noop(message: str) -> str:
    return message


class MessageError(ValueError):
    """An error from a plain-Python module carrying its message as an English template and parameters.

    ``str(error)`` is the English message (logs, the CLI); the web layer shows
    ``gettext(error.template) % error.params``.
    """

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template % params)

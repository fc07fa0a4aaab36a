"""Marking strings for translation in plain-Python modules that must not import Django.

``gettext_noop`` returns its argument unchanged; its name is one of the keywords that Django's
``makemessages`` (xgettext) extracts, so the English source string lands in the catalogue and the web
layer translates it with ``gettext(template) % params`` when it shows the message.
"""


def gettext_noop(message: str) -> str:
    return message

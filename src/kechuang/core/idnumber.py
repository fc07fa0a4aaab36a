"""Resident identity card numbers (公民身份号码, GB 11643-1999), as people type them into forms.

Conflict-of-interest and integrity checks match people by this number, so a mistyped digit silently
lets a conflicted expert review or an integrity record miss its subject. Every place a person's number
is entered validates it here. The arithmetic is python-stdnum's (``stdnum.cn.ric``); this module adds
what stdnum leaves out: full-width digits and a lower-case ``x`` folded, and a message that says what is
wrong in words a clerk can act on (English templates marked for translation, with their parameters).

The birthplace (positions 1-6) is *not* checked against stdnum's county table: codes are lifelong, and a
county merged away or renumbered (宁波江东区 330203, for one) would turn away genuine numbers. The check
digit already catches every single mistyped digit, which is what matching on the number needs.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from stdnum.cn import ric

from kechuang.i18n import gettext_noop

__all__ = ["InvalidIdNumber", "make_id_number", "normalise_id_number", "validate_id_number"]


class InvalidIdNumber(ValueError):
    """Not a valid resident identity number; ``template`` and ``params`` let the web layer translate."""

    def __init__(self, template: str, /, **params: object) -> None:
        super().__init__(template % params if params else template)
        self.template = template
        self.params = params


def normalise_id_number(number: str) -> str:
    """As the number is written: half-width, no spaces, upper-case ``X``."""
    folded = unicodedata.normalize("NFKC", number)
    return "".join(ch for ch in folded if not ch.isspace()).upper()


def validate_id_number(number: str) -> str:
    """Return the normalised number, or raise :class:`InvalidIdNumber` saying what is wrong."""
    code = normalise_id_number(number)
    if len(code) != 18:
        raise InvalidIdNumber(gettext_noop("An ID number has 18 characters; this one has %(length)d."),
                              length=len(code))
    if not code[:17].isdigit() or not (code[17].isdigit() or code[17] == "X"):
        raise InvalidIdNumber(gettext_noop(
            "An ID number is 17 digits followed by a digit or X; '%(number)s' is not."), number=code)
    try:
        ric.get_birth_date(code)
    except Exception:  # stdnum raises its own InvalidComponent for an impossible date
        raise InvalidIdNumber(gettext_noop(
            "Positions 7-14 of the ID number (%(date)s) are not a date of birth."), date=code[6:14]) from None
    expected = ric.calc_check_digit(code)
    if code[17] != expected:
        raise InvalidIdNumber(gettext_noop(
            "The check digit of ID number %(number)s is wrong (the last character should be %(expected)s): "
            "check for a mistyped digit."), number=code, expected=expected)
    return code


def make_id_number(region_code: str, birth: dt.date, sequence: int) -> str:
    """A number that passes validation, for demo data and tests (``sequence`` is 0-999)."""
    body = f"{region_code}{birth:%Y%m%d}{sequence % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")

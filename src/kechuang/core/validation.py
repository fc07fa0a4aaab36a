"""Field checks shared by every app's services, turned into Django ``ValidationError``\\ s in Chinese.

The pure checks (``core.idnumber``, ``core.uscc``) raise English templates with parameters; services
call these wrappers so each refusal names the field and, for rows of a list, the row.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kechuang.core.idnumber import InvalidIdNumber, validate_id_number


def clean_id_number(value: str, *, field: str, where: str = "") -> str:
    """The normalised ID number ("" stays "": the field is optional), or a ``ValidationError`` on ``field``.

    ``where`` names the row of a list ("Team member 2 (李娜)") so the message says which one is wrong.
    """
    if not (value or "").strip():
        return ""
    try:
        return validate_id_number(value)
    except InvalidIdNumber as exc:
        message = _(exc.template) % exc.params
        if where:
            message = _("%(where)s: %(message)s") % {"where": where, "message": message}
        raise ValidationError({field: [message]}) from None

"""Unified social credit code (统一社会信用代码, "USCC"), GB 32100-2015.

Every legal person and other organisation in China carries one lifelong 18-character code:

====  ==========================================================================
pos   meaning
====  ==========================================================================
1     registration-authority code (登记管理部门代码), e.g. ``9`` market regulation
2     organisation-type code (机构类别代码); which values are allowed depends on pos 1
3-8   administrative division of the registering authority (GB/T 2260, 6 digits)
9-17  subject identifier (主体标识码) = the organisation code of GB 11714, whose own
      9th character (pos 17 here) is a GB 11714 check character
18    check character over positions 1-17 (GB 32100-2015 clause 5, after GB/T 17710)
====  ==========================================================================

Why this module wraps python-stdnum rather than calling it alone: codes arrive from forms, spreadsheets and
OCR, and a wrong code silently links an application to the wrong enterprise. We therefore
say *what* is wrong and *where* (1-based ``position``), so a form can point at the
character. Positions are 1-based because that is how the standard and users count.

Decisions worth knowing:

* ``validate_uscc`` checks the string exactly as given. Call :func:`normalise_uscc` first
  on user input (spaces, lower case, full-width characters).
* Positions 3-8 must be six digits, but we do **not** require the division to exist in
  today's GB/T 2260 table: codes are lifelong, so a code issued by a district that was
  later merged away stays valid; ``100000`` (national level) is also used.
* The GB 11714 check character inside the organisation code (position 17) is **not**
  verified by default. The USCC's own check character (position 18) already detects every
  single-character error over the whole code, and GB 32100 makes position 18 the code's
  integrity check; we have not been able to confirm that every issuing system guarantees
  the inner GB 11714 check for all subject types (e.g. individual businesses), so rejecting
  on it could turn away genuine codes. Pass ``check_organisation_code=True`` where the
  stricter test is wanted (e.g. to flag suspicious data for review).
"""

from __future__ import annotations

import unicodedata

from stdnum.cn import uscc as stdnum_uscc

from kechuang.i18n import gettext_noop

__all__ = [
    "ALPHABET",
    "REGISTRATION_AUTHORITIES",
    "WEIGHTS",
    "InvalidUSCC",
    "compute_check_character",
    "compute_organisation_check_character",
    "is_valid_uscc",
    "make_uscc",
    "make_uscc_from_parts",
    "normalise_uscc",
    "validate_uscc",
]

#: The 31 characters a USCC may use, in value order (I, O, Z, S, V are excluded because
#: they are easily confused with 1, 0, 2, 5, U). A character's value is its index here.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}

#: Weights for positions 1-17: 3**i mod 31 (i = 0..16), as tabulated in GB 32100-2015. The arithmetic
#: itself is python-stdnum's (``stdnum.cn.uscc``); the table stays as the standard's reference, which the
#: tests hold stdnum to.
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

#: Registration-authority code (position 1) -> (authority, {organisation-type code: meaning}).
#: GB 32100-2015's table plus the authorities later assigned codes under the same scheme
#: (as commonly published alongside the standard, e.g. the table reproduced at
#: https://osuse.cn/post/10002590.html). Unlisted combinations are rejected; if a genuine code
#: turns up with a newer combination, add it here.
REGISTRATION_AUTHORITIES: dict[str, tuple[str, dict[str, str]]] = {
    "1": (
        "institutional establishment (机构编制)",
        {
            "1": "government organ",
            "2": "public institution",
            "3": "mass organisation under the central establishment office",
            "9": "other",
        },
    ),
    "2": ("foreign affairs (外交)", {"1": "resident foreign news agency", "9": "other"}),
    "3": (
        "justice administration (司法行政)",
        {
            "1": "law firm",
            "2": "notary office",
            "3": "grassroots legal service office",
            "4": "judicial appraisal institution",
            "5": "arbitration commission",
            "9": "other",
        },
    ),
    "4": ("culture (文化)", {"1": "foreign cultural centre in China", "9": "other"}),
    "5": (
        "civil affairs (民政)",
        {"1": "social organisation", "2": "private non-enterprise unit", "3": "foundation", "9": "other"},
    ),
    "6": (
        "tourism (旅游)",
        {
            "1": "resident office of a foreign tourism authority",
            "2": "resident office of a Hong Kong, Macao or Taiwan tourism authority",
            "9": "other",
        },
    ),
    "7": (
        "religious affairs (宗教)",
        {"1": "venue for religious activities", "2": "religious college", "9": "other"},
    ),
    "8": ("trade unions (工会)", {"1": "grassroots trade union", "9": "other"}),
    "9": (
        "market regulation (工商)",
        {"1": "enterprise", "2": "individual business", "3": "farmers' specialised cooperative"},
    ),
    "A": (
        "Central Military Commission establishment office (中央军委改革和编制办公室)",
        {"1": "military public institution", "9": "other"},
    ),
    "N": (
        "agriculture (农业)",
        {
            "1": "group-level collective economic organisation",
            "2": "village-level collective economic organisation",
            "3": "township-level collective economic organisation",
            "9": "other",
        },
    ),
    "Y": ("other (其他)", {"1": "other"}),
}

_GB11714_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


class InvalidUSCC(ValueError):
    """A string is not a valid USCC.

    ``message`` says what is wrong in plain English; ``position`` is the 1-based position
    of the offending character, or ``None`` when the problem is not one character's
    (e.g. the length).
    """

    def __init__(self, template: str, position: int | None = None, /, **params: object) -> None:
        message = template % params if params else template
        super().__init__(message)
        self.template = template  # untranslated, marked for gettext, so the web layer can translate it
        self.params = params
        self.message = message
        self.position = position


def normalise_uscc(code: str) -> str:
    """Return ``code`` as a USCC is written: no whitespace, half-width, upper case.

    NFKC folds full-width digits and letters (``９１４４``) to ASCII, which is how codes
    typed with a Chinese input method arrive. Nothing else is changed, so validation still
    reports genuinely wrong characters.
    """
    folded = unicodedata.normalize("NFKC", code)
    return "".join(ch for ch in folded if not ch.isspace()).upper()


def _check_alphabet(chars: str) -> None:
    for index, ch in enumerate(chars, start=1):
        if ch not in _VALUE:
            raise InvalidUSCC(
                gettext_noop(
                    "Character '%(char)s' at position %(position)d is not allowed; a credit code uses "
                    "0-9 and the upper-case letters except I, O, Z, S, V."
                ),
                index,
                char=ch,
                position=index,
            )


def compute_check_character(first17: str) -> str:
    """Return the 18th (check) character for the first 17 characters of a USCC.

    GB 32100-2015: C18 = 31 - (sum of value(Ci) * 3**(i-1) mod 31 over i = 1..17) mod 31,
    where 31 becomes 0, and the result is written with :data:`ALPHABET`.
    """
    if len(first17) != 17:
        raise InvalidUSCC(
            gettext_noop("Need exactly 17 characters to compute a check character, got %(length)d."),
            length=len(first17),
        )
    _check_alphabet(first17)
    # stdnum's ``validate`` is narrower than GB 32100 (it wants positions 1-8 to be digits, refusing the
    # authorities A, N and Y), so only its check-character arithmetic is used, behind our own checks.
    return stdnum_uscc.calc_check_digit(first17)


def compute_organisation_check_character(body: str) -> str:
    """Return the GB 11714 check character for the 8-character body of an organisation code.

    GB 11714: C9 = 11 - (sum of value(Ci) * (3, 7, 9, 10, 5, 8, 4, 2)[i] mod 11), where
    digits count 0-9 and letters A-Z count 10-35; 10 is written ``X`` and 11 is ``0``.
    """
    if len(body) != 8 or not all(ch.isascii() and (ch.isdigit() or ch.isupper()) for ch in body):
        raise InvalidUSCC(
            gettext_noop("An organisation-code body is 8 digits or upper-case letters, got '%(body)s'."),
            body=body,
        )
    total = sum(int(ch, 36) * weight for ch, weight in zip(body, _GB11714_WEIGHTS, strict=True))
    value = 11 - total % 11
    return "X" if value == 10 else "0" if value == 11 else str(value)


def validate_uscc(code: str, *, check_organisation_code: bool = False) -> None:
    """Raise :class:`InvalidUSCC` if ``code`` is not a valid USCC; return ``None`` if it is.

    Checks, in order, so the first message is the most basic problem: length, alphabet,
    registration-authority code, organisation-type code for that authority, the six
    division digits, optionally the GB 11714 check character (see the module docstring),
    and the check character.
    """
    if len(code) != 18:
        raise InvalidUSCC(
            gettext_noop("A unified social credit code has 18 characters; this one has %(length)d."),
            length=len(code),
        )
    _check_alphabet(code)

    authority = REGISTRATION_AUTHORITIES.get(code[0])
    if authority is None:
        raise InvalidUSCC(
            gettext_noop(
                "The registration-authority code '%(char)s' (position 1) is not defined; known: %(known)s."
            ),
            1,
            char=code[0],
            known=", ".join(REGISTRATION_AUTHORITIES),
        )
    authority_name, kinds = authority
    if code[1] not in kinds:
        raise InvalidUSCC(
            gettext_noop(
                "The organisation-type code '%(char)s' (position 2) is not defined for registration "
                "authority '%(authority)s' (%(authority_name)s); allowed: %(allowed)s."
            ),
            2,
            char=code[1],
            authority=code[0],
            authority_name=authority_name,
            allowed=", ".join(kinds),
        )

    for index in range(2, 8):
        if not code[index].isdigit():
            raise InvalidUSCC(
                gettext_noop(
                    "Character '%(char)s' at position %(position)d must be a digit: positions 3-8 are "
                    "the administrative division code (GB/T 2260)."
                ),
                index + 1,
                char=code[index],
                position=index + 1,
            )

    if check_organisation_code:
        expected_org = compute_organisation_check_character(code[8:16])
        if code[16] != expected_org:
            raise InvalidUSCC(
                gettext_noop(
                    "The organisation code (positions 9-17) has a wrong GB 11714 check character at "
                    "position 17: expected '%(expected)s', got '%(got)s'."
                ),
                17,
                expected=expected_org,
                got=code[16],
            )

    expected = compute_check_character(code[:17])
    if code[17] != expected:
        raise InvalidUSCC(
            gettext_noop(
                "The check character (position 18) is wrong: expected '%(expected)s', got '%(got)s'. "
                "Check the code for a mistyped character."
            ),
            18,
            expected=expected,
            got=code[17],
        )


def is_valid_uscc(code: str, *, check_organisation_code: bool = False) -> bool:
    """Return whether ``code`` (taken exactly as given) is a valid USCC."""
    try:
        validate_uscc(code, check_organisation_code=check_organisation_code)
    except InvalidUSCC:
        return False
    return True


def make_uscc(first17: str) -> str:
    """Return ``first17`` followed by its check character, after validating the result.

    For demo data and tests, which need codes that pass validation without being any real
    organisation's code.
    """
    code = first17 + compute_check_character(first17)
    validate_uscc(code)
    return code


def make_uscc_from_parts(region_code: str, body: str, *, authority: str = "9", kind: str = "1") -> str:
    """Build a valid USCC from its parts, with both check characters computed.

    ``region_code`` is the 6-digit division, ``body`` the 8-character organisation-code body
    (its GB 11714 check character is appended), ``authority``/``kind`` positions 1 and 2
    (default: an enterprise registered by market regulation). The result also passes
    ``validate_uscc(..., check_organisation_code=True)``.
    """
    organisation_code = body + compute_organisation_check_character(body)
    return make_uscc(authority + kind + region_code + organisation_code)

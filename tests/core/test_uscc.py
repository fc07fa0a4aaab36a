"""Tests for kechuang.core.uscc (GB 32100-2015 unified social credit codes)."""

from __future__ import annotations

import pytest

from kechuang.core.uscc import (
    ALPHABET,
    REGISTRATION_AUTHORITIES,
    WEIGHTS,
    InvalidUSCC,
    compute_check_character,
    compute_organisation_check_character,
    is_valid_uscc,
    make_uscc,
    make_uscc_from_parts,
    normalise_uscc,
    validate_uscc,
)

# Real codes published on public pages (read 2026-11), used to confirm the check algorithm:
REAL_CODES = [
    # 华为技术有限公司 — Chinese Wikipedia infobox "機構代碼",
    # https://zh.wikipedia.org/zh-hk/%E8%8F%AF%E7%88%B2
    "914403001922038216",
    # 深圳市腾讯计算机系统有限公司 — check-china.com sample company report,
    # https://check-china.com/example_report/en/8 ("Unified social credit code")
    "91440300708461136T",
    # Example enterprise in the "企业基本信息查询" API documentation of cneptp.com,
    # https://apidoc.cneptp.com/zz/zzapi/enterprise/enterprise-baseinfo/enterprise.html
    "91420000757013137P",
]


def _with_check(first17: str) -> str:
    """Append the right check character without validating the rest (make_uscc would refuse)."""
    return first17 + compute_check_character(first17)


def test_weights_are_powers_of_three_mod_31_as_tabulated() -> None:
    assert WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_alphabet_values() -> None:
    assert len(ALPHABET) == 31
    assert ALPHABET.index("A") == 10
    assert ALPHABET.index("H") == 17
    assert ALPHABET.index("J") == 18
    assert ALPHABET.index("P") == 23
    assert ALPHABET.index("T") == 26
    assert ALPHABET.index("W") == 28
    assert ALPHABET.index("Y") == 30
    assert not set("IOZSV") & set(ALPHABET)


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code: str) -> None:
    assert compute_check_character(code[:17]) == code[17]
    validate_uscc(code)
    assert is_valid_uscc(code)
    # These also satisfy the GB 11714 check inside the organisation code.
    validate_uscc(code, check_organisation_code=True)


def test_check_value_31_is_written_as_zero() -> None:
    # A weighted sum of 0 mod 31 gives 31 - 0 = 31, which the standard writes as "0".
    for last in ALPHABET:
        candidate = "9133010600000000" + last
        total = sum(ALPHABET.index(c) * w for c, w in zip(candidate, WEIGHTS, strict=True))
        if total % 31 == 0:
            assert compute_check_character(candidate) == "0"
            break
    else:  # pragma: no cover - one of the 31 values always hits 0 mod 31 (weight 28 is invertible)
        pytest.fail("no candidate found")


def _corruptions(code: str):
    for index, original in enumerate(code):
        for replacement in ALPHABET:
            if replacement != original:
                yield index, code[:index] + replacement + code[index + 1 :]


@pytest.mark.parametrize(
    "code", [*REAL_CODES, make_uscc_from_parts("330106", "MA2AB3CD"), make_uscc("52100000MJ0000000")]
)
def test_every_single_substitution_is_detected(code: str) -> None:
    validate_uscc(code)
    for index, corrupted in _corruptions(code):
        assert not is_valid_uscc(corrupted), (index, corrupted)


def test_wrong_check_character_message() -> None:
    code = "914403001922038216"
    with pytest.raises(InvalidUSCC) as info:
        validate_uscc(code[:17] + "7")
    assert info.value.position == 18
    assert "expected '6', got '7'" in info.value.message


@pytest.mark.parametrize("length", [0, 17, 19])
def test_length(length: int) -> None:
    with pytest.raises(InvalidUSCC, match="18 characters") as info:
        validate_uscc(("914403001922038216" * 2)[:length])
    assert info.value.position is None


@pytest.mark.parametrize(
    ("code", "position", "fragment"),
    [
        ("9144030019220382I6", 17, "'I' at position 17"),
        ("O14403001922038216", 1, "'O' at position 1"),
        ("914403001922038Z16", 16, "except I, O, Z, S, V"),
        ("91440300708461136t", 18, "'t' at position 18"),
        ("9144030070846113 T", 17, "' ' at position 17"),
        ("９14403001922038216", 1, "position 1"),
    ],
)
def test_alphabet_errors_carry_positions(code: str, position: int, fragment: str) -> None:
    with pytest.raises(InvalidUSCC) as info:
        validate_uscc(code)
    assert info.value.position == position
    assert fragment in info.value.message


def test_unknown_registration_authority() -> None:
    code = _with_check("B1440300192203821")
    with pytest.raises(InvalidUSCC, match="registration-authority code 'B' \\(position 1\\)") as info:
        validate_uscc(code)
    assert info.value.position == 1


@pytest.mark.parametrize(("authority", "kind"), [("9", "4"), ("9", "9"), ("Y", "2"), ("1", "4")])
def test_organisation_type_must_fit_the_authority(authority: str, kind: str) -> None:
    code = _with_check(authority + kind + "440300" + "192203821")
    with pytest.raises(InvalidUSCC, match="organisation-type code") as info:
        validate_uscc(code)
    assert info.value.position == 2


def test_every_listed_combination_is_accepted() -> None:
    for authority, (_, kinds) in REGISTRATION_AUTHORITIES.items():
        for kind in kinds:
            assert is_valid_uscc(make_uscc_from_parts("110108", "55138508", authority=authority, kind=kind))


def test_division_part_must_be_digits() -> None:
    code = _with_check("9144A3001922038216"[:17])
    with pytest.raises(InvalidUSCC, match="positions 3-8 are the administrative division") as info:
        validate_uscc(code)
    assert info.value.position == 5


def test_division_need_not_exist_today() -> None:
    # Codes are lifelong: a division code that is not (or no longer) in GB/T 2260 is accepted.
    assert is_valid_uscc(make_uscc("91999999" + "192203821"))
    # Central-level registrations use 100000.
    assert is_valid_uscc(make_uscc("12100000" + "40000062" + "4"))


def test_organisation_code_check_is_opt_in() -> None:
    body = "19220382"
    wrong = "2" if compute_organisation_check_character(body) != "2" else "3"
    code = make_uscc("91440300" + body + wrong)
    validate_uscc(code)  # accepted by default
    with pytest.raises(InvalidUSCC, match="GB 11714") as info:
        validate_uscc(code, check_organisation_code=True)
    assert info.value.position == 17


@pytest.mark.parametrize(("body", "check"), [("19220382", "1"), ("70846113", "6"), ("75701313", "7")])
def test_organisation_check_character(body: str, check: str) -> None:
    assert compute_organisation_check_character(body) == check


def test_organisation_check_character_x_and_zero() -> None:
    results = {compute_organisation_check_character(f"{n:08d}") for n in range(0, 200)}
    assert "X" in results
    assert "0" in results


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" 9144 0300 1922 0382 16 ", "914403001922038216"),
        ("91440300708461136t", "91440300708461136T"),
        ("９１４４０３００７０８４６１１３６Ｔ", "91440300708461136T"),
        ("91440300\u3000708461136T", "91440300708461136T"),
        ("\t914403001922038216\n", "914403001922038216"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise_uscc(raw) == expected
    assert is_valid_uscc(normalise_uscc(raw))


def test_validate_does_not_normalise() -> None:
    assert not is_valid_uscc(" 914403001922038216")


def test_make_uscc_from_parts_passes_strict_validation() -> None:
    code = make_uscc_from_parts("330106", "MA2AB3CD")
    assert code.startswith("91330106MA2AB3CD")
    validate_uscc(code, check_organisation_code=True)
    assert make_uscc_from_parts("440300", "19220382") == "914403001922038216"


def test_make_uscc_rejects_bad_input() -> None:
    with pytest.raises(InvalidUSCC, match="17 characters"):
        make_uscc("9144")
    with pytest.raises(InvalidUSCC, match="position 3"):
        make_uscc("91I403001922038216"[:17])
    with pytest.raises(InvalidUSCC, match="organisation-code body"):
        make_uscc_from_parts("440300", "1922038")

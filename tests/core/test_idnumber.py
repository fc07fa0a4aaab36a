"""Resident ID numbers (GB 11643): the check digit, the date of birth, and what people type."""

import datetime as dt

import pytest

from kechuang.core.idnumber import InvalidIdNumber, make_id_number, normalise_id_number, validate_id_number


def test_published_example_passes_and_x_is_upper_cased():
    # GB 11643-1999's own example number, typed with a lower-case x and full-width digits.
    assert validate_id_number("１１０１０５１９４９１２３１００２x") == "11010519491231002X"


def test_a_mistyped_digit_is_caught_by_the_check_digit():
    with pytest.raises(InvalidIdNumber) as caught:
        validate_id_number("11010519491231003X")
    assert caught.value.params["expected"] != "X"
    assert "check digit" in caught.value.template


@pytest.mark.parametrize(("number", "words"), [
    ("1101051949123100", "18 characters"),
    ("1101051949123100AX", "17 digits"),
    ("110105194913310020", "date of birth"),
])
def test_each_problem_is_named(number, words):
    with pytest.raises(InvalidIdNumber) as caught:
        validate_id_number(number)
    assert words in caught.value.template


def test_made_numbers_validate_even_for_a_county_merged_away():
    number = make_id_number("330203", dt.date(1980, 1, 1), 11)
    assert validate_id_number(number) == number
    assert normalise_id_number(f" {number[:9]} {number[9:]} ") == number

"""Reading typed addresses: every spelling of one address reads the same."""

import pytest

from domain.addresses.normalize import ParsedAddress, Street, display_form, fold, parse_address


def key(text: str) -> str:
    return parse_address(text).key


@pytest.mark.parametrize(
    "typed",
    [
        "2020 E NORTH AVE",
        "2020 East North Avenue",
        "2020 e. north ave.",
        "2020  EAST  NORTH  AV",
        "2020 E N AVE",
        "2020 East North Avenue, Baltimore, MD 21218",
        "2020 E North Ave, Baltimore City, MD, 21218",
        "2020 E North Ave Baltimore MD 21218",
        "2020 E North Ave Baltimore, MD 21218",
        "2020 E North Ave Apt 3",
        "2020 E North Ave #3",
        "2020-2024 E North Ave",
    ],
)
def test_spellings_of_one_address_read_the_same(typed: str) -> None:
    assert key(typed) == "2020 E NORTH AVE"


def test_the_parts_of_an_address() -> None:
    assert parse_address("2020 East North Avenue, Baltimore, MD 21218") == ParsedAddress(
        "2020", (Street("E", ("NORTH",), "AVE", ""),), "21218"
    )
    assert parse_address("5 Main St N") == ParsedAddress(
        "5", (Street("", ("MAIN",), "ST", "N"),), None
    )


def test_a_lone_directional_or_suffix_word_is_the_name() -> None:
    assert parse_address("2020 North Ave").streets == (Street("", ("NORTH",), "AVE", ""),)
    assert parse_address("100 E ST").streets == (Street("", ("EAST",), "ST", ""),)
    assert parse_address("10 Court Ct").streets == (Street("", ("COURT",), "CT", ""),)


def test_saint_mount_and_fort_are_written_out_in_names() -> None:
    assert key("100 St Paul St") == key("100 SAINT PAUL STREET") == "100 SAINT PAUL ST"
    assert key("100 St. Paul") == "100 SAINT PAUL"
    assert key("800 Mt Royal Ave") == "800 MOUNT ROYAL AVE"
    assert key("1400 Ft Ave") == "1400 FORT AVE"


def test_words_that_are_roles_elsewhere_are_written_out_inside_a_name() -> None:
    assert key("1000 OLD CT RD") == "1000 OLD COURT RD"
    assert key("2700 NORTH POINT RD") == "2700 N POINT RD"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("500 E 33 St", "500 E 33RD ST"),
        ("500 E 33rd Street", "500 E 33RD ST"),
        ("1 W 1 St", "1 W 1ST ST"),
        ("1 W First Street", "1 W 1ST ST"),
        ("2 W 2 St", "2 W 2ND ST"),
        ("11 W 11 St", "11 W 11TH ST"),
        ("12 W 12 St", "12 W 12TH ST"),
        ("21 W 21 St", "21 W 21ST ST"),
        ("102 E 102 St", "102 E 102ND ST"),
        ("4100 W 40TH ST", "4100 W 40TH ST"),
        ("33 St", "33RD ST"),
    ],
)
def test_numbered_streets_take_ordinals(typed: str, expected: str) -> None:
    assert key(typed) == expected


def test_half_streets_keep_their_fraction() -> None:
    assert key("27 E 25 1/2 St") == "27 E 25TH 1/2 ST"
    assert not parse_address("27 E 25 1/2 St").is_intersection


def test_route_numbers_stay_numbers() -> None:
    assert parse_address("I 83 N").streets == (Street("", ("I", "83", "NORTH"), "", ""),)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("0100 Main St", "100"),
        ("12A Oak Ct", "12A"),
        ("1221 1/2 N Charles St", "1221"),
        ("1221-1223 N Charles St", "1221"),
        ("N Charles St", ""),
        ("7.4 I 83 N", ""),
    ],
)
def test_house_numbers(typed: str, number: str) -> None:
    assert parse_address(typed).number == number


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("LIGHT ST & E MONTGOMERY ST", "E MONTGOMERY ST & LIGHT ST"),
        ("E Montgomery Street and Light Street", "E MONTGOMERY ST & LIGHT ST"),
        ("light st @ e montgomery st", "E MONTGOMERY ST & LIGHT ST"),
        ("Light St at E Montgomery St", "E MONTGOMERY ST & LIGHT ST"),
        ("BAKER ST &N ROSEDALE ST, BALTIMORE CITY, MD, 21216", "BAKER ST & N ROSEDALE ST"),
        ("N BOND ST AND EAST MADISON, 21205", "E MADISON & N BOND ST"),
        ("FLEET ST AND BROADWAY, BALTIMORE, MD", "BROADWAY & FLEET ST"),
    ],
)
def test_intersections_read_the_same_in_either_order(typed: str, expected: str) -> None:
    parsed = parse_address(typed)
    assert parsed.is_intersection
    assert parsed.key == expected


@pytest.mark.parametrize(
    ("typed", "zip_code"),
    [
        ("100 Main St, Baltimore, MD 21218", "21218"),
        ("100 Main St, Baltimore, MD 21218-1234", "21218"),
        ("100 Main St 212181234", "21218"),
        ("100 Main St, Baltimore, MD", None),
        ("100 Main St, 212 , MD", None),
    ],
)
def test_the_zip_comes_from_the_tail(typed: str, zip_code: str | None) -> None:
    assert parse_address(typed).zip == zip_code


def test_a_zip_given_apart_is_used_when_the_text_has_none() -> None:
    assert parse_address("100 Main St", "21218-0001").zip == "21218"
    assert parse_address("100 Main St, 21201", "21218").zip == "21201"
    assert parse_address("100 Main St", "not a zip").zip is None


def test_what_looks_like_a_city_or_state_but_is_part_of_the_street_stays() -> None:
    assert key("100 N Maryland") == "100 N MARYLAND"
    assert key("1300 N Bruce Mt, Baltimore, Md") == "1300 N BRUCE MOUNT"
    assert key("6601 Colgate St Helena, 21222") == "6601 COLGATE SAINT HELENA"
    assert key("100 Park Ave W Baltimore MD") == "100 PARK AVE W"
    assert key("100 Oak Ct") == "100 OAK CT"


def test_a_suffix_with_one_typo_is_still_a_suffix() -> None:
    assert key("3700 Park Heights Avneue") == "3700 PARK HEIGHTS AVE"
    assert key("3700 Park Heights Aveune") == "3700 PARK HEIGHTS AVE"
    assert key("100 Glen Allen") == "100 GLEN ALLEN"  # not ALLEY: short words are left alone


def test_nothing_to_read() -> None:
    assert parse_address("") == ParsedAddress("", (), None)
    assert parse_address(" , ,").streets == ()
    assert parse_address("&").streets == ()


def test_fold_and_display_form() -> None:
    assert fold("  Rue  Saint-Étienne ") == "RUE SAINT-ETIENNE"
    assert display_form("  3700  CHRYSLER AVE  , BALTIMORE, MD") == "3700 CHRYSLER AVE"
    assert display_form("BAKER ST &N ROSEDALE ST, MD") == "BAKER ST & N ROSEDALE ST"
    assert display_form(", 100 Main St") == "100 Main St"
    assert parse_address("O'Donnell St").key == "ODONNELL ST"

from domain.requests.search_words import search_words, text_words


def test_words_are_folded_lowered_and_cut_at_anything_but_letters_and_digits() -> None:
    assert search_words("Señor's POTHOLE, near 2125 Eastern-Ave.") == [
        "2125",
        "ave",
        "eastern",
        "near",
        "pothole",
        "s",
        "senor",
    ]


def test_a_reference_is_one_word_and_numbers_lose_their_leading_zeros() -> None:
    assert search_words("26-00000001", "00012 Main", "B19-0004") == [
        "12",
        "2600000001",
        "4",
        "b19",
        "main",
    ]


def test_texts_are_joined_and_missing_ones_ignored() -> None:
    assert search_words(None, "", "alley") == ["alley"]
    assert search_words(None, None) == []


def test_text_beyond_ascii_once_folded_is_left_to_the_database() -> None:
    assert search_words("Straße 5") is None
    assert search_words("Ñandú") == ["nandu"]


def test_a_word_the_database_reads_as_a_number_in_scientific_notation_is_left_to_it() -> None:
    assert search_words("geometry 101000020e61000007465f52") is None


def test_the_words_of_texts_are_the_union_of_each_text_s_words() -> None:
    texts = [
        "26-00000001",
        "B19-0004",
        "00012 Main St & 3rd",
        "Señor's POTHOLE",
        "Straße 5",
        "geometry 101e61",
        "",
        "x" * 3000 + " short",
        "́accent first",
        "a-26-00000001-b",
    ]
    for first in texts:
        for second in texts:
            words = [text_words(first), text_words(second)]
            union = None if None in words else sorted(set.union(*words))  # type: ignore[arg-type]
            assert search_words(first, second) == union, (first, second)

import pytest

from domain.inbox.language import guess_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hola, hay un bache enorme frente a mi casa en la calle Holliday.", "es"),
        ("No han recogido la basura en mi calle desde el lunes.", "es"),
        ("The streetlight at 200 E Baltimore St has been out for a week.", "en"),
        ("There is a pothole on my street and it is getting worse.", "en"),
        ("OK", None),
        ("", None),
        ("Bache", None),
    ],
)
def test_a_message_reads_as_english_or_spanish_or_undecided(
    text: str, language: str | None
) -> None:
    assert guess_language(text) == language

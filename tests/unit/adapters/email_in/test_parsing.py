"""An email's bytes become what the inbox needs: decoded, bounded, and nothing fetched."""

import pytest

from adapters.email_in.parsing import TRUNCATED, BadMessage, MailLimits, parse_email
from tests.unit.adapters.email_in.mail import as_bytes, email, jpeg_with_exif


def test_a_plain_email_gives_its_sender_id_subject_and_body() -> None:
    parsed = parse_email(as_bytes(email()))
    assert parsed.sender == "rosa@example.net"
    assert parsed.external_id == "m1@mail.example.net"
    assert parsed.subject == "Streetlight out"
    assert parsed.body == "The streetlight on Elm St is out."
    assert not parsed.automated
    assert parsed.files == ()


def test_encoded_words_and_a_latin1_body_are_decoded() -> None:
    raw = (
        b"From: =?utf-8?q?Jos=C3=A9_N=C3=BA=C3=B1ez?= <jose@example.net>\r\n"
        b"Subject: =?iso-8859-1?q?Farola_apagada_en_la_calle_Espa=F1a?=\r\n"
        b"Message-ID: <es1@example.net>\r\n"
        b"Content-Language: es\r\n"
        b"Content-Type: text/plain; charset=iso-8859-1\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n"
        b"La farola est\xe1 apagada desde el mi\xe9rcoles.\r\n"
    )
    parsed = parse_email(raw)
    assert parsed.subject == "Farola apagada en la calle España"
    assert parsed.body == "La farola está apagada desde el miércoles."
    assert parsed.language == "es"


def test_an_unknown_charset_is_read_as_utf8_rather_than_refused() -> None:
    raw = (
        b"From: a@example.net\r\nSubject: x\r\n"
        b"Content-Type: text/plain; charset=x-made-up\r\n\r\ncaf\xc3\xa9\r\n"
    )
    assert parse_email(raw).body == "café"


def test_plain_text_is_preferred_to_the_html_alternative() -> None:
    message = email("plain words")
    message.add_alternative("<p>html words</p>", subtype="html")
    assert parse_email(as_bytes(message)).body == "plain words"


def test_html_only_mail_becomes_text_without_scripts_styles_or_remote_content() -> None:
    message = email()
    message.set_content(
        "<html><head><title>t</title><style>p {color: red}</style></head><body>"
        "<script>alert('x')</script><p>Pothole at <b>5th &amp; Main</b>.</p>"
        "<p>See <a href='https://tracker.example/pixel'>the photo</a>"
        "<img src='https://tracker.example/p.gif'></p></body></html>",
        subtype="html",
    )
    body = parse_email(as_bytes(message)).body
    assert body == "Pothole at 5th & Main.\n\nSee the photo"


def test_a_missing_message_id_is_made_from_the_bytes_so_a_resend_matches() -> None:
    raw = as_bytes(email(message_id=None))
    first, again = parse_email(raw), parse_email(raw)
    assert first.external_id == again.external_id
    assert first.external_id.endswith("@frontdoor.invalid")
    other = parse_email(as_bytes(email("other", message_id=None)))
    assert other.external_id != first.external_id


def test_the_thread_comes_from_in_reply_to_then_references_newest_first() -> None:
    message = email(
        In_Reply_To="<ack-2@city.example>",
        References="<first@city.example> <ack-2@city.example> <middle@example.net>",
    )
    parsed = parse_email(as_bytes(message))
    assert parsed.thread_ids == ("ack-2@city.example", "middle@example.net", "first@city.example")


@pytest.mark.parametrize(
    "headers",
    [
        {"Auto_Submitted": "auto-replied"},
        {"Precedence": "bulk"},
        {"Precedence": "list"},
        {"Precedence": "junk"},
        {"List_Id": "<neighbours.lists.example>"},
        {"List_Unsubscribe": "<mailto:leave@lists.example>"},
        {"sender": "MAILER-DAEMON@mx.example.net"},
    ],
)
def test_auto_replies_lists_and_bounces_are_automated(headers: dict[str, str]) -> None:
    assert parse_email(as_bytes(email(**headers))).automated


def test_a_null_envelope_sender_is_a_bounce() -> None:
    assert parse_email(as_bytes(email()), envelope_sender="").automated
    assert not parse_email(as_bytes(email()), envelope_sender="rosa@example.net").automated


def test_auto_submitted_no_is_a_person_writing() -> None:
    assert not parse_email(as_bytes(email(Auto_Submitted="no"))).automated


def test_mail_with_no_sender_address_is_refused() -> None:
    with pytest.raises(BadMessage):
        parse_email(b"Subject: who am I\r\n\r\nnobody\r\n")


def test_the_envelope_sender_stands_in_for_a_missing_from() -> None:
    parsed = parse_email(b"Subject: s\r\n\r\nbody\r\n", envelope_sender="<Ana@Example.org>")
    assert parsed.sender == "ana@example.org"


def test_a_long_body_is_cut_to_fit_a_case_with_a_marker() -> None:
    parsed = parse_email(as_bytes(email("word " * 5000)))
    assert len(parsed.body) <= 8000
    assert parsed.body.endswith(TRUNCATED)


def test_files_are_listed_with_their_decoded_names_and_no_folders() -> None:
    message = email()
    message.add_attachment(jpeg_with_exif(), maintype="image", subtype="jpeg", filename="bache.jpg")
    message.add_attachment(
        b"MZ\x90\x00", maintype="application", subtype="octet-stream",
        filename="..\\..\\Windows\\setup ñ.exe",
    )  # fmt: skip
    files = parse_email(as_bytes(message)).files
    assert [(f.filename, f.content_type) for f in files] == [
        ("bache.jpg", "image/jpeg"),
        ("setup ñ.exe", "application/octet-stream"),
    ]
    assert files[0].data == jpeg_with_exif()


def test_parts_beyond_the_caps_are_counted_not_read() -> None:
    message = email()
    for n in range(6):
        message.add_attachment(b"x", maintype="application", subtype="pdf", filename=f"{n}.pdf")
    parsed = parse_email(as_bytes(message), limits=MailLimits(max_parts=4, max_files=2))
    assert [f.filename for f in parsed.files] == ["0.pdf", "1.pdf"]
    assert parsed.files_left_out == 4


def test_a_mail_program_s_usual_shape_gives_the_text_and_the_inline_image() -> None:
    """multipart/mixed holding multipart/related(alternative(plain, html), image)."""
    message = email("Photo below.")
    message.add_alternative("<p>Photo below.</p><img src='cid:pic'>", subtype="html")
    html = message.get_payload()[1]
    html.add_related(jpeg_with_exif(), maintype="image", subtype="jpeg", cid="<pic>")
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="a.pdf")
    parsed = parse_email(as_bytes(message))
    assert parsed.body == "Photo below."
    assert [(f.filename, f.content_type) for f in parsed.files] == [
        ("attachment", "image/jpeg"),
        ("a.pdf", "application/pdf"),
    ]


def test_a_forwarded_message_s_text_is_not_taken_for_a_file() -> None:
    message = email("Forwarding my neighbour's report.")
    message.add_attachment(email("Tree down on Oak Ave.", sender="n@example.net"))
    parsed = parse_email(as_bytes(message))
    assert parsed.body == "Forwarding my neighbour's report."
    assert parsed.files == ()


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff\xfe garbage",
        b"From: <>\r\n\r\n",
        b"From: =?utf-8?q?broken\r\nSubject: =?x-nope?b?!!!?=\r\n\r\nbody",
        b"From: a@b.example\r\nContent-Type: text/plain; name*=ut\x00f-8''x\r\n\r\nx\r\n",
        b"From: a@b.example\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\n"
        b"Content-Disposition: attachment;\r\n\r\n--q--\r\n",
    ],
)
def test_garbage_is_refused_or_read_never_a_crash(raw: bytes) -> None:
    """Found by mutating real mail: the email package raises on some broken headers."""
    try:
        parsed = parse_email(raw)
    except BadMessage:
        return
    assert isinstance(parsed.body, str)


def test_parts_nested_too_deeply_are_refused_not_retried_forever() -> None:
    depth = 1500
    opening = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (n, n)
        for n in range(depth)
    )
    closing = b"".join(b"--b%d--\r\n" % n for n in reversed(range(depth)))
    raw = b"From: a@b.example\r\n" + opening + b"Content-Type: text/plain\r\n\r\nhi\r\n" + closing
    with pytest.raises(BadMessage, match="too deeply"):
        parse_email(raw)


@pytest.mark.parametrize(
    ("headers", "language"),
    [
        ({"Content_Language": "es-MX"}, "es-mx"),
        ({"Accept_Language": "es-ES, en-US;q=0.8"}, "es-es"),
        ({"Content_Language": "not a tag!", "Accept_Language": "es"}, "es"),
        ({}, None),
    ],
)
def test_the_language_is_the_content_s_else_the_one_the_mail_program_accepts(
    headers: dict[str, str], language: str | None
) -> None:
    assert parse_email(as_bytes(email(**headers))).language == language


@pytest.mark.parametrize(
    ("content_type", "payload", "text"),
    [
        (b"text/plain", b"caf\xc3\xa9 \xc3\xb1", "café ñ"),  # no charset: UTF-8
        (b"text/plain; charset=us-ascii", b"caf\xc3\xa9", "café"),  # a wrong charset
        (b"text/plain", b"caf\xe9", "café"),  # no charset, not UTF-8: Windows-1252
        (b"text/plain; charset=utf-8", b"caf\xe9 ok", "caf\ufffd ok"),  # one bad byte
        (b'text/plain; charset="ut\x00f-8"', b"caf\xc3\xa9", "café"),  # a null in the name
    ],
)
def test_eight_bit_text_is_read_as_its_writer_meant(
    content_type: bytes, payload: bytes, text: str
) -> None:
    raw = (
        b"From: a@b.example\r\nContent-Type: " + content_type + b"\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n" + payload + b"\r\n"
    )
    assert parse_email(raw).body == text


def test_nul_characters_are_dropped_so_the_database_takes_the_text() -> None:
    raw = b"From: a@b.example\r\nSubject: a\x00b\r\nMessage-ID: <n\x00ul@x>\r\n\r\nhi\x00there\r\n"
    parsed = parse_email(raw)
    assert (parsed.subject, parsed.body, parsed.external_id) == ("ab", "hithere", "nul@x")

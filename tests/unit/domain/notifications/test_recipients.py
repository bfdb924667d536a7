from datetime import UTC, datetime
from uuid import uuid4

import pytest

from domain.directory.catalog import SlaPolicy
from domain.notifications.ports import Channel
from domain.notifications.recipients import Addressee, addressee_for
from domain.requests.model import ServiceRequest
from domain.residents.model import ContactPreference, Reporter, Resident
from domain.shared.errors import ValidationFailed
from domain.shared.sla import SlaCalendar

AT = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def request(reporter: Reporter) -> ServiceRequest:
    return ServiceRequest(
        id="26-00000001",
        service_code="pothole",
        department_code="transportation",
        sla=SlaPolicy(9, SlaCalendar.BUSINESS, True),
        requested_at=AT,
        reporter=reporter,
    )


def resident(**fields: object) -> Resident:
    return Resident(id=uuid4(), created_at=AT, **fields)  # type: ignore[arg-type]


def test_a_reporter_without_a_record_hears_by_the_email_on_the_request() -> None:
    reporter = Reporter(last_name="Ortiz", email=" Lupe@Example.net ", language="es")
    assert addressee_for(request(reporter), None) == Addressee(
        Channel.EMAIL, "lupe@example.net", "es"
    )


@pytest.mark.parametrize("reporter", [Reporter(), Reporter(phone="410-555-0100")])
def test_no_email_and_no_record_means_no_message(reporter: Reporter) -> None:
    assert addressee_for(request(reporter), None) is None


def test_the_residents_choices_win_over_the_request() -> None:
    reporter = Reporter(email="old@example.net", phone="410-555-0100", language="en")
    person = resident(emails=["new@example.net"], preferred_language="es")
    assert addressee_for(request(reporter), person) == Addressee(
        Channel.EMAIL, "new@example.net", "es"
    )
    person.emails.append("old@example.net")
    assert addressee_for(request(reporter), person) == Addressee(
        Channel.EMAIL, "old@example.net", "es"
    )


def test_opting_out_silences_every_channel() -> None:
    person = resident(
        emails=["a@example.net"], phones=["410-555-0100"], contact_preference=ContactPreference.NONE
    )
    assert addressee_for(request(Reporter(email="a@example.net")), person) is None


def test_sms_goes_to_the_phone_given_on_the_request_when_the_resident_has_it() -> None:
    person = resident(
        phones=["410-555-0100", "410-555-0199"], contact_preference=ContactPreference.SMS
    )
    reporter = Reporter(phone="(410) 555 0199")
    assert addressee_for(request(reporter), person) == Addressee(Channel.SMS, "410-555-0199", "en")
    assert addressee_for(request(Reporter(phone="999")), person) == Addressee(
        Channel.SMS, "410-555-0100", "en"
    )


def test_email_preference_without_an_address_texts_nobody() -> None:
    person = resident(phones=["410-555-0100"])
    assert addressee_for(request(Reporter(phone="410-555-0100")), person) is None


def test_sms_needs_a_phone() -> None:
    with pytest.raises(ValidationFailed):
        resident(emails=["a@example.net"], contact_preference=ContactPreference.SMS)

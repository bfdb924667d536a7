"""Who hears about a request, how, and in which language."""

from dataclasses import dataclass

from domain.notifications.ports import Channel
from domain.notifications.wording import message_language
from domain.requests.model import ServiceRequest
from domain.residents.model import ContactPreference, Resident, normalise_email, phone_digits


@dataclass(frozen=True)
class Addressee:
    channel: Channel
    address: str
    language: str


def addressee_for(request: ServiceRequest, resident: Resident | None) -> Addressee | None:
    """The request's reporter, as their resident record says, or as the request says.

    - A resident who chose `none` hears nothing; `sms` texts their phone (email when they have
      none left); `email` writes to the address given on the request when the resident still
      has it, else to their first address. No address, no message: we do not text people who
      did not ask for texts.
    - A reporter with no resident record hears by the email on the request.
    - Anonymous requests hear nothing.
    """
    reporter = request.reporter
    if resident is None:
        if not reporter.email:
            return None
        language = message_language(reporter.language)
        return Addressee(Channel.EMAIL, normalise_email(reporter.email), language)
    language = message_language(resident.preferred_language, reporter.language)
    if resident.contact_preference is ContactPreference.NONE:
        return None
    if resident.contact_preference is ContactPreference.SMS and resident.phones:
        return Addressee(Channel.SMS, _phone_of(resident, reporter.phone), language)
    email = _email_of(resident, reporter.email)
    return None if email is None else Addressee(Channel.EMAIL, email, language)


def _email_of(resident: Resident, given: str | None) -> str | None:
    if given and normalise_email(given) in resident.emails:
        return normalise_email(given)
    return resident.emails[0] if resident.emails else None


def _phone_of(resident: Resident, given: str | None) -> str:
    """The resident's number as they wrote it: the one given on the request, else their first."""
    wanted = phone_digits(given or "")
    return next((p for p in resident.phones if phone_digits(p) == wanted), resident.phones[0])

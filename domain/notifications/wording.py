"""Words and dates for messages, in English and Spanish, without a locale database."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from domain.requests.model import CloseReason, Status

ENGLISH = "en"
SPANISH = "es"
LANGUAGES = (ENGLISH, SPANISH)


def message_language(*preferences: str | None) -> str:
    """The first preference we write in ('es-MX' counts as Spanish); English otherwise."""
    for preference in preferences:
        base = (preference or "").split("-")[0].strip().lower()
        if base in LANGUAGES:
            return base
    return ENGLISH


STATUS_WORDS: dict[str, dict[Status, str]] = {
    ENGLISH: {
        Status.NEW: "received",
        Status.ACKNOWLEDGED: "accepted and waiting for a crew",
        Status.IN_PROGRESS: "in progress",
        Status.ON_HOLD: "on hold",
        Status.CLOSED: "closed",
    },
    SPANISH: {
        Status.NEW: "recibida",
        Status.ACKNOWLEDGED: "aceptada y a la espera de un equipo",
        Status.IN_PROGRESS: "en curso",
        Status.ON_HOLD: "en espera",
        Status.CLOSED: "cerrada",
    },
}

REASON_WORDS: dict[str, dict[CloseReason | None, str]] = {
    ENGLISH: {
        CloseReason.RESOLVED: "The problem has been fixed.",
        CloseReason.NOT_RESOLVED: "We could not fix the problem.",
        CloseReason.DUPLICATE: "Someone had already reported the same problem; we are "
        "handling it as one request.",
        CloseReason.REFERRED: "The problem is handled by another agency; we passed it on to them.",
        CloseReason.CANCELLED: "The request was cancelled.",
        None: "The request has been closed.",
    },
    SPANISH: {
        CloseReason.RESOLVED: "El problema se ha solucionado.",
        CloseReason.NOT_RESOLVED: "No pudimos solucionar el problema.",
        CloseReason.DUPLICATE: "Otra persona ya había informado del mismo problema; lo "
        "tratamos como una sola solicitud.",
        CloseReason.REFERRED: "El problema corresponde a otra agencia; se lo hemos remitido.",
        CloseReason.CANCELLED: "La solicitud se ha cancelado.",
        None: "La solicitud se ha cerrado.",
    },
}

NOTE_LABELS = {ENGLISH: "Note from the city", SPANISH: "Nota de la ciudad"}

_DAYS = {
    ENGLISH: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    SPANISH: ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
_MONTHS = {
    ENGLISH: (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    SPANISH: (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
}


def format_when(at: datetime, language: str, zone: ZoneInfo) -> str:
    """'Friday, November 27, 2026, 5:00 PM EST' / 'viernes, 27 de noviembre de 2026, 17:00 EST'."""
    local = at.astimezone(zone)
    day = _DAYS[language][local.weekday()]
    month = _MONTHS[language][local.month - 1]
    abbreviation = local.tzname() or ""
    if language == SPANISH:
        return f"{day}, {local.day} de {month} de {local.year}, {local:%H:%M} {abbreviation}"
    clock = f"{local.hour % 12 or 12}:{local:%M} {'AM' if local.hour < 12 else 'PM'}"
    return f"{day}, {month} {local.day}, {local.year}, {clock} {abbreviation}"


def format_span(span: timedelta) -> str:
    """'2 days 3 hours', '5 hours 10 minutes', '12 minutes' (English: staff messages)."""
    minutes = max(int(span.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour")] if days else [(hours, "hour"), (minutes, "minute")]
    words = [f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in parts if n]
    return " ".join(words) or "less than a minute"

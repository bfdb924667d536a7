"""What a resident is told at a point we do not serve, in their language."""

NOTES = {
    "en": (
        "This place is not served by us. {name} handles requests here: please contact them.",
        "This place is outside the area we serve. Please contact your local government.",
    ),
    "es": (
        "No atendemos este lugar. {name} atiende las solicitudes aquí: comuníquese con ellos.",
        "Este lugar está fuera de nuestra zona de servicio. Comuníquese con su gobierno local.",
    ),
}


def referral_note(name: str | None, language: str) -> str:
    named, unnamed = NOTES.get(language.split("-")[0], NOTES["en"])
    return named.format(name=name) if name else unnamed

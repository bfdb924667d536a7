"""Ready answers an agent starts a reply from, in each language residents write in.

`${reference}` stands for the case's number; the agent edits the rest before sending.
"""

from dataclasses import dataclass
from string import Template

from domain.shared.errors import ValidationFailed

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class ReplyTemplate:
    key: str
    title: str
    body: str

    def render(self, reference: str) -> str:
        return Template(self.body).safe_substitute(reference=reference)


_TEMPLATES: dict[str, tuple[ReplyTemplate, ...]] = {
    "en": (
        ReplyTemplate(
            "received",
            "We are on it",
            "Hello,\n\nThank you for writing to 311. Your message is case ${reference}; "
            "we are looking into it and will write again when we know more.\n\n311",
        ),
        ReplyTemplate(
            "more_details",
            "Ask for the address",
            "Hello,\n\nThank you for writing to 311 (case ${reference}). To send a crew, "
            "we need the exact address or the nearest intersection. Could you reply with it?"
            "\n\n311",
        ),
        ReplyTemplate(
            "request_opened",
            "Request opened",
            "Hello,\n\nWe opened a service request for your message (case ${reference}). "
            "You will receive its number and updates by email.\n\n311",
        ),
        ReplyTemplate(
            "information",
            "Here is the answer",
            "Hello,\n\nThank you for writing to 311 (case ${reference}).\n\n\n\n"
            "If you have more questions, reply to this message.\n\n311",
        ),
    ),
    "es": (
        ReplyTemplate(
            "received",
            "Lo estamos atendiendo",
            "Hola:\n\nGracias por escribir al 311. Su mensaje es el caso ${reference}; "
            "lo estamos revisando y le escribiremos cuando sepamos más.\n\n311",
        ),
        ReplyTemplate(
            "more_details",
            "Pedir la dirección",
            "Hola:\n\nGracias por escribir al 311 (caso ${reference}). Para enviar un equipo "
            "necesitamos la dirección exacta o la intersección más cercana. ¿Puede "
            "respondernos con ella?\n\n311",
        ),
        ReplyTemplate(
            "request_opened",
            "Solicitud abierta",
            "Hola:\n\nAbrimos una solicitud de servicio por su mensaje (caso ${reference}). "
            "Recibirá su número y las novedades por correo electrónico.\n\n311",
        ),
        ReplyTemplate(
            "information",
            "Aquí está la respuesta",
            "Hola:\n\nGracias por escribir al 311 (caso ${reference}).\n\n\n\n"
            "Si tiene más preguntas, responda a este mensaje.\n\n311",
        ),
    ),
}

LANGUAGES = tuple(_TEMPLATES)


def reply_templates(language: str | None) -> tuple[ReplyTemplate, ...]:
    """The templates in a language we have them in (its primary tag), else in English."""
    primary = (language or DEFAULT_LANGUAGE).split("-")[0].lower()
    return _TEMPLATES.get(primary, _TEMPLATES[DEFAULT_LANGUAGE])


def reply_template(key: str, language: str | None) -> ReplyTemplate:
    for template in reply_templates(language):
        if template.key == key:
            return template
    raise ValidationFailed.single("template", f"{key} is not a reply template")

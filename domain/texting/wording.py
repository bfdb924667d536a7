"""What 311 answers to a carrier keyword, in English and Spanish (one text each)."""

from domain.notifications.wording import ENGLISH, SPANISH
from domain.texting.keywords import Keyword

ANSWERS: dict[str, dict[Keyword, str]] = {
    ENGLISH: {
        Keyword.STOP: (
            "311: you will get no more texts from this number. Reply START to get them again."
        ),
        Keyword.START: "311: texts are back on. Reply STOP to stop them, HELP for help.",
        Keyword.HELP: (
            "311: text us a question or a problem to report and an agent will answer. "
            "For emergencies call 911. Reply STOP to stop texts. Msg & data rates may apply."
        ),
    },
    SPANISH: {
        Keyword.STOP: (
            "311: no recibirá más mensajes de este número. Responda START para volver a recibirlos."
        ),
        Keyword.START: (
            "311: los mensajes están activados de nuevo. Responda PARAR para detenerlos, "
            "AYUDA para ayuda."
        ),
        Keyword.HELP: (
            "311: envíenos una pregunta o un problema y un agente le responderá. En una "
            "emergencia llame al 911. Responda PARAR para no recibir más mensajes. Pueden "
            "aplicarse tarifas de mensajes y datos."
        ),
    },
}


def answer_to(keyword: Keyword, language: str) -> str:
    return ANSWERS.get(language, ANSWERS[ENGLISH])[keyword]

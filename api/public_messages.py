"""What the public pages' refusals say, in English and Spanish, by code.

Codes come from the domain's guards (`Refused.code`), from the validation of bodies (pydantic's
error types) and from known domain messages. A third language is one more column here.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "invalid": "This value is not valid.",
        "missing": "This field is required.",
        "too_long": "This is too long.",
        "too_short": "This is too short.",
        "not_a_number": "Enter a number.",
        "out_of_range": "This number is out of range.",
        "not_a_date": "Enter a date and time with its offset.",
        "unknown_field": "This field is not part of the form.",
        "email": "Enter an email address such as name@example.com.",
        "phone": "Enter a phone number using digits.",
        "proof_missing": "The automatic check that you are not a robot is missing. Reload the "
        "page and try again.",
        "proof_invalid": "The automatic check has expired or is not valid. Reload the page and "
        "try again.",
        "proof_wrong": "The automatic check failed. Reload the page and try again.",
        "proof_reused": "This form was already sent. Reload the page to send it again.",
        "honeypot": "Leave this field empty.",
        "started_at_invalid": "The form's start time is not valid. Reload the page.",
        "too_fast": "The form was sent too quickly. Please check it and send it again.",
        "consent_required": "Please accept the privacy terms to send your report.",
        "location_required": "Enter an address or choose a point on the map.",
        "point_incomplete": "Give both latitude and longitude.",
        "contact_required": "This service needs your contact details: an email or a phone.",
        "unknown_service": "This service is not available. Choose another one.",
        "required": "This question needs an answer.",
        "unknown_attribute": "This question is not part of this service.",
        "address_not_found": "We could not find this address. Check it, pick a suggestion or "
        "choose a point on the map.",
        "out_of_jurisdiction": "This place is not served by the city: see who to contact.",
        "upload_token_invalid": "This photo cannot be added to that request any more.",
        "too_many_photos": "This request already has as many photos as it can take.",
        "follow_token_invalid": "This confirmation link is not valid or has expired.",
        "follow_token_used": "This confirmation link was already used: you already follow "
        "this request.",
        "too_large": "The photo is too large: send one of at most 10 MB.",
        "form_too_large": "The form is too long. Shorten the description and try again.",
        "unsupported_media": "This file is not a photo we can take: send a JPEG, PNG, WebP or "
        "GIF image.",
        "rate_limited": "Too many reports were sent from your connection. Please try again later.",
        "not_found": "We could not find this request.",
        "article_not_found": "We could not find this answer.",
        "service_not_found": "We could not find this service.",
        "bad_json": "The form could not be read. Reload the page and try again.",
        "failed": "Some fields need your attention.",
        "error": "Something went wrong. Please try again.",
        "idempotency_key": "The form could not be sent. Reload the page and try again.",
        "survey_link_invalid": "This survey link is not valid. Use the link in the message we "
        "sent you.",
        "survey_link_expired": "This survey link has expired. Thank you all the same.",
        "survey_answered": "This survey was already answered. Thank you!",
        "survey_not_answered": "Choose a score first.",
    },
    "es": {
        "invalid": "Este valor no es válido.",
        "missing": "Este campo es obligatorio.",
        "too_long": "Es demasiado largo.",
        "too_short": "Es demasiado corto.",
        "not_a_number": "Escriba un número.",
        "out_of_range": "Este número está fuera del rango permitido.",
        "not_a_date": "Escriba una fecha y hora con su zona horaria.",
        "unknown_field": "Este campo no forma parte del formulario.",
        "email": "Escriba un correo electrónico como nombre@ejemplo.com.",
        "phone": "Escriba un número de teléfono con dígitos.",
        "proof_missing": "Falta la comprobación automática de que no es un robot. Vuelva a "
        "cargar la página e inténtelo de nuevo.",
        "proof_invalid": "La comprobación automática ha caducado o no es válida. Vuelva a "
        "cargar la página e inténtelo de nuevo.",
        "proof_wrong": "La comprobación automática ha fallado. Vuelva a cargar la página e "
        "inténtelo de nuevo.",
        "proof_reused": "Este formulario ya se envió. Vuelva a cargar la página para enviarlo "
        "de nuevo.",
        "honeypot": "Deje este campo vacío.",
        "started_at_invalid": "La hora de inicio del formulario no es válida. Vuelva a cargar "
        "la página.",
        "too_fast": "El formulario se envió demasiado rápido. Revíselo y envíelo de nuevo.",
        "consent_required": "Acepte las condiciones de privacidad para enviar su reporte.",
        "location_required": "Escriba una dirección o elija un punto en el mapa.",
        "point_incomplete": "Indique la latitud y la longitud.",
        "contact_required": "Este servicio necesita sus datos de contacto: un correo "
        "electrónico o un teléfono.",
        "unknown_service": "Este servicio no está disponible. Elija otro.",
        "required": "Esta pregunta necesita una respuesta.",
        "unknown_attribute": "Esta pregunta no forma parte de este servicio.",
        "address_not_found": "No encontramos esta dirección. Revísela, elija una sugerencia o "
        "marque un punto en el mapa.",
        "out_of_jurisdiction": "La ciudad no atiende este lugar: vea a quién contactar.",
        "upload_token_invalid": "Ya no se puede añadir esta foto a esa solicitud.",
        "too_many_photos": "Esta solicitud ya tiene todas las fotos que admite.",
        "follow_token_invalid": "Este enlace de confirmación no es válido o ha caducado.",
        "follow_token_used": "Este enlace de confirmación ya se usó: ya sigue esta solicitud.",
        "too_large": "La foto es demasiado grande: envíe una de 10 MB como máximo.",
        "form_too_large": "El formulario es demasiado largo. Acorte la descripción e inténtelo "
        "de nuevo.",
        "unsupported_media": "Este archivo no es una foto que podamos aceptar: envíe una imagen "
        "JPEG, PNG, WebP o GIF.",
        "rate_limited": "Se enviaron demasiados reportes desde su conexión. Inténtelo de nuevo "
        "más tarde.",
        "not_found": "No encontramos esta solicitud.",
        "article_not_found": "No encontramos esta respuesta.",
        "service_not_found": "No encontramos este servicio.",
        "bad_json": "No se pudo leer el formulario. Vuelva a cargar la página e inténtelo de "
        "nuevo.",
        "failed": "Algunos campos necesitan su atención.",
        "error": "Algo salió mal. Inténtelo de nuevo.",
        "idempotency_key": "No se pudo enviar el formulario. Vuelva a cargar la página e "
        "inténtelo de nuevo.",
        "survey_link_invalid": "Este enlace de encuesta no es válido. Use el enlace del mensaje "
        "que le enviamos.",
        "survey_link_expired": "Este enlace de encuesta ha caducado. Gracias de todos modos.",
        "survey_answered": "Esta encuesta ya fue respondida. ¡Gracias!",
        "survey_not_answered": "Elija primero una puntuación.",
    },
}
WRITTEN = tuple(MESSAGES)


def message(code: str, language: str) -> str:
    texts = MESSAGES.get(language, MESSAGES["en"])
    return texts.get(code) or texts["invalid"]


def has_message(code: str) -> bool:
    return code in MESSAGES["en"]

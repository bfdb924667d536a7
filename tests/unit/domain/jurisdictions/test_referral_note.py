from domain.jurisdictions.referral_note import referral_note


def test_the_note_names_whom_to_contact_in_the_visitor_s_language() -> None:
    assert referral_note("Baltimore County", "en").startswith("This place is not served by us.")
    assert "Baltimore County handles" in referral_note("Baltimore County", "en")
    assert referral_note("Condado", "es-MX").startswith("No atendemos este lugar. Condado")
    assert referral_note(None, "es").startswith("Este lugar está fuera")
    assert referral_note(None, "fr") == referral_note(None, "en")

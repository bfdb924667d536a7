"""Word tables for US street addresses (USPS Publication 28, appendices C1 and B, abridged).

Each table maps every spelling we accept to the standard form. Suffixes and directionals are
stored abbreviated (AVE, N); inside a street's name the same words are written out in full
(NORTH AVE, OLD COURT RD, SAINT PAUL ST), so that a typo in them can still be matched.
"""

DIRECTIONALS: dict[str, str] = {
    "N": "N",
    "NORTH": "N",
    "S": "S",
    "SOUTH": "S",
    "E": "E",
    "EAST": "E",
    "W": "W",
    "WEST": "W",
    "NE": "NE",
    "NORTHEAST": "NE",
    "NW": "NW",
    "NORTHWEST": "NW",
    "SE": "SE",
    "SOUTHEAST": "SE",
    "SW": "SW",
    "SOUTHWEST": "SW",
}

DIRECTIONAL_WORDS: dict[str, str] = {
    "N": "NORTH",
    "S": "SOUTH",
    "E": "EAST",
    "W": "WEST",
    "NE": "NORTHEAST",
    "NW": "NORTHWEST",
    "SE": "SOUTHEAST",
    "SW": "SOUTHWEST",
}

# standard abbreviation -> (full word, other accepted spellings)
_SUFFIX_FORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ALY": ("ALLEY", ("ALLY", "ALLEE")),
    "AVE": ("AVENUE", ("AV", "AVEN", "AVENU", "AVN", "AVNUE")),
    "BLVD": ("BOULEVARD", ("BOUL", "BOULV", "BLV")),
    "CIR": ("CIRCLE", ("CIRC", "CIRCL", "CRCL", "CRCLE")),
    "CT": ("COURT", ("CRT",)),
    "CRES": ("CRESCENT", ("CRSNT", "CRSENT")),
    "DR": ("DRIVE", ("DRIV", "DRV")),
    "EXPY": ("EXPRESSWAY", ("EXP", "EXPR", "EXPRESS", "EXPW")),
    "FWY": ("FREEWAY", ("FREEWY", "FRWAY", "FRWY")),
    "HWY": ("HIGHWAY", ("HIGHWY", "HIWAY", "HIWY", "HWAY")),
    "LN": ("LANE", ()),
    "PKWY": ("PARKWAY", ("PARKWY", "PKWAY", "PKY")),
    "PL": ("PLACE", ()),
    "PLZ": ("PLAZA", ("PLZA",)),
    "RD": ("ROAD", ()),
    "SQ": ("SQUARE", ("SQR", "SQRE", "SQU")),
    "ST": ("STREET", ("STRT", "STR")),
    "TER": ("TERRACE", ("TERR",)),
    "TRL": ("TRAIL", ("TRAILS", "TRLS")),
    "WAY": ("WAY", ("WY",)),
}

SUFFIXES: dict[str, str] = {
    spelling: standard
    for standard, (full, others) in _SUFFIX_FORMS.items()
    for spelling in (standard, full, *others)
}

SUFFIX_WORDS: dict[str, str] = {standard: full for standard, (full, _) in _SUFFIX_FORMS.items()}

# Words that are only ever part of a name, written out in full there.
NAME_WORDS: dict[str, str] = {
    "ST": "SAINT",
    "STE": "SAINTE",
    "MT": "MOUNT",
    "MNT": "MOUNT",
    "FT": "FORT",
}

ORDINAL_WORDS: dict[str, str] = {
    "FIRST": "1ST",
    "SECOND": "2ND",
    "THIRD": "3RD",
    "FOURTH": "4TH",
    "FIFTH": "5TH",
    "SIXTH": "6TH",
    "SEVENTH": "7TH",
    "EIGHTH": "8TH",
    "NINTH": "9TH",
    "TENTH": "10TH",
    "ELEVENTH": "11TH",
    "TWELFTH": "12TH",
}

# Words that open a unit designator ("APT 4B"); the unit is not part of the address point.
UNIT_WORDS = frozenset({"APT", "APARTMENT", "UNIT", "SUITE", "RM", "ROOM", "#"})

# Two-letter state codes dropped from the end of an address. CT (court), NE (north-east) and
# MT (mount) are left out: at the end of a street they are more often part of it.
_STATE_CODES = """AK AL AR AZ CA CO DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS NC ND
NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY"""
STATES = frozenset([*_STATE_CODES.split(), "MARYLAND"])

INTERSECTION_WORDS = frozenset({"&", "AND", "@", "AT", "/"})

# A number after these is a route number, not an ordinal (I 83, US 40).
ROUTE_WORDS = frozenset({"I", "US", "RT", "RTE", "ROUTE", "SR", "HWY", "INTERSTATE"})


def full_word(token: str) -> str:
    """The written-out form of an abbreviation used inside a name (N -> NORTH, CT -> COURT)."""
    if token in NAME_WORDS:
        return NAME_WORDS[token]
    if token in DIRECTIONAL_WORDS:
        return DIRECTIONAL_WORDS[token]
    if token in SUFFIXES:
        return SUFFIX_WORDS[SUFFIXES[token]]
    return token


def role_word(role: str, standard: str) -> str:
    """The written-out form of a suffix or directional: ("suffix", "ST") -> "STREET"."""
    words = SUFFIX_WORDS if role == "suffix" else DIRECTIONAL_WORDS
    return words.get(standard, standard)

"""Recall and precision of emergency triage on a labelled set of calls, with the demo terms.

Every emergency must be flagged for its line (911, or 988 for suicide and self-harm): a missed
emergency costs a life, a false alarm costs the agent a glance. Precision is held to the floor
it reaches today, so a term that starts flagging routine calls shows up here.
"""

import json
from pathlib import Path

import pytest

from adapters.demo.knowledge import demo_triage_terms
from domain.knowledge.triage import Assessment, TermKind, TriageTerm, assess, new_term

SENTENCES = Path(__file__).with_name("triage_sentences.json")
PRECISION_FLOOR = {"en": 1.0, "es": 1.0}  # reached on the whole set
LABELLED = json.loads(SENTENCES.read_text(encoding="utf-8"))


def demo_terms() -> list[TriageTerm]:
    return [new_term(t["term"], TermKind(t["kind"]), t["language"]) for t in demo_triage_terms()]


def lines(found: Assessment) -> set[str]:
    return {line for line, raised in (("911", found.emergency), ("988", found.crisis)) if raised}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_set_is_large_and_balanced(language: str) -> None:
    calls = [s["call"] for s in LABELLED[language]]
    assert len(calls) >= 60
    assert calls.count(None) == len(calls) - calls.count(None)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_emergency_is_flagged_and_few_routine_calls_are(language: str) -> None:
    terms = demo_terms()
    missed, false_alarms, caught, flagged = [], [], 0, 0
    for sentence in LABELLED[language]:
        raised = lines(assess(sentence["text"], terms))
        flagged += bool(raised)
        if sentence["call"] is None:
            false_alarms += [sentence["text"]] if raised else []
        elif sentence["call"] in raised:
            caught += 1
        else:
            missed.append(sentence["text"])
    emergencies = sum(1 for s in LABELLED[language] if s["call"])
    recall, precision = caught / emergencies, (flagged - len(false_alarms)) / max(flagged, 1)
    print(
        f"\ntriage {language}: recall {caught}/{emergencies} = {recall:.1%}, precision "
        f"{flagged - len(false_alarms)}/{flagged} = {precision:.1%}; false alarms {false_alarms}"
    )
    assert missed == []
    assert precision >= PRECISION_FLOOR[language], false_alarms

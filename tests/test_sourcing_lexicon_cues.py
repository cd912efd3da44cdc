"""Cue words added to the English pack from the PolNeAR train misses (issue 15): for each
group, sentences it must and must not read as attributions."""

from __future__ import annotations

import pytest

from audit.article import from_text
from audit.config import Config
from audit.report import sourcing_dict
from audit.sourcing import analyse


def atts(text: str) -> list[dict]:
    result = analyse(from_text(text, language="en"), config=Config())
    return sourcing_dict(result.data, text)["attributions"]


def found(text: str, cue: str) -> list[dict]:
    return [a for a in atts(text) if a["cue"] and a["cue"]["text"] == cue]


@pytest.mark.parametrize("text,cue,kind,content", [
    # stance verbs whose content is their object
    ("The senator decried the plan to close the hospital.", "decried", "stance",
     "the plan to close the hospital"),
    ("The mayor decries the violence in the city.", "decries", "stance",
     "the violence in the city"),
    ("Clinton assailed the Republican budget as cruel.", "assailed", "stance",
     "the Republican budget as cruel"),
    # participles that report for the subject of their sentence
    ("The mayor spoke for an hour, denouncing the budget cuts.", "denouncing", "speech",
     "the budget cuts"),
    ("The union walked out, threatening a strike next month.", "threatening", "speech",
     "a strike next month"),
    # a preference, as an intention; phrasal stances whose object is their content
    ("Voters prefer to back a winner.", "prefer", "belief", "to back a winner"),
    ("The senator pushed back against the plan to cut jobs.", "pushed back against", "speech",
     "the plan to cut jobs"),
    ("The group lobbied for a higher minimum wage.", "lobbied for", "speech",
     "a higher minimum wage"),
    # base forms after a plural subject, a clause implied, a regard read as "X as Y"
    ("Officials acknowledge that the plan failed.", "acknowledge", "speech", "the plan failed"),
    ("The senator implied that the mayor had lied.", "implied", "speech",
     "the mayor had lied"),
    ("Republicans considered him as a possible nominee.", "considered", "speech",
     "him as a possible nominee"),
    ("The senator apologized, writing that the figures were wrong.", "writing", "speech",
     "the figures were wrong"),
    # "made (it) clear", "left no doubt" report a clause; "railed against" its object
    ("The senator made it clear that she would not run.", "made it clear", "speech",
     "she would not run"),
    ("Trump made clear he would veto the bill.", "made clear", "speech",
     "he would veto the bill"),
    ("The senator railed against the trade deal.", "railed against", "speech",
     "the trade deal"),
    ("The governor encouraged voters to turn out early.", "encouraged", "speech",
     "voters to turn out early"),
])
def test_added_cue_fires(text, cue, kind, content):
    hits = found(text, cue)
    assert hits, atts(text)
    assert hits[0]["kind"] == kind
    assert hits[0]["content"]["text"] == content


@pytest.mark.parametrize("text,cue", [
    ("The report was decried.", "decried"),
    ("The fort was assailed by storms all winter.", "assailed"),
    ("Fearing the worst, we left early.", "Fearing"),
    ("The refusing driver was fined.", "refusing"),
    ("The preferred route runs north.", "preferred"),
    ("The game was pushed back on Sunday.", "pushed back on"),
    ("We considered the offer for a week.", "considered"),
    ("The bank is offering loans.", "offering"),
    # "announce" stays out: "..., and they will announce this" is no report of what precedes
    ("The astronaut will fly to the moon, and they will announce this.", "announce"),
    ("The new paint made the room clear and bright.", "made"),
    ("Sunny weather encouraged the crowds.", "encouraged"),
])
def test_added_cue_does_not_fire(text, cue):
    assert not found(text, cue), atts(text)

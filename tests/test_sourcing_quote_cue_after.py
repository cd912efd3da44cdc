"""A quote closed on a comma is what the cue after it reports ("“A,” the governor said,
before clarifying that ..."), whatever follows the cue; a participle's "that" clause after
the cue is its own attribution for the same source; the quote goes on past an occasion or
a conjunction ("said late last month, “but B.”"), not past a cue of its own (", adding,")."""

from __future__ import annotations

from audit.article import from_text
from audit.config import Config
from audit.report import sourcing_dict
from audit.sourcing import analyse


def outer(text: str) -> list[dict]:
    result = analyse(from_text(text, language="en"), config=Config())
    return [a for a in sourcing_dict(result.data, text)["attributions"]
            if a["nested_in"] is None]


def contents(att: dict) -> list[str]:
    return [s["text"] for s in att.get("content_segments") or [att["content"]]]


def by_cue(atts: list[dict], cue: str) -> list[dict]:
    return [a for a in atts if a["cue"] and a["cue"]["text"] == cue]


QUOTE = "“I have known him for fourteen years and he is the best person to win,”"


def test_quote_before_cue_with_a_participle_after_it():
    atts = outer(f"{QUOTE} the governor said, before clarifying that he was the best "
                 "candidate of the remaining contenders.")
    said = by_cue(atts, "said")
    assert len(said) == 1 and contents(said[0]) == [QUOTE]
    assert said[0]["source"]["text"] == "the governor"
    clarifying = by_cue(atts, "clarifying")
    assert len(clarifying) == 1 and clarifying[0]["source"]["text"] == "the governor"
    assert contents(clarifying[0]) == ["he was the best candidate of the remaining contenders"]


def test_pointing_out_that_after_an_occasion():
    atts = outer("“We wanted to make sure no president could waive the sanctions,” Corker "
                 "said in a telephone interview Wednesday, pointing out that 98 senators "
                 "voted for the review last year.")
    assert contents(by_cue(atts, "said")[0])[0].startswith("“We wanted")
    pointing = by_cue(atts, "pointing out")
    assert len(pointing) == 1 and pointing[0]["source"]["text"] == "Corker"


def test_quote_goes_on_past_an_occasion_or_a_conjunction():
    for middle in ("one aide said late last month,", "one aide said, but"):
        atts = outer(f"“That does not mean there will be no response,” {middle} “a muted one "
                     "rather than a five-alarm fire.”")
        assert len(atts) == 1 and len(contents(atts[0])) == 2, middle


def test_quote_goes_on_past_an_aside_holding_a_cue():
    atts = outer("“Every time you say that,” Tester said, referring to the excuse, “you "
                 "give ammunition to the people who want to break up the big banks.”")
    assert len(atts) == 1 and len(contents(atts[0])) == 2


def test_a_participle_cue_opening_the_second_quote_reports_it():
    atts = outer("“We have had a city drinking and bathing in lead-contaminated water,” she "
                 "said, adding, “There would have been action in a rich suburb.”")
    assert contents(by_cue(atts, "said")[0]) == [
        "“We have had a city drinking and bathing in lead-contaminated water,”"]
    assert contents(by_cue(atts, "adding")[0]) == [
        "“There would have been action in a rich suburb.”"]


def test_no_clause_after_the_participle_is_no_attribution():
    atts = outer("“We will win this state and then the next one,” he said, drawing cheers "
                 "from the crowd in the gym.")
    assert len(atts) == 1 and atts[0]["cue"]["text"] == "said"


def test_a_participle_the_cue_list_holds_is_read_once():
    atts = outer("“We will win this state and then the next one,” he said, adding that the "
                 "campaign would go on to Ohio.")
    assert len(by_cue(atts, "adding")) == 1
    assert contents(by_cue(atts, "said")[0])[0].startswith("“We will win")


def test_went_on_reports_the_quote_it_closes_or_opens():
    for text in ("Obama spoke on Monday, Obama said.\n\n“It is a pretty expensive business "
                 "model for all of them,” she went on.",
                 "Obama spoke on Monday, Obama said.\n\nShe went on: “It is a pretty expensive "
                 "business model for all of them.”"):
        quote = [a for a in outer(text) if a["content"]["text"].startswith("“It is")]
        assert len(quote) == 1 and quote[0]["cue"]["text"] == "went on", text
        assert quote[0]["source"]["text"].lower() == "she"


def test_went_on_is_no_cue_without_a_quote():
    atts = outer("The meeting went on for hours, and the council went on to approve the budget.")
    assert not [a for a in atts if a["cue"] and a["cue"]["text"] == "went on"]


def test_a_document_reads_the_quote_it_closes_or_opens():
    atts = outer("“Friend, let me be blunt. I can beat her in November,” the email read.")
    assert len(atts) == 1 and atts[0]["cue"]["text"] == "read"
    assert atts[0]["source"]["text"] == "the email" and atts[0]["kind"] == "document"
    atts = outer("The letter reads: “We are gravely concerned about the removals.”")
    assert len(atts) == 1 and atts[0]["cue"]["text"] == "reads"


def test_read_is_no_cue_without_a_quote():
    assert outer("He read the report on the train and went home to his family.") == []


def test_more_speech_verbs_after_a_quote():
    for verb in ("elaborated", "surmised", "fumed"):
        atts = outer(f"“People are afraid of wasting their votes this year,” Toomey {verb}.")
        assert len(atts) == 1 and atts[0]["cue"]["text"] == verb
        assert atts[0]["source"]["text"] == "Toomey"


def test_a_thing_that_fumes_reports_nothing():
    assert outer("The old engine fumed and sputtered all the way home from the fair.") == []

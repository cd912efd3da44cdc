"""Attribution kinds (speech, belief, stance, document, transcript), split contents and
nested attributions: for each kind, sentences it must and must not read as attributions."""

from __future__ import annotations

import pytest

from audit.article import from_text
from audit.config import Config
from audit.report import sourcing_dict
from audit.sourcing import analyse


def atts(text: str) -> list[dict]:
    result = analyse(from_text(text, language="en"), config=Config())
    return sourcing_dict(result.data, text)["attributions"]


def outer(text: str) -> list[dict]:
    return [a for a in atts(text) if a["nested_in"] is None]


@pytest.mark.parametrize("text,kind,source,content", [
    ("The mayor said the bridge would reopen in May after the repairs.", "speech",
     "The mayor", "the bridge would reopen in May after the repairs"),
    ("Smith urged the council to delay the vote until the audit is done.", "speech",
     "Smith", "the council to delay the vote until the audit is done"),
    ("The mayor called for an investigation into the fire.", "speech", "The mayor",
     "an investigation into the fire"),
    ("Analysts expect the central bank to raise rates again in June.", "belief", "Analysts",
     "the central bank to raise rates again in June"),
    ("The senator wants to run for governor next year.", "belief", "The senator",
     "to run for governor next year"),
    ("Some Democrats now think the primary will hurt the party.", "belief", "Some Democrats",
     "the primary will hurt the party"),
    ("Supporters hope the senator will run for governor next year.", "belief", "Supporters",
     "the senator will run for governor next year"),
    ("The union endorsed Maria Lopez for mayor on Tuesday.", "stance", "The union",
     "Maria Lopez for mayor"),
    ("The governor opposes the pipeline.", "stance", "The governor", "the pipeline"),
    ("The senator attacked the plan to close the hospital.", "stance", "The senator",
     "the plan to close the hospital"),
    # an object runs over its modifiers, and stops at an aside
    ("The union endorsed Donald J. Trump for president of the United States.", "stance",
     "The union", "Donald J. Trump for president of the United States"),
    ("The council backed Ben Carson, a surgeon who has never held office.", "stance",
     "The council", "Ben Carson"),
    # a list of objects goes on over its commas; an aside, a participle or a second verb
    # after a comma does not
    ("The senator questioned the mayor's tactics, his judgment, his staff and his record.",
     "stance", "The senator", "the mayor's tactics, his judgment, his staff and his record"),
    ("The union supports workers in New York, Los Angeles and Seattle who demanded a raise.",
     "stance", "The union", "workers in New York, Los Angeles and Seattle who demanded a raise"),
    ("The governor supported European unity, pushing for common trade and budget rules.",
     "stance", "The governor", "European unity"),
    ("The senator criticized the plan, the budget, and walked out of the hearing.", "stance",
     "The senator", "the plan"),
    ("The senator criticized the plan, and there were no questions about it.", "stance",
     "The senator", "the plan"),
    ("The governor endorsed Lopez at a news conference in the capital.", "stance",
     "The governor", "Lopez"),  # where, not what
    ("The mayor said the bridge would reopen in May, and she thanked the crews for it.",
     "speech", "The mayor", "the bridge would reopen in May"),  # a second clause of the writer
    ("“We will rebuild the bridge,” the mayor said, drawing cheers from the crowd.", "speech",
     "the mayor", "“We will rebuild the bridge,”"),  # the -ing phrase describes the saying
    ("“We will rebuild the bridge,” the mayor said aboard the ferry on Monday.", "speech",
     "the mayor", "“We will rebuild the bridge,”"),
    ("“My work speaks for itself,” the actress said as she accepted her award.", "speech",
     "the actress", "“My work speaks for itself,”"),  # when, not what
    ("“We will rebuild the bridge,” the mayor told reporters she would run again.", "speech",
     "the mayor", "she would run again"),  # after the addressee, what was told
    ("The mayor said raising taxes would hurt the city.", "speech", "The mayor",
     "raising taxes would hurt the city"),  # no comma: a gerund subject
    ("The mayor said Wednesday she wants an inquiry into the fire.", "speech", "The mayor",
     "she wants an inquiry into the fire"),
    ("The governor said Thursday during a town hall in Buffalo, New York, that the state is "
     "wrong to ban fracking.", "speech", "The governor",
     "the state is wrong to ban fracking"),  # when and where, over their commas
    ("The mayor said on Tuesday, after the vote, that the bridge would reopen in May.",
     "speech", "The mayor", "the bridge would reopen in May"),
    ("Most residents say the plan is “about right,” though fewer say so than last year.",
     "speech", "Most residents", "the plan is “about right,”"),  # the writer takes over
    ("The mayor announced she would run for a second term.", "speech", "The mayor",
     "she would run for a second term"),  # a clause, not the object "she"
    ("The governor described the pipeline as a threat to the river.", "speech",
     "The governor", "the pipeline as a threat to the river"),
    ("Republican voters see national security as their top concern.", "belief",
     "Republican voters", "national security as their top concern"),  # regard: "X as Y"
    ("Maria Lopez, who runs the shelter, said the city had cut its funds by half.", "speech",
     "Maria Lopez", "the city had cut its funds by half"),  # a relative clause set off
    ("The mayor said of the council, “They have never read the plan, and it shows.”", "speech",
     "The mayor", "“They have never read the plan, and it shows.”"),  # what it is said of
    ("“It is late and it is over budget,” the mayor said of the plan, before the vote.",
     "speech", "the mayor", "“It is late and it is over budget,”"),  # no quote after "of"
    ("The bank just this month announced it would end the bonuses in January.", "speech",
     "The bank", "it would end the bonuses in January"),  # a time before the verb
    ("The mayor earlier this year said the bridge would reopen in May.", "speech",
     "The mayor", "the bridge would reopen in May"),
    ("The council heard from Maria Lopez, who said the bridge would reopen in May.", "speech",
     "Maria Lopez", "the bridge would reopen in May"),  # a relative clause set off by commas
    ("Clinton said families would pay more in taxes, an acknowledgment of the costs ahead.",
     "speech", "Clinton", "families would pay more in taxes"),  # the writer's gloss
    ("The mayor said the plan was sound, but that the cost was too high.", "speech",
     "The mayor", "the plan was sound, but that the cost was too high"),  # both reported
    ("Many voters call the plan a disaster for the city.", "speech", "Many voters",
     "the plan a disaster for the city"),  # an object and what it is called
    ("The council called the vote on the new stadium for the city a mistake.", "speech",
     "The council", "the vote on the new stadium for the city a mistake"),  # a long object
    ("His aides called him ''a genius'' for the plan.", "speech", "His aides",
     "him ''a genius'' for the plan"),  # a quote typed as two apostrophes
    ("The mayor gave money to a group backing the pipeline.", "stance", "a group",
     "the pipeline"),  # a stance participle after its noun
    ("Most voters in the state support the pipeline.", "stance", "Most voters in the state",
     "the pipeline"),
    ("Sanders said both Obama and Biden have been fair to him in the race.", "speech",
     "Sanders", "both Obama and Biden have been fair to him in the race"),
    ("Amar said that if the talks fail, a grand bargain might still be possible.", "speech",
     "Amar", "if the talks fail, a grand bargain might still be possible"),
    ("Paul asked how it is conservative to add a trillion dollars in military spending.",
     "speech", "Paul", "how it is conservative to add a trillion dollars in military spending"),
    ("Trump said he would bar them from entry — a proposal he has raised at rallies.",
     "speech", "Trump", "he would bar them from entry"),  # a single dash: the writer's gloss
    ("Nearly two-thirds of primary voters said that the banks do more harm than good.",
     "speech", "Nearly two-thirds of primary voters", "the banks do more harm than good"),
    ("To varying degrees, all agreed that the plan would raise taxes on the rich.", "stance",
     "all", "the plan would raise taxes on the rich"),  # "all" as a source: vague
    ("Most analysts agreed it was still a plan for the rich.", "stance", "Most analysts",
     "it was still a plan for the rich"),  # an intention cue with a clause after it
    ("Japan and the United States have pledged to build the missile together.", "stance",
     "Japan and the United States", "to build the missile together"),  # one source phrase
    ("A report by the auditor found that the agency overspent by 40 million dollars.",
     "document", "A report by the auditor", "the agency overspent by 40 million dollars"),
    ("Exit polling showed that the mayor won every district except the port.", "document",
     "Exit polling", "the mayor won every district except the port"),
    ("His tax returns show that he paid no income tax for years.", "document",
     "His tax returns", "he paid no income tax for years"),
    ("The mayor is well liked, according to a CNN/ORC poll.", "document", "a CNN/ORC poll",
     "The mayor is well liked"),
    ("Polls show the incumbent ahead by five points in the capital.", "document", "Polls",
     "the incumbent ahead by five points in the capital"),
    ("The mayor leads her rival by eight points, 49% to 41%, in the latest city survey.",
     "document", "the latest city survey", "The mayor leads her rival by eight points, 49% to 41%"),
    ("PENCE: We will win this state in November, and we will win it big.", "transcript",
     "PENCE", "We will win this state in November, and we will win it big."),
    ("“PENCE: We will win this state in November, and we will win it big.", "transcript",
     "PENCE", "We will win this state in November, and we will win it big."),  # quoted lines
    ("Poll: Voters favour the new bridge plan by two to one", "transcript", "Poll",
     "Voters favour the new bridge plan by two to one"),
])
def test_kind_fires(text, kind, source, content):
    (att,) = outer(text)
    assert att["kind"] == kind
    assert (att.get("resolved_source") or att["source"]["text"]) == source  # "who" names Lopez
    assert att["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "The founder pledged his shares as collateral for the loan.",  # no stance: a pledge of shares
    "The team's attacks on goal came to nothing in the second half.",  # not an owned stance
    "Update: the story was corrected on Monday to fix a name.",  # not a speaker's label
    "Police found the car abandoned near the river on Sunday.",  # found, not a finding
    "Their support for the plan grew over the summer.",  # a noun, not "voters support"
    "The gala raised about 200,000 dollars, about double what the organisers said.",
    "The mayor drew boos from the audience when she told them about the new taxes.",
    "The mayor has sagged in the polls since the spring floods.",  # a standing, not a poll
    "Officials show visitors around the plant every Friday.",  # show, not a finding
    "The mayor saw the flooded road from the bridge on Monday.",  # saw, not "saw X as Y"
    "The mayor calls her mother every Sunday evening.",  # no name given: not a report
    "The mayor called the police from the hall after the meeting on a phone.",  # no name
    "The truck was backing into the loading bay when the wall fell.",  # no object
    "The terrorist attacks in the capital changed the race.",  # a noun, not a stance
    "“Wait: the meeting starts with a short report from the chair.",  # not a speaker's label
    "10:30: The meeting starts with a short report from the chair.",  # a time, not a label
    # a noun and its past participle (a reduced relative, an absolute): no one reports
    "The bill came to 3 billion dollars, with Japan’s share estimated at 1 billion dollars.",
    "The repairs were slow, with costs projected at 5 million dollars by the insurer.",
])
def test_kind_does_not_fire(text):
    assert atts(text) == []


def test_a_question_opening_a_sentence_is_the_askers_and_holds_no_attribution():
    found = atts("Asked if she believed the rival would win, the mayor said she was not going "
                 "to guess.")
    assert [(a["source"] and a["source"]["text"], a["content"]["text"]) for a in found] == [
        (None, "if she believed the rival would win"),  # the question, its asker unnamed
        ("the mayor", "she was not going to guess")]  # and not "she believed" inside it
    assert [a["form"] for a in found] == ["question", "reported"]


def test_a_reporters_question_is_no_vague_source_and_leaves_nothing_attributed():
    text = ("The council met on Monday to discuss the new bridge. Asked if she believed the "
            "rival would win, the mayor said she was not going to guess.")
    result = analyse(from_text(text, language="en"), config=Config())
    assert [f.rule_id for f in result.findings if f.rule_id.startswith("SRC-VAGUE")] == []
    assert [a.held for a in result.data.attributions] == [False, True]


def test_split_quote_is_one_attribution_with_two_segments():
    text = "“We will win the vote,” Smith said. “Nobody in this room doubts it, and nobody should.”"
    (att,) = atts(text)
    assert [s["text"] for s in att["content_segments"]] == [
        "“We will win the vote,”", "“Nobody in this room doubts it, and nobody should.”"]
    assert att["content"]["start"] == 0 and att["content"]["end"] == len(text)


def test_cue_set_off_inside_its_clause_splits_the_content():
    text = "The plan, the mayor said, will cost far more than the council expected."
    (att,) = atts(text)
    assert [s["text"] for s in att["content_segments"]] == [
        "The plan", "will cost far more than the council expected"]
    assert att["source"]["text"] == "the mayor"


@pytest.mark.parametrize("text,segments", [
    # what was said goes on after "and" or "but" past the cue set off by commas
    ("The bridge will reopen in May, the mayor said, and the ferry will stop running then.",
     ["The bridge will reopen in May", "and the ferry will stop running then"]),
    ("He had no known political affiliations, the airline added, and had passed all checks.",
     ["He had no known political affiliations", "and had passed all checks"]),
    # "according to" after the aside vouches for the whole: not more of what was said
    ("The bridge will reopen in May, the mayor said, according to the minutes.", None),
])
def test_what_goes_on_after_a_cue_set_off_by_commas(text, segments):
    said = next(a for a in atts(text) if a["cue"]["text"] in ("said", "added"))
    if segments is None:
        assert said["content"]["text"] == "The bridge will reopen in May"
    else:
        assert [s["text"] for s in said["content_segments"]] == segments


@pytest.mark.parametrize("text,segments", [
    # the clause goes on past "according to X" with its verb: both sides are vouched for,
    # and the rest of the source's phrase is not
    ("Among the precedents at risk, according to Ms. Epstein, are 16 cases on unions.",
     ["Among the precedents at risk", "are 16 cases on unions"]),
    ("Notably absent from the talks, according to members who spoke to reporters, was any "
     "mention of the budget.", ["Notably absent from the talks", "was any mention of the budget"]),
    # a participle or a second clause after the aside is the writer's
    ("Prices rose by 3 percent, according to the agency, leaving many families worse off.",
     ["Prices rose by 3 percent"]),
    ("The plan will cost 5 million, according to the report, and the council will vote.",
     ["The plan will cost 5 million"]),
])
def test_what_according_to_vouches_for_around_it(text, segments):
    (att,) = atts(text)
    assert [s["text"] for s in att.get("content_segments") or [att["content"]]] == segments


def test_belief_inside_a_quote_is_nested_and_not_a_new_source():
    text = "“I think we will win the vote next week,” Smith said on Monday."
    found = atts(text)
    assert len(found) == 2
    quote, belief = found
    assert quote["nested_in"] is None and quote["source"]["text"] == "Smith"
    assert belief["nested_in"] == 0 and belief["kind"] == "belief"
    assert belief["source"]["text"] == "I"


@pytest.mark.parametrize("text,outer_source,inner_source", [
    ('When asked about the new levy, Grant said: "There will be some relief," the Gazette '
     'reported.', "the Gazette", "Grant"),
    ('Later, the mayor told reporters: "We are not closing the port," the Chronicle reported '
     'on Monday.', "the Chronicle", "the mayor"),
])
def test_a_quote_running_into_the_report_around_it_is_the_nested_one(text, outer_source,
                                                                      inner_source):
    """Must fire: a quote's content that runs past its closing mark into the cue of the
    report holding it does not make that report nested; the quote is."""
    found = atts(text)
    (top,) = [a for a in found if a["nested_in"] is None]
    assert top["source"]["text"] == outer_source
    inner = [a for a in found if a["source"] and a["source"]["text"] == inner_source]
    assert inner and all(a["nested_in"] is not None for a in inner)


@pytest.mark.parametrize("text,outer_source", [
    ("“I think he will win the seat,” said Marta Kohl, a nurse from Leeds.", "Marta Kohl"),
    ("The mayor said the council believes the plan will work, the paper reported.",
     "the paper"),
])
def test_a_belief_inside_a_report_stays_nested(text, outer_source):
    """Must not fire: an inner attribution that ends before the outer cue stays nested."""
    found = atts(text)
    assert found[0]["nested_in"] is None or found[0]["source"]["text"] != outer_source
    assert any(a["nested_in"] is not None for a in found)


@pytest.mark.parametrize("text,source,content", [
    ("Kohl said that while she opposed the plan, she was backing the mayor on the budget.",
     "Kohl", "while she opposed the plan, she was backing the mayor on the budget"),
    ("The paper reported that despite the storm, officials plan to reopen the port next week.",
     "The paper", "despite the storm, officials plan to reopen the port next week"),
])
def test_a_fronted_clause_in_what_was_said_does_not_end_it(text, source, content):
    """Must fire: a subordinate clause or phrase opening the reported clause, set off by a
    comma, is followed by that clause's main clause, not by a second report."""
    (top,) = outer(text)
    assert top["source"]["text"] == source and top["content"]["text"] == content


@pytest.mark.parametrize("text,first,second", [
    ("Kohl said the plan had failed badly, the mayor argued that the budget was sound.",
     "the plan had failed badly", "the budget was sound"),
    ("Kohl said that during the storm the port closed, and the mayor argued that the budget "
     "was sound.", "during the storm the port closed", "the budget was sound"),
    ("Kohl said the vote was close, she believes the count was fair.", "the vote was close",
     "the count was fair"),
])
def test_a_second_report_after_a_comma_still_ends_the_first(text, first, second):
    """Must not fire: a clause that does not open with a subordinator ends at the comma
    before a second source and cue, or at ", and" even when it does."""
    assert [a["content"]["text"] for a in outer(text)] == [first, second]


@pytest.mark.parametrize("text,content", [
    ("Osuna said the group is not a lobby and supports candidates on both sides.",
     "the group is not a lobby and supports candidates on both sides"),
    ("Kohl says she would sit the mayor down and tell him the plan is over.",
     "she would sit the mayor down and tell him the plan is over"),
])
def test_a_verb_whose_tense_is_not_the_reports_stays_in_what_was_said(text, content):
    """Must fire: a verb joined by "and" that cannot share the report's subject (a base
    form or a present tense after "said") goes on with the reported clause."""
    (top,) = outer(text)
    assert top["content"]["text"] == content


@pytest.mark.parametrize("text,second_cue,second", [
    ("Kohl said the plan had failed and warned that the mayor was to blame.", "warned",
     "the mayor was to blame"),
    ("Kohl says the plan has failed and warns that the mayor is to blame.", "warns",
     "the mayor is to blame"),
    ("Kohl said the plan had failed and is urging the council to resign.", "urging",
     "the council to resign"),
])
def test_a_second_report_of_the_same_source_still_ends_the_first(text, second_cue, second):
    """Must not fire: a verb in the report's own tense (or after an auxiliary) is the
    source's second report."""
    first, nxt = outer(text)
    assert first["content"]["text"] == "the plan had failed" or \
        first["content"]["text"] == "the plan has failed"
    assert nxt["cue"]["text"] == second_cue and nxt["content"]["text"] == second
    assert nxt["source"]["text"] == "Kohl"


def test_nested_attributions_are_not_counted_as_sources():
    text = ("Analysts at the bank said on Monday that the minister believes that growth will "
            "pick up, and the report was welcomed by traders across the region. " * 3)
    result = analyse(from_text(text, language="en"), config=Config())
    data = sourcing_dict(result.data, text)
    nested = [a for a in data["attributions"] if a["nested_in"] is not None]
    assert nested and all(a["source"]["text"] == "the minister" for a in nested)
    assert data["counts"]["distinct_sources"] == 1


def test_a_source_named_with_an_apposition_is_the_person_named():
    """"Mayer, the company's chairman, said" and "executive Kevin Mayer said" are one
    source: the apposition after the comma is not part of who it is."""
    text = ("The streaming service failed on its first day, company executive Kevin Mayer "
            "said on Tuesday in a long interview with reporters at the conference. "
            "“We had some issues with the service that did not make me feel good at all,” "
            "Mayer, the company’s chairman of streaming and international, said later.")
    result = analyse(from_text(text, language="en"), config=Config())
    data = sourcing_dict(result.data, text)
    assert len(data["attributions"]) == 2
    assert data["counts"]["distinct_sources"] == 1


@pytest.mark.parametrize("words,stype", [
    (["Authorities"], "unnamed"), (["Police"], "unnamed"), (["the", "police"], "unnamed"),
    (["officials"], "unnamed"), (["a", "spokesperson"], "unnamed"),
    (["A", "spokesperson", "for", "Apple"], "organization"),
    (["The", "Chicago", "police"], "organization"),
    (["Another", "19", "percent"], "vague"), (["about", "four", "in", "10"], "vague"),
    (["an", "arbitration", "panel"], "organization"),
    (["Rep.", "Hank", "Johnson", "(", "D-Ga", ".", ")"], "person"),
    (["the", "news", "agency"], "outlet"), (["the", "agency"], "organization"),
])
def test_source_types_on_real_phrases(words, stype):
    from audit.lang import en
    from audit.sourcing.sources import source_type
    assert source_type(en, words) == stype


@pytest.mark.parametrize("text", [
    "His lawyer said his client chose not to testify at the hearing in March.",
    "The drug supposedly cures the disease, the company said in its filing.",
])
def test_a_clause_is_not_a_source(text):
    sources = [a["source"]["text"] for a in atts(text) if a["source"]]
    assert "his client chose not" not in sources and "supposedly" not in sources


def test_pronoun_resolves_to_the_person_named_before():
    text = ("Taylor Swift won her lawsuit against a radio host on Monday. The case was heard "
            "in Denver. She said the verdict would help other women come forward.")
    (att,) = atts(text)
    assert att["source"]["text"] == "She"
    assert att["resolved_source"] == "Taylor Swift" and att["resolved_type"] == "person"


def test_pronoun_is_not_resolved_to_a_place():
    text = "New York was quiet on Monday. She said the verdict would help other women."
    (att,) = atts(text)
    assert att.get("resolved_source") is None



def test_relative_clause_content_ends_where_the_aside_closes():
    found = outer("Lopez, who estimated a third of the workers were members, said she voted.")
    assert [(a["source"]["text"], a["cue"]["text"], a["content"]["text"]) for a in found] == [
        ("who", "estimated", "a third of the workers were members"),
        ("Lopez", "said", "she voted")]
    assert found[0]["resolved_source"] == "Lopez"
    assert found[0]["resolved_type"] == found[1]["source_type"]  # typed as Lopez is


@pytest.mark.parametrize("text,name", [
    ("“We show anger,” said Harvey Stone, who acknowledged the vote was close.", "Harvey Stone"),
    ("Maria Lopez, who said the plan was flawed in 1998, voted against it on Monday.",
     "Maria Lopez"),
    ("Officials who have openly opposed the plan warned that it would fail.", "Officials"),
    ("It was Mr. Manafort who had argued for a new name for the movement.", "Mr. Manafort"),
    ("Senator Ted Cruz, who last year threatened to shut down the government, spoke on Monday.",
     "Senator Ted Cruz"),
])
def test_relative_pronoun_is_the_cue_subject_it_names(text, name):
    """"X, who said ...": the source as written is "who", resolved to X (PolNeAR marks
    "who"); the type stays X's."""
    (att,) = [a for a in outer(text) if a["source"] and a["source"]["text"] == "who"]
    assert att["resolved_source"] == name and att["resolved_type"] == att["source_type"]


@pytest.mark.parametrize("text", [
    "A spokesperson who did not wish to be named said the company would appeal the ruling.",
    "Ms. Broaddrick, who lives in Arkansas, said the senator lied about the meeting.",
    "The mayor said the bridge, which cost $2 million, would reopen in May.",
])
def test_relative_clause_without_the_cue_keeps_its_antecedent(text):
    """The cue is the main clause's verb, not the relative clause's: the antecedent is its
    source as written."""
    assert all(a["source"]["text"] != "who" and not a.get("resolved_source")
               for a in outer(text))


def test_short_quote_after_the_cue_is_a_further_segment():
    text = "“We have a plan,” Smith said. “It is called a budget.” Then the meeting ended."
    (att,) = outer(text)
    assert [s["text"] for s in att["content_segments"]] == [
        "“We have a plan,”", "“It is called a budget.”"]


def test_referring_to_is_a_mention_of_its_own():
    found = outer("Things will be settled by Cleveland, he said, referring to the convention.")
    assert [(a["cue"]["text"], a["content"]["text"]) for a in found] == [
        ("said", "Things will be settled by Cleveland"), ("referring to", "the convention")]


def test_title_case_cue_in_a_headline():
    found = outer("Mayor Lopez Slams Council’s Plan for the Old Bridge\n\nThe vote is on Monday.")
    assert [(a["source"]["text"], a["cue"]["text"], a["content"]["text"], a["kind"])
            for a in found] == [
        ("Mayor Lopez", "Slams", "Council’s Plan for the Old Bridge", "stance")]


def test_title_case_words_in_running_text_are_not_cues():
    assert outer("The Says Law of markets was taught in the old Economics Department.") == []


@pytest.mark.parametrize("text,content", [
    ("The mayor told the crowd she would run again.", "she would run again"),
    ("At the hearing, officials told him he had never been a citizen.",
     "he had never been a citizen"),
])
def test_content_stops_at_the_addressee(text, content):
    (att,) = outer(text)
    assert att["cue"]["text"] == "told" and att["content"]["text"] == content


def test_a_relative_clause_before_the_verb_and_a_second_attribution():
    found = outer("Executives who have worked with Anna Lopez say they trust her, they also say "
                  "she is careful.")
    assert [(a["source"]["text"], a["content"]["text"]) for a in found] == [
        ("Executives", "they trust her"), ("they", "she is careful")]


@pytest.mark.parametrize("text,segments", [
    ("The interceptor is expected to be deployed in the mid-2030s.",
     ["The interceptor", "to be deployed in the mid-2030s"]),
    ("The senator isn’t expected to attend the dinner.", ["The senator", "to attend the dinner"]),
    ("The plan seemed to stall in the committee.", ["The plan", "to stall in the committee"]),
    ("The governor appears to favour a delay.", ["The governor", "to favour a delay"]),
    # the view ends at its clause's first pause, not in the writer's words after it
    ("The council is expected to sign the measure, potentially ending the strike.",
     ["The council", "to sign the measure"]),
    ("The mayor seemed to overstay his welcome, testing the voters' patience.",
     ["The mayor", "to overstay his welcome"]),
    # a comma in a number is not a pause
    ("The candidate is expected to pass the 1,237 delegates needed.",
     ["The candidate", "to pass the 1,237 delegates needed"]),
])
def test_a_view_held_by_no_one_named_is_a_sourceless_belief(text, segments):
    (att,) = outer(text)
    assert (att["kind"], att["source"], att["form"]) == ("belief", None, "passive")
    assert [s["text"] for s in att["content_segments"]] == segments


@pytest.mark.parametrize("text", [
    "We seem to be losing the argument on taxes.",  # the author's own voice
    "The senator appeared on television on Sunday.",  # appeared, not "appeared to"
    "The result was expected by most analysts.",  # no "to": read as a passive, not here
])
def test_seem_and_expected_without_a_view_do_not_fire(text):
    assert [a for a in atts(text) if a["source"] is None] == []


def test_a_sourceless_expectation_leaves_the_claim_unattributed():
    text = ("The interceptor is expected to cost 40 billion dollars and to be deployed in "
            "the mid-2030s, replacing the older system.")
    result = analyse(from_text(text, language="en"), config=Config())
    data = sourcing_dict(result.data, text)
    assert data["attributions"] and data["unattributed"]


@pytest.mark.parametrize("text,source,content", [
    ("Cory James, 22, of Flint, Mich., said he had not given up hope.",
     "Cory James, 22, of Flint, Mich.", "he had not given up hope"),
    ("Sen. Lindsey Graham, R-S.C., a presidential candidate, said the plan would fail.",
     "Sen. Lindsey Graham, R-S.C., a presidential candidate", "the plan would fail"),
    ("Donald Trump, the Republican candidate, has said there should be a ban.",
     "Donald Trump, the Republican candidate", "there should be a ban"),
    ("Prime Minister Benjamin Netanyahu, however, said he was moved by the announcement.",
     "Prime Minister Benjamin Netanyahu", "he was moved by the announcement"),  # an aside
])
def test_a_name_with_its_age_place_party_or_apposition_is_the_source(text, source, content):
    (att,) = outer(text)
    assert (att["source"]["text"], att["content"]["text"]) == (source, content)


@pytest.mark.parametrize("text", [
    "Trump, Cruz, Rubio and Kasich said nothing.",  # a list, and nothing reported
    "Kishida, who arrives on Thursday, will also emphasize the alliance.",  # not yet said
])
def test_a_list_or_a_future_is_not_an_apposition_source(text):
    assert atts(text) == []


def test_a_quote_before_said_of_is_what_was_said():
    (att,) = outer("“She just made it up,” he said of the claim during an interview.")
    assert att["content"]["text"].startswith("“She just made it up")


def test_a_trailing_according_to_vouches_for_the_last_piece():
    (att,) = outer("He lost in areas with many Mormons, who are a majority of the population "
                   "there, according to a 2015 survey.")
    assert att["content"]["text"] == "who are a majority of the population there"


def test_content_stops_at_a_second_cue_of_the_same_subject():
    found = outer("The senator said the bill was dead and said the vote would wait until May.")
    assert found[0]["content"]["text"] == "the bill was dead"


@pytest.mark.parametrize("text,first", [
    ("One in three said the party does not care and one in four said it was hostile.",
     "the party does not care"),
    ("While the director has said that he makes recommendations, his deputy said he does not.",
     "he makes recommendations"),
    ("The minister refused to name a date for the vote on the new budget, adding: “We will see.”",
     "to name a date for the vote on the new budget"),  # a participle and a colon
])
def test_content_stops_where_a_clause_with_its_own_source_begins(text, first):
    found = outer(text)
    assert len(found) == 2 and found[0]["content"]["text"] == first



@pytest.mark.parametrize("text", [
    "“We gave millions to charities,” Trump said late last week.",
    "“I did not come here to pander,” Trump said carefully, as the words rolled by.",
])
def test_a_quote_before_the_source_beats_a_time_or_manner_after_the_cue(text):
    (att,) = outer(text)
    assert att["content"]["text"].startswith("“") and att["content"]["text"].endswith(",”")


@pytest.mark.parametrize("text,first", [
    ("After the judge said that the students might do better at “less advanced schools,” "
     "the senator said: “I do not like it.”", "the students might do better at “less advanced "
     "schools,”"),
    ("While critics argue that trading prisoners encourages kidnapping, the president "
     "defends the trade.", "trading prisoners encourages kidnapping"),
])
def test_a_cue_in_a_fronted_clause_reports_up_to_its_comma(text, first):
    found = outer(text)
    assert found[0]["content"]["text"] == first
    assert all("“less" not in a["content"]["text"] for a in found[1:])


@pytest.mark.parametrize("text,source", [
    ("Here are some views.\n“The mayor must stop calling us gangsters.”― Carla Sanchez.\n\nMore",
     "Carla Sanchez"),
    ("He spoke.\n\n\"Americans are worried about the future of their kids.\"\n\n- Bernie Sanders."
     "\n\nThe senator left.", "Bernie Sanders"),
])
def test_a_quote_signed_with_a_dash_and_a_name_is_a_transcript(text, source):
    (att,) = outer(text)
    assert (att["kind"], att["source"]["text"]) == ("transcript", source)
    assert att["content"]["text"].strip("“”\"").startswith(("The mayor", "Americans"))


@pytest.mark.parametrize("text", [
    "“We will win this,” — and then he left the stage.",  # no name after the dash
    "“We will win this,” he said — Tuesday was a good day.",  # the dash follows the cue
])
def test_a_dash_after_a_quote_without_a_name_signs_nothing(text):
    assert [a for a in atts(text) if a["kind"] == "transcript"] == []


@pytest.mark.parametrize("text", [
    "Breakfast\nPortion Fix Containers: 1 Green, 1 Red, 1 Yellow, 2 tsp.\nLunch",  # a recipe
    "Disclaimer: The views and tips given by the experts on this page are their own.",
    "Summary: Three divers from the city placed in the top ten at the state meet.",
])
def test_a_field_label_is_no_speaker(text):
    """Must not fire: a line's label that names a field of the page, not a speaker."""
    assert [a for a in atts(text) if a["kind"] == "transcript"] == []


def test_a_reported_clause_stops_at_a_trailing_apposition():
    (att,) = outer("The director said she should face no charges, a recommendation the minister "
                   "adopted.")
    assert att["content"]["text"] == "she should face no charges"


def test_a_passive_view_is_its_subject_and_what_follows():
    (att,) = outer("While the platform is often ignored, the drafting process is seen as a way "
                   "to win.")
    assert att["content"]["text"].startswith("the drafting process")


def test_a_quote_goes_on_from_its_speaker_past_an_aside_in_the_cue_sentence():
    text = ('Neither man attacks her. "You make mistakes along the trail," Johnson said, '
            'referring to a town hall where he declined to criticize her. "If I had to do that '
            'over again, I would have said it."\n\nNext.')
    said = next(a for a in outer(text) if a["cue"]["text"] == "said")
    assert [s["text"][:12] for s in said["content_segments"]] == ['"You make mi', '"If I had to']


def test_a_quote_paragraph_after_a_reported_clause_is_an_attribution_of_its_own():
    text = ("Smith said the plan had failed the city in every way that mattered.\n\n"
            "“It was a mess from the first day, and everyone in this room knew it.”")
    found = outer(text)
    assert [(a["source"]["text"], a["content"]["text"]) for a in found] == [
        ("Smith", "the plan had failed the city in every way that mattered"),
        ("Smith", "“It was a mess from the first day, and everyone in this room knew it.”")]
    assert not any(a.get("content_segments") for a in found)


def test_a_clause_after_said_is_no_inverted_source_after_a_relative_clause():
    text = ("Ana Ruiz, 59, of Ashton, Md., who watched the ceremony on a screen, said the event "
            "brought back memories of her father.")
    assert all(a["source"] is None or "event" not in a["source"]["text"] for a in atts(text))


def test_a_raised_view_in_an_aside_ends_where_the_aside_closes():
    (att,) = atts("The system, which is expected to be deployed in the mid-2030s, will "
                  "transform missile defense for decades.")
    assert att["content"]["text"] == "which is expected to be deployed in the mid-2030s"


def test_a_name_cut_by_the_cue_window_is_not_taken_for_one_opening_the_clause():
    text = ("After months of talks in the capital the delegation finally agreed to meet the "
            "Greater Springfield Regional Transit Authority Board Of Directors Chairman Robert "
            "Allan Lee Junior Esquire Of The Eastern District Planning Commission, 55, of "
            "Flint, said the plan was dead.")
    assert all(a["source"] is None or a["source"]["text"].startswith("Greater")
               for a in atts(text))


def test_a_fronted_clause_keeps_its_single_quote_closed():
    text = ("After the judge said that the students might do better at 'less advanced "
            "schools,' the senator said: “We will not stand for it in this state.”")
    first = atts(text)[0]
    assert first["content"]["text"].endswith("'less advanced schools,'")


@pytest.mark.parametrize("name,source", [
    ("Bob Lee.", "Bob Lee"), ("Carla Sanchez.", "Carla Sanchez"), ("Bob Lee Jr.", "Bob Lee Jr."),
])
def test_a_dash_signed_quote_drops_the_sentences_full_stop_not_an_abbreviations(name, source):
    (att,) = atts(f"“We deserve a better deal than this one.” ― {name}")
    assert att["source"]["text"] == source


@pytest.mark.parametrize("text,content", [
    ("The mayor defended the budget, recalling that the city had cut taxes twice.",
     "the city had cut taxes twice"),
    ("The mayor defended the budget, emphasizing that the schools would get more money.",
     "the schools would get more money"),
    ("The minister closed the meeting, reiterating that the tax would not rise.",
     "the tax would not rise"),
])
def test_a_reporting_participle_after_a_comma_reports_for_the_subject(text, content):
    speech = [a for a in atts(text) if a["kind"] == "speech"]
    assert [a["content"]["text"] for a in speech] == [content]
    assert speech[0]["source"]["text"] in ("The mayor", "The minister")


@pytest.mark.parametrize("text", [
    "The mayor spent the morning recalling old friends at the school reunion.",
    "Recalling the storm, the town rebuilt the harbor wall.",
])
def test_a_reporting_participle_without_a_report_does_not_fire(text):
    assert atts(text) == []


@pytest.mark.parametrize("text,source", [
    ("Cruz reboots his attacks on Trump in New Hampshire.", "Cruz"),
    ("Maria Lopez on Thursday ratcheted up her attacks on the mayor and the council.",
     "Maria Lopez"),
    ("The senator has toned down his criticism of the trade deal.", "The senator"),
    ("The campaign on Monday doubled down on its attacks on the mayor.", "The campaign"),
])
def test_owned_noun_renewed_by_its_subject_is_the_subjects(text, source):
    """"X reboots his attacks on": the pronoun only repeats the verb's subject."""
    (att,) = [a for a in outer(text) if a["form"] == "nominal"]
    assert att["source"]["text"] == source and att["source_type"] != "pronoun"


@pytest.mark.parametrize("text,source", [
    ("Voters welcomed his criticism of the deal with Iran.", "his"),  # not theirs
    ("His attacks on billionaire financiers have elevated money in politics.", "His"),
    ("She has been merciless in her attacks on the mayor and the council.", "her"),
    ("The committee voted on his proposal to cut taxes for small firms.", "his"),
])
def test_owned_noun_keeps_its_pronoun(text, source):
    (att,) = [a for a in atts(text) if a["form"] == "nominal"]
    assert att["source"]["text"] == source and att["source_type"] == "pronoun"


@pytest.mark.parametrize("text,source,content", [
    ("“The bridge will open in May,” the mayor continued. “The crews have done well.”",
     "the mayor", "“The bridge will open in May,”"),
    ("The mayor continued, “The crews have done well and the bridge will open.”",
     "The mayor", "“The crews have done well and the bridge will open.”"),
    ("“In May, if the weather holds,” the mayor answered.", "the mayor",
     "“In May, if the weather holds,”"),
])
def test_continued_reports_the_quote_it_closes_or_opens(text, source, content):
    att = outer(text)[0]
    first = (att.get("content_segments") or [att["content"]])[0]
    assert (att["source"]["text"], first["text"]) == (source, content)


@pytest.mark.parametrize("text", [
    "Prices continued to rise through the winter as the harbor stayed closed.",
    "The mayor continued the tradition of a spring parade through the old town.",
    "The strike continued, and the harbor stayed closed for most of the winter.",
    "The mayor answered questions from the crowd for most of the long afternoon.",
])
def test_continued_without_a_quote_does_not_fire(text):
    assert atts(text) == []


@pytest.mark.parametrize("text,source,content", [
    ("The council voted on Monday, with the mayor calling the plan “a disgrace to the city.”",
     "the mayor", "the plan “a disgrace to the city.”"),
    ("The mayor went after the governor, calling him “a total failure on the budget.”",
     "The mayor", "him “a total failure on the budget.”"),
])
def test_calling_an_object_a_name_reports_for_its_subject(text, source, content):
    (att,) = [a for a in outer(text) if a["cue"]["text"] == "calling"]
    assert (att["source"]["text"], att["content"]["text"]) == (source, content)


@pytest.mark.parametrize("text", [
    "Residents calling the hotline on Monday waited for most of the afternoon.",
    "The mayor left the hall early, calling him back from the car after the meeting.",
])
def test_calling_without_a_name_given_does_not_fire(text):
    assert [a for a in atts(text) if a["cue"]["text"] == "calling"] == []


@pytest.mark.parametrize("text,question", [
    ("Asked on Monday whether the bridge would open in May, the mayor said it would.",
     "whether the bridge would open in May"),
    ("When asked about the cost of the new bridge, the mayor said it was fair.",
     "about the cost of the new bridge"),
    ("“It was a fair price,” the mayor said when asked about the cost of the bridge.",
     "about the cost of the bridge"),
    ("At the hearing, the mayor was asked whether the bridge would open in May.",
     "whether the bridge would open in May"),
    ("The mayor was asked, “Will the bridge open in May?” She said it would.",
     "“Will the bridge open in May?”"),
])
def test_a_reporters_question_after_when_or_an_adverbial_is_the_askers(text, question):
    questions = [a for a in atts(text) if a["form"] == "question"]
    assert [(a["source"], a["content"]["text"]) for a in questions] == [(None, question)]


@pytest.mark.parametrize("text", [
    "When asked, the mayor declined to give a date for the opening of the bridge.",
    "The questions asked at the meeting were short and the answers were shorter.",
    "The mayor was asked back for a second term by a wide margin of the voters.",
])
def test_asked_without_a_question_is_no_reporters_question(text):
    assert [a for a in atts(text) if a["form"] == "question"] == []


def test_asked_someone_whether_is_the_question_without_the_addressee():
    (att,) = atts("The mayor asked the council whether the bridge would open in May.")
    assert att["content"]["text"] == "whether the bridge would open in May"


def test_a_fronted_clause_after_a_short_lead_reports_up_to_its_comma():
    text = ("Last month, when the mayor asked the council whether the bridge would open, the "
            "engineers looked away and said nothing.")
    (att,) = [a for a in atts(text) if a["cue"]["text"] == "asked"]
    assert att["content"]["text"] == "whether the bridge would open"


def test_a_reporters_question_in_an_aside_leaves_the_source_before_it():
    text = ("The mayor, when asked whether the bridge would open in May, said the crews "
            "were ahead of schedule.")
    found = [(a["source"] and a["source"]["text"], a["content"]["text"]) for a in atts(text)]
    assert found == [(None, "whether the bridge would open in May"),
                     ("The mayor", "the crews were ahead of schedule")]


def test_a_poll_released_on_a_day_reports_the_finding_it_opens():
    (att,) = atts("In a Gallup poll released Monday, 52 percent of voters chose the new bridge.")
    assert (att["source"]["text"], att["content"]["text"], att["kind"]) == (
        "a Gallup poll released Monday", "52 percent of voters chose the new bridge", "document")


@pytest.mark.parametrize("text", [
    "Volunteers who worked in the poll taken by the club knocked on doors all weekend.",
    "In poll numbers released Monday, the mayor found little comfort for her campaign.",
])
def test_a_poll_without_a_finding_reports_nothing(text):
    assert [a for a in atts(text) if a["kind"] == "document"] == []


def test_more_than_a_figure_is_a_quantity_that_reports():
    text = ("Most voters said they were worried about the economy, and more than 4 in 10 said "
            "the mayor would handle it best.")
    assert [(a["source"]["text"], a["content"]["text"]) for a in atts(text)] == [
        ("Most voters", "they were worried about the economy"),
        ("more than 4 in 10", "the mayor would handle it best")]


def test_a_comparison_with_than_is_no_source():
    assert atts("The plan is more complicated than 3 engineers said in their report.") == []


@pytest.mark.parametrize("text,source", [
    ("Pollsters agree - Carl Bialik: “Keep on contacting voters as late as you can.”",
     "Carl Bialik"),
    ("The turnout surprised few. More from Jones: “The partisanship of the state is a start.”",
     "Jones"),
])
def test_a_name_and_a_colon_before_a_quote_inside_a_line_is_its_speaker(text, source):
    (att,) = atts(text)
    assert (att["source"]["text"], att["kind"], att["direct"]) == (source, "transcript", True)
    assert att["content"]["text"].startswith("“")


@pytest.mark.parametrize("text,source", [
    ("The mayor told the Daily Herald: “The bridge will open in May this year.”", "The mayor"),
    ("The police screamed at Keith Scott: “Drop the gun right now, drop it!”", None),
    ("The group took its name from a verse of the Quran: “To save a life is to save all.”",
     None),
    ("The sign went up on the bridge on Monday: “No entry for anyone after dark.”", None),
])
def test_a_name_before_a_colon_that_is_no_speaker_is_not_taken(text, source):
    assert [a["source"]["text"] for a in atts(text) if a["source"]] == \
        ([source] if source else [])


@pytest.mark.parametrize("text,source,content", [
    ("The poll found the mayor ahead, with 52 percent of voters saying she should stay.",
     "52 percent of voters", "she should stay"),
    ("Many stayed home, three in 10 saying the race did not matter to them.",
     "three in 10", "the race did not matter to them"),
    ("The governor trailed, with 22 percent saying they would not back him, the mayor at 20.",
     "22 percent", "they would not back him"),
    ("Many stayed home, a fifth of them saying the race did not matter to them.",
     "a fifth of them", "the race did not matter to them"),
])
def test_a_share_of_people_saying_reports_for_that_share(text, source, content):
    (att,) = [a for a in atts(text) if a["cue"]["text"] == "saying"]
    assert (att["source"]["text"], att["content"]["text"]) == (source, content)


def test_people_saying_prayers_report_nothing():
    assert atts("Two boys saying their prayers knelt by the old bridge in the rain.") == []


@pytest.mark.parametrize("text,source,stype", [
    ("She was leading in the north, according to campaign arithmetic.",
     "campaign arithmetic", "vague"),
    ("The mayor trails by 4 points, according to HuffPost Pollster’s polling average.",
     "HuffPost Pollster’s polling average", "document"),
])
def test_whatever_according_to_names_is_a_source(text, source, stype):
    (att,) = atts(text)
    assert (att["source"]["text"], att["source_type"]) == (source, stype)


@pytest.mark.parametrize("text", [
    "The repairs to the old bridge went ahead according to plan.",
    "She was leading in the north, according to complete but unofficial returns.",
])
def test_according_to_no_whole_noun_phrase_names_no_source(text):
    assert atts(text) == []


def test_says_if_reports_a_condition_and_what_follows_it():
    (att,) = atts("The mayor says if the money comes through, the bridge will open in May.")
    assert att["content"]["text"] == "if the money comes through, the bridge will open in May"


@pytest.mark.parametrize("text", [
    "The mayor would not say if the bridge would open in May or in June.",
    "The mayor did not say whether the bridge would open in May or in June.",
])
def test_not_saying_if_or_whether_reports_nothing(text):
    assert atts(text) == []


def test_told_after_a_question_quote_reports_the_quote_not_the_addressee():
    text = "“Who would ever build it there, who knows?” Lopez told the Daily Herald on Monday."
    (att,) = atts(text)
    assert (att["source"]["text"], att["content"]["text"]) == (
        "Lopez", "“Who would ever build it there, who knows?”")


def test_a_source_with_an_aside_between_dashes():
    (att,) = atts("Maria Lopez — a teacher from the old town — says she will vote for the bridge.")
    assert (att["source"]["text"], att["content"]["text"]) == (
        "Maria Lopez — a teacher from the old town", "she will vote for the bridge")


def test_a_phrase_inside_a_clause_before_dashes_is_no_source():
    assert atts("After the vote — held late on Monday — said the count was wrong.") == []


def test_and_told_them_that_reports_for_the_sentences_subject():
    (att,) = atts("The mayor greeted the crowd at the harbor and told them that the bridge "
                  "would open in May.")
    assert (att["source"]["text"], att["content"]["text"]) == (
        "The mayor", "the bridge would open in May")


def test_and_told_them_of_reports_nothing():
    assert atts("The mayor greeted the crowd and told them of her plans for the bridge.") == []


@pytest.mark.parametrize("text,content", [
    ("The mayor said at least 40 people were hurt in the storm.",
     "at least 40 people were hurt in the storm"),
    ("The mayor said about 40 people were hurt in the storm.",
     "about 40 people were hurt in the storm"),
    ("“We will rebuild the whole harbor,” the mayor said about the storm on Monday.",
     "“We will rebuild the whole harbor,”"),  # what it was said of, not what was said
])
def test_a_figure_after_the_cue_is_what_was_said_not_where(text, content):
    (att,) = atts(text)
    assert att["content"]["text"] == content


def test_wrote_to_an_addressee_that_reports_the_clause():
    (att,) = atts("The council wrote to the mayor’s office that the bridge would not open.")
    assert (att["source"]["text"], att["content"]["text"]) == (
        "The council", "the bridge would not open")


@pytest.mark.parametrize("text", [
    "The mayor wrote to the council on Monday about the harbor.",
    "The mayor listened to the council that met on Monday.",
])
def test_to_without_that_reports_nothing(text):
    assert atts(text) == []


def test_a_reported_clause_stops_at_however():
    (att,) = atts("Last year 47 percent said they would vote for the mayor, however this year "
                  "that number has dropped to 35 percent.")
    assert att["content"]["text"] == "they would vote for the mayor"


def test_a_comma_inside_a_quote_does_not_end_a_raised_view():
    (att,) = outer("The senator is expected to vote for the “bold, and costly” bill on Monday.")
    assert att["content"]["text"].endswith("bill on Monday")


@pytest.mark.parametrize("text,segments", [
    # a quote in two-apostrophe marks goes on after the cue's sentence ends on one
    ("''We will win the vote,'' Smith said on ''This Week.'' ''Nobody in this room doubts "
     "it, and nobody should.''",
     ["''We will win the vote,''", "''Nobody in this room doubts it, and nobody should.''"]),
    # a sentence led into its quote by a few words and a comma goes on with the quote
    ("“We will win the vote,” Smith said. Unless the others quit, “it is very hard to see how "
     "we lose it.”",
     ["“We will win the vote,”", "Unless the others quit, “it is very hard to see how we lose "
      "it.”"]),
])
def test_quote_goes_on_in_the_next_sentence(text, segments):
    said = next(a for a in outer(text) if a["cue"] and a["cue"]["text"] == "said")
    assert [s["text"] for s in said["content_segments"]] == segments


@pytest.mark.parametrize("text", [
    # the next sentence's lead has no comma: the writer's words around a phrase quoted
    "“We will win the vote,” Smith said. The plan makes her “a trustworthy and reliable person "
    "in every way.”",
    # the lead is long: the writer's account, not a quote going on
    "“We will win the vote,” Smith said. After the meeting ended and the doors closed on the "
    "last of the reporters and aides, “the room was quiet.”",
])
def test_writer_sentence_with_a_quote_is_not_carried(text):
    said = next(a for a in outer(text) if a["cue"] and a["cue"]["text"] == "said")
    assert not said.get("content_segments") or len(said["content_segments"]) == 1



def test_quote_on_the_next_line_goes_on_from_the_quote_before():
    text = ("“We will win the vote,” Smith said.\n“Nobody in this room doubts it, and nobody "
            "should.”")
    said = next(a for a in outer(text) if a["cue"] and a["cue"]["text"] == "said")
    assert [s["text"] for s in said["content_segments"]] == [
        "“We will win the vote,”", "“Nobody in this room doubts it, and nobody should.”"]


def test_quote_on_the_next_line_after_a_reported_clause_is_not_carried():
    text = "Smith said the vote would pass.\n“Nobody in this room doubts it, and nobody should.”"
    said = next(a for a in outer(text) if a["cue"] and a["cue"]["text"] == "said")
    assert said["content"]["text"] == "the vote would pass"
    assert not said.get("content_segments")


@pytest.mark.parametrize("text,segments", [
    # the clause goes on past an inverted source and its apposition with its verb
    ("Any reading of the ruling, said Michael Kofman, an expert on Russia at the center, "
     "would see it as a public admission of defeat.",
     ["Any reading of the ruling", "would see it as a public admission of defeat"]),
    ("Any reading of the ruling, said Smith, would be badly wrong.",
     ["Any reading of the ruling", "would be badly wrong"]),
    # a relative clause after the source is the writer's, about the source
    ("The bill passed easily, said Smith, a Democrat, who had voted for it.",
     ["The bill passed easily"]),
    ("The bill passed easily, said Smith, who had voted for it.", ["The bill passed easily"]),
])
def test_clause_goes_on_past_an_inverted_source(text, segments):
    said = next(a for a in outer(text) if a["cue"]["text"] == "said")
    assert [s["text"] for s in said.get("content_segments") or [said["content"]]] == segments


@pytest.mark.parametrize("text,first,last", [
    # the clause goes on past a cue set off by commas with its occasion
    ("The plan, the mayor said on Monday, will cost far more than expected.", "The plan",
     "will cost far more than expected"),
    ("The tool was built for crises, a spokeswoman said on Saturday, and it has been used five "
     "times.", "The tool was built for crises", "and it has been used five times"),
])
def test_clause_goes_on_past_a_cue_and_its_occasion(text, first, last):
    (att,) = outer(text)
    segments = [s["text"] for s in att["content_segments"]]
    assert segments[0] == first and segments[-1].endswith(last)


@pytest.mark.parametrize("text", [
    # a clause of its own after the occasion: the aside does not close on the comma
    "The plan failed, the mayor said in a statement that he released, and he resigned.",
    "The plan failed, the mayor said in March.",
    # an occasion clause after the comma says when, not more of what was said
    "The plan failed, the mayor said on Tuesday, as the council met to discuss the budget.",
])
def test_cue_and_occasion_closing_the_sentence_report_what_came_before(text):
    (att,) = outer(text)
    assert att["content"]["text"] == "The plan failed" and not att.get("content_segments")


@pytest.mark.parametrize("text,segments", [
    # a clause around its cue keeps all of its second half, not only a phrase quoted in it
    ("Loyalty, he noted, has long been a core tenet of the party and keeps its “old guard” "
     "engaged.", ["Loyalty", "has long been a core tenet of the party and keeps its “old guard” "
                  "engaged"]),
    # after a quote's first half, the second half is the quote the words lead into
    ("“We will win the vote,” said Smith, the party's leader, “and nobody doubts it.”",
     ["“We will win the vote,”", "“and nobody doubts it.”"]),
])
def test_second_half_opens_a_quote_only_after_a_quote(text, segments):
    (att,) = outer(text)
    assert [s["text"] for s in att["content_segments"]] == segments


def test_quote_goes_on_with_a_that_clause_after_its_cue():
    text = "“It is our bad luck,” he said, that both men had ties to this little mosque."
    (att,) = outer(text)
    assert [s["text"] for s in att["content_segments"]] == [
        "“It is our bad luck,”", "that both men had ties to this little mosque"]


def test_that_as_a_subject_after_the_cue_is_not_more_of_the_quote():
    (att,) = outer("“We will win the vote,” she said, that is all there is to it.")
    assert att["content"]["text"] == "“We will win the vote,”"


@pytest.mark.parametrize("text,said", [
    ("The mayor was asked if the bridge would open in May and said it would open in June.",
     "it would open in June"),
    ("The mayor was asked whether the bridge would open and told reporters that it would "
     "open in June.",
     "it would open in June"),
])
def test_an_answer_after_a_question_with_no_comma_is_still_read(text, said):
    # review s6-rev2: a lowercase "asked" with no comma after its question took the rest of
    # the sentence as the question and dropped the answer's cue
    assert said in [a["content"]["text"] for a in atts(text) if a["form"] != "question"]


@pytest.mark.parametrize("text,name,cue,content", [
    ("The mayor met business leaders who say the new law is unfair.", "business leaders",
     "say", "the new law is unfair"),
    ("The council heard from residents who believe the plant is unsafe.", "residents",
     "believe", "the plant is unsafe"),
    ("It was Mr. Gray who had argued for a new name for the party.", "Mr. Gray",
     "argued for", "a new name for the party"),  # a cleft: the clause is what is said
])
def test_restrictive_relative_clause_reports_with_who_as_its_source(text, name, cue, content):
    """"officials who said ...": the relative clause's own verb reports; its source as
    written is "who" (as PolNeAR marks it), resolved to the antecedent."""
    (att,) = [a for a in outer(text) if a["cue"]["text"] == cue]
    assert att["source"]["text"] == "who" and att["resolved_source"] == name
    assert att["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "He thanked the voters who backed the mayor.",  # which voters: no report
    "Support fell from the 40 percent who agreed.",  # nothing after the verb
    "The senator, who was widely quoted by reporters, left early.",  # a passive
])
def test_restrictive_relative_clause_without_a_report(text):
    assert outer(text) == []


def test_relative_clause_in_a_source_does_not_hide_the_main_cue():
    found = outer("Mr. Gray, a farmer who says the tax is unfair, said he would vote.")
    assert [(a["cue"]["text"], a["content"]["text"]) for a in found] == [
        ("says", "the tax is unfair"), ("said", "he would vote")]


@pytest.mark.parametrize("text,content", [
    ("The governor touted the new bridge at a rally.", "the new bridge"),
    ("Clinton touts her plan to invest in roads.", "her plan to invest in roads"),
])
def test_touting_is_a_stance_on_its_object(text, content):
    (att,) = outer(text)
    assert att["cue"]["text"].startswith("tout") and att["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "The much-touted plan failed in the Senate.",
    "A plan touted as a cure failed.",
    "The touted savings never came.",
])
def test_touted_as_an_adjective_reports_nothing(text):
    assert outer(text) == []


@pytest.mark.parametrize("text,source,content", [
    ("The mayor quickly issued a reply, saying the bridge was safe.", "The mayor",
     "the bridge was safe"),  # an adverb between the subject and its verb
    ("Lopez gave a defense of “local values,” saying the town had been ignored.", "Lopez",
     "the town had been ignored"),  # the comma before the participle inside the quote
])
def test_participle_shares_the_sentence_subject(text, source, content):
    (att,) = [a for a in outer(text) if a["cue"]["text"] == "saying"]
    assert att["source"]["text"] == source and att["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "The mayor quickly issued a reply, saying nothing.",  # nothing reported
    "“We will win,” saying so, he left.",  # no subject before the participle
    "Lopez praised “local values” saying songs of the town.",  # no comma: no clause joined
])
def test_participle_without_a_shared_subject(text):
    assert not [a for a in outer(text) if a["cue"]["text"] == "saying"]


def test_a_nested_content_ends_where_the_content_holding_it_ends():
    """A passive report inside another's content stops with it: not "..., the Post
    reported"."""
    text = ("The company will announce the terms later on Friday, but investors have been "
            "told the price is likely to be the final one, the Post reported.")
    found = atts(text)
    (outer_att,) = [a for a in found if a["nested_in"] is None]
    (inner,) = [a for a in found if a["nested_in"] is not None]
    assert outer_att["source"]["text"] == "the Post"
    assert inner["content"]["text"] == "the price is likely to be the final one"


@pytest.mark.parametrize("text,described,named", [
    ("The state-run Xinhua News Agency reported on Monday that a hunter fell ill. The news "
     "agency said the patient was in a stable condition.", "The news agency",
     "The state-run Xinhua News Agency"),
    ("Acme Industries said on Friday it would cut 400 jobs this year. The company said the cuts "
     "would begin next week.", "The company", "Acme Industries"),
])
def test_a_description_of_an_organization_named_before_names_it(text, described, named):
    found = outer(text)
    att = next(a for a in found if a["source"]["text"] == described)
    assert att["resolved_source"] == named
    result = analyse(from_text(text, language="en"), config=Config())
    assert sourcing_dict(result.data, text)["counts"]["distinct_sources"] == 1


@pytest.mark.parametrize("text", [
    # a company after an agency: "the company" is not the agency
    "The Federal Aviation Agency said on Monday the jet was safe. The company said it agreed.",
    # nothing named before it
    "The agency said on Monday that the rocket would fly again before the end of the year.",
])
def test_a_description_with_no_fitting_name_before_it_stays_as_written(text):
    assert all(a.get("resolved_source") is None for a in outer(text))


@pytest.mark.parametrize("text,source,stype", [
    ("Apple Inc. said on Friday that it would cut 400 jobs this year.", "Apple Inc.",
     "organization"),
    ("John Smith Jr. said the plan would fail within a year.", "John Smith Jr.", "person"),
    ("Officials at the U.N. said the aid would arrive on Monday.", "Officials at the U.N.",
     "unnamed"),
])
def test_a_name_ending_in_an_abbreviation_is_a_source(text, source, stype):
    (att,) = outer(text)
    assert (att["source"]["text"], att["source_type"]) == (source, stype)


def test_a_state_abbreviation_is_no_source():
    """Must not fire: "Mich." ends a place, not a name."""
    text = "Workers at the plant in Lansing, Mich. said they would strike on Monday."
    assert all(a["source"] is None or a["source"]["text"] != "Mich."
               for a in atts(text))


@pytest.mark.parametrize("text,content", [
    ("The mayor told reporters the bridge would reopen in May.",
     "the bridge would reopen in May"),
    ("The mayor told the Post the plan was dead after the vote.",
     "the plan was dead after the vote"),
    ("The governor warned lawmakers that the budget would run out in June.",
     "the budget would run out in June"),
])
def test_the_one_addressed_is_not_what_was_said(text, content):
    (att,) = outer(text)
    assert att["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "He told the story of the bridge that was built in May last year.",
    "Critics railed against loopholes that benefit the richest families in the state.",
])
def test_a_relative_that_after_an_object_is_not_what_was_said(text):
    """Must not fire: the clause after "that" tells of the object, it is not reported."""
    assert all(not a["content"]["text"].startswith(("was built", "benefit"))
               for a in atts(text))


# Sources an editor would see as wrong: each must-fire sentence names the right source, each
# must-not-fire sentence yields no attribution with the garbage source.

def sources(text: str) -> list[str]:
    return [a["source"]["text"] for a in atts(text) if a["source"]]


@pytest.mark.parametrize("text,source", [
    ("Peru's ambassador to Chile accused the miners of polluting the river near the border.",
     "Peru's ambassador to Chile"),
    ("The former envoy to the region Anna Berg testified that the aid had been held up.",
     "The former envoy to the region Anna Berg"),
    ("An adviser to the mayor said the budget would be cut by a tenth next year.",
     "An adviser to the mayor"),
])
def test_role_noun_keeps_its_to_phrase(text, source):
    assert source in sources(text)


@pytest.mark.parametrize("text", [
    "The crowd went to Lisbon said to be the best city for a long weekend of music.",
    "She gave the award to Paulo who said the jury had been very generous this year.",
])
def test_to_still_ends_a_source_after_other_words(text):
    assert not any(" to " in s for s in sources(text))


@pytest.mark.parametrize("text,source", [
    ("OSLO -- The fishing board says the quota for cod will be cut again next spring.",
     "The fishing board"),
    ("The Council - which calls the plan reckless and has opposed the mayor for years - "
     "said the vote must be delayed.", "The Council"),
    ("Mayor Ruth Olsen — whose mother also ran the city for a decade — said the bridge "
     "would be rebuilt.", "Mayor Ruth Olsen"),
])
def test_dashes_do_not_enter_a_source(text, source):
    found = sources(text)
    assert source in found and not any("-" in s or "—" in s for s in found)


def test_dashed_apposition_still_names_the_source():
    text = "Ole Brun — a ferry captain from Bergen — says the fog has never been this thick."
    assert sources(text) == ["Ole Brun — a ferry captain from Bergen"]


@pytest.mark.parametrize("text,source", [
    ("The head of the agency said the plan would be ready by the end of the year.",
     "The head of the agency"),
    ("Officials at the ministry said the plan would be ready by the end of the year.",
     "Officials at the ministry"),
    ("Tokyo and the EU said the plan would be ready by the end of the year.",
     "Tokyo and the EU"),
])
def test_the_after_a_preposition_or_and_stays_in_the_source(text, source):
    assert source in sources(text)


@pytest.mark.parametrize("text", [
    "CAIRO: The storm closed the harbour for three days and sank two boats.\n",
    "DEAR ANNA: My neighbour keeps parking his van across my gate every night.\n",
])
def test_datelines_and_letter_salutations_are_no_labels(text):
    assert sources(text) == []


def test_a_speaker_label_still_reads():
    text = "BRUN: We will keep the ferry running all winter long.\n"
    assert sources(text) == ["BRUN"]


def test_a_heading_run_into_its_first_line_is_not_the_source():
    text = "Summary Studies show that walking daily can lower blood pressure in older adults."
    assert sources(text) == ["Studies"]


def test_an_adverb_alone_is_no_source():
    text = "Regardless, take any cough that lasts a month seriously and see a doctor."
    assert sources(text) == []



@pytest.mark.parametrize("text", [
    "Better still, they’re focused on their members and on their savings.",
    "As I'll show later, the ferries run on a timetable set in the spring.",
    "I’m sure the vote went the right way in the end for the town.",
])
def test_pronoun_with_are_am_or_will_is_no_source(text):
    assert sources(text) == []


@pytest.mark.parametrize("text,source", [
    ("They’ve said the ferry will run all winter long this year.", "They’ve"),
])
def test_pronoun_with_have_or_has_still_reports(text, source):
    assert sources(text) == [source]


@pytest.mark.parametrize("text,source,content", [
    ("“Never,” the mayor replied.", "the mayor", "“Never,”"),
    ("The crowd was quiet. “Absolutely,” she added.", "she", "“Absolutely,”"),
])
def test_a_one_word_quote_before_its_cue_is_reported(text, source, content):
    (att,) = outer(text)
    assert att["source"]["text"] == source and att["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "He called the idea “silly,” and left.",  # a one-word quote with no cue
    "Lopez praised the “silly” plan, the mayor said on Monday.",  # inside the clause said
])
def test_a_one_word_quote_without_a_cue_of_its_own_stays_unreported(text):
    assert not [a for a in outer(text) if a["content"]["text"] in ("“silly,”", "“silly”")]


@pytest.mark.parametrize("text,content", [
    ("Asked whether he would run again, the mayor said, “Probably.”", "“Probably.”"),
    ("Asked about the bridge, the mayor said, “Not yet.”", "“Not yet.”"),
    ("The mayor said “yes.”", "“yes.”"),
])
def test_a_short_quote_after_its_cue_is_what_was_said(text, content):
    (att,) = [a for a in outer(text) if a["cue"]["text"] == "said"]
    assert att["content"]["text"] == content


@pytest.mark.parametrize("text", [
    "The mayor said it.",  # one word after the cue, no quote: nothing said
    "The mayor said so.",
])
def test_a_short_non_quote_after_a_cue_is_not_what_was_said(text):
    assert not [a for a in outer(text) if a["cue"]["text"] == "said"]


@pytest.mark.parametrize("text,source", [
    ("“The bridge stays open,” the mayor told guests as she left the hall.", "the mayor"),
    ("“The bridge stays open,” the mayor joked with guests after the dinner.", "the mayor"),
    ("“The bridge stays open,” the mayor insisted to the crowd.", "the mayor"),
    ("“The bridge stays open,” she argued to the board on Monday, citing the budget.", "she"),
])
def test_a_quote_before_its_cue_wins_over_an_addressee_or_occasion_after_it(text, source):
    (att,) = [a for a in outer(text) if a["source"]["text"] == source
              and a["cue"]["text"] != "citing"]
    assert att["content"]["text"] == "“The bridge stays open,”"


@pytest.mark.parametrize("text,content", [
    ("“Listen,” the mayor told guests she would run again.", "she would run again"),
    ("The mayor insisted to the crowd that the bridge stays open.", "the bridge stays open"),
])
def test_a_clause_after_an_addressee_is_still_what_was_told(text, content):
    assert content in [a["content"]["text"] for a in outer(text)]


@pytest.mark.parametrize("text,source", [
    ("“The bridge stays open,” wrote one commenter.", "one commenter"),
    ("“The bridge stays open,” wrote a reader from Ohio.", "a reader from Ohio"),
])
def test_an_unnamed_source_after_an_inverted_cue_and_a_quote(text, source):
    (att,) = outer(text)
    assert att["source"]["text"] == source and att["source_type"] == "unnamed"
    assert att["content"]["text"] == "“The bridge stays open,”"


def test_an_unknown_noun_after_an_inverted_cue_needs_a_quote_before_it():
    assert outer("The bridge stays open, wrote one commenter.") == []


@pytest.mark.parametrize("text,content", [
    ("Smith also said that the Herald, a weekly paper, has done an “awful” job.",
     "the Herald, a weekly paper, has done an “awful” job"),
    ("Smith said the bridge, a relic of the 1920s, was unsafe.",
     "the bridge, a relic of the 1920s, was unsafe"),
])
def test_an_apposition_after_the_subject_of_what_was_said_does_not_end_it(text, content):
    (att,) = outer(text)
    assert att["content"]["text"] == content


@pytest.mark.parametrize("text,content", [
    ("Smith said that the plan would fail, a view shared by many, and left.",
     "the plan would fail"),  # a gloss on the whole clause, no verb after it
    ("Smith said that the long plan of the city would fail, a view many share, is odd.",
     "the long plan of the city would fail"),  # not a short subject
])
def test_an_apposition_after_a_clause_still_ends_it(text, content):
    assert content in [a["content"]["text"] for a in outer(text)]


def test_a_clause_begun_with_that_does_not_jump_to_the_next_paragraphs_quote():
    text = "The mayor also said that Jones, the clerk.\n\n“The bridge stays open,” she said."
    assert [a["content"]["text"] for a in outer(text) if a["source"]["text"] == "The mayor"] \
        == ["Jones, the clerk"]


def test_a_cue_ending_its_paragraph_still_takes_the_quote_that_follows():
    text = "The mayor said on Monday:\n\n“The bridge stays open for now.”"
    (att,) = outer(text)
    assert att["content"]["text"] == "“The bridge stays open for now.”"


def test_a_quote_ending_its_own_sentence_wins_over_an_occasion_after_the_cue():
    text = "“The bridge stays open!” the mayor said as she cut the ribbon."
    (att,) = outer(text)
    assert att["content"]["text"] == "“The bridge stays open!”"


def test_a_quote_ending_its_own_sentence_leaves_a_clause_after_the_cue():
    text = "“The bridge stays open!” The mayor said that the vote was close."
    assert [a["content"]["text"] for a in outer(text)] == ["the vote was close"]


@pytest.mark.parametrize("text,content", [
    ("“Is the bridge open?” the mayor asks as a clerk walks in.", "“Is the bridge open?”"),
    ("“Open the bridge!” the mayor pleaded with the board.", "“Open the bridge!”"),
])
def test_a_question_or_exclamation_before_its_cue_wins_over_words_after_it(text, content):
    (att,) = outer(text)
    assert att["content"]["text"] == content


def test_a_statement_ending_its_sentence_leaves_an_addressee_cue_unread():
    assert outer("“The bridge is open.” The mayor pleaded with the board.") == []


@pytest.mark.parametrize("text,cue,content", [
    ("The mayor laughed and said, “We’ll see.”", "said", "“We’ll see.”"),
    ("The mayor ended her speech by saying “Thank you.”", "saying", "“Thank you.”"),
])
def test_a_short_quote_after_a_cue_sharing_its_subject(text, cue, content):
    (att,) = [a for a in outer(text) if a["cue"]["text"] == cue]
    assert att["content"]["text"] == content


def test_a_short_clause_after_a_cue_sharing_its_subject_is_not_reported():
    assert not [a for a in outer("The mayor laughed and said so.") if a["cue"]["text"] == "said"]


@pytest.mark.parametrize("text,source,content", [
    ("Older drivers were slightly more likely to say the toll was too high.",
     "Older drivers", "the toll was too high"),
    ("Farmers are less likely to say that the new bridge helps them.",
     "Farmers", "the new bridge helps them"),
])
def test_more_likely_to_say_reports_with_the_subject_as_source(text, source, content):
    (att,) = outer(text)
    assert (att["source"]["text"], att["cue"]["text"], att["content"]["text"]) == (
        source, "say", content)


@pytest.mark.parametrize("text", [
    "The mayor is likely to say no.",
    "The likely to say crowd cheered at the bridge.",
    "The clerk went to say goodbye to the board.",
])
def test_likely_to_say_without_a_clause_or_a_subject_reports_nothing(text):
    assert outer(text) == []

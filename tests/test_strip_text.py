"""Text-page stripping: every seed line gets its gold role; spans, offsets and run-ins."""

from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.model import KEPT_ROLES, ROLES
from audit.report import provenance_dict
from audit.strip import furniture, textroles
from audit.strip.furniture import furniture_role
from audit.strip.text import split_run_ins, strip_text

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "seeds.gold.json").read_text(encoding="utf8"))
ARTICLES = GOLD["articles"]


def _gold_roles(article: dict) -> dict[int, str]:
    return {line: role for role, lines in article["roles"].items() for line in lines}


@pytest.mark.parametrize("article", ARTICLES, ids=[a["file"][:3] for a in ARTICLES])
def test_every_seed_line_has_its_gold_role(article):
    text = (ROOT / "seeds" / article["file"]).read_text(encoding="utf8")
    want = _gold_roles(article)
    got = {}
    for block in strip_text(text).blocks:
        for line in range(block.line_start, block.line_end + 1):
            got[line] = block.role
    non_blank = {n for n, line in enumerate(text.splitlines(), 1) if line.strip()}
    assert set(want) == non_blank, "gold must cover every non-blank line"
    wrong = {n: (want[n], got.get(n)) for n in sorted(non_blank) if got.get(n) != want[n]}
    assert not wrong


@pytest.mark.parametrize("article", ARTICLES, ids=[a["file"][:3] for a in ARTICLES])
def test_seed_title(article):
    text = (ROOT / "seeds" / article["file"]).read_text(encoding="utf8")
    assert strip_text(text).title == article["title"]


@pytest.mark.parametrize("article", ARTICLES, ids=[a["file"][:3] for a in ARTICLES])
def test_spans_offsets_and_lines_are_consistent(article):
    text = (ROOT / "seeds" / article["file"]).read_text(encoding="utf8")
    result = strip_text(text)
    lines = text.split("\n")
    kept = [b for b in result.blocks if b.role in KEPT_ROLES]
    assert result.text == "\n\n".join(b.text for b in kept)
    for block in result.blocks:
        assert block.role in ROLES and block.reason
        original = lines[block.line_start - 1].strip()
        assert text[block.offset:block.offset + len(original)] == original
        if block.role in KEPT_ROLES:
            start, end = block.span
            assert result.text[start:end] == block.text
        else:
            assert block.span is None


def test_run_in_heading_is_split_from_the_next_word():
    text = (ROOT / "seeds" / ARTICLES[1]["file"]).read_text(encoding="utf8")
    article = strip_text(text).text
    assert "argumentIn" not in article and "main argument\nIn recent years" in article
    assert "policy implications\n• Japan" in article


@pytest.mark.parametrize("text, expected", [
    ("in space. main argumentIn recent years", "in space. main argument\nIn recent years"),
    ("The new iPhone and eBay and McDonald", "The new iPhone and eBay and McDonald"),
    ("policy implications• Japan has", "policy implications\n• Japan has"),
])
def test_split_run_ins(text, expected):
    assert split_run_ins(text) == expected


@pytest.mark.parametrize("text, role", [
    ("Photo Credit: AP Photo/Manuel Balce Ceneta", "photo-credit"),
    ("Source: 澎湃新闻", "source-credit"),
    ("Join Our Mailing List", "newsletter"),
    ("Sign In or Register to comment.", "comments"),
    ("Leave a Comment", "comments"),
    ("Previous Article", "navigation"),
    ("Schedule a call", "call-to-action"),
    ("Full Text", "access"),
    ("© 2019 CBS Interactive Inc. All Rights Reserved.", "other"),
    ("Lascia un commento", "comments"),
    ("Do you rely on Snopes reporting? Click here to support it.", "call-to-action"),
    (("In this Dec. 12, 2006, file photo, made available by NASA, astronaut Robert L. Curbeam Jr. "
     "works on the station."), "other"),
    ("Image 2 of 5", "other"),
    ("Related: SpaceX's Starship and Super Heavy Mars Rocket in Pictures", "related"),
    (("Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com. Follow her on Twitter "
     "@AmyKup or find NJ.com Entertainment on Facebook."), "author-bio"),
    ("Shares", "call-to-action"),
    ("Whatsapp Facebook Pint Baixar", "call-to-action"),
    ("Want more stories like this?", "newsletter"),
    (("Support Snopes so we continue to pursue the facts — for you and anyone searching for "
     "answers."), "call-to-action"),
    ("Support The Guardian", "call-to-action"),
    ("Every day we send an email with the top stories from Digg.", "newsletter"),
    (("Trump asked voters in Louisiana for a big win. He didn’t get it. Credit... Doug Mills/The "
     "New York Times"), "photo-credit"),
    ("Follow The New York Times Opinion section on Facebook, Twitter (@NYTopinion) and Instagram.",
     "call-to-action"),
    ("Você pode gostar...", "related"),
    # credited-caption: a caption that ends with its picture's credit
    ("Firefighters work at the scene on Monday. (Photo: Jane Roe/Example News)", "other"),
    ("Crowds gather outside the station on Tuesday. (Photos by Sam Lee/Wire Service)", "other"),
    ("A worker checks the solar panels in Nevada. (John Smith/AP)", "other"),
    ("The president waves from the steps. (AP Photo/Jane Doe)", "other"),
    # contributor-credit
    ("Maria Lopez contributed to this report.", "other"),
    ("(Reporting by Ann Brown; editing by Tom White)", "other"),
    ("Reporting by Ann Brown in Paris; Editing by Tom White", "other"),
    # affiliate-disclosure
    ("If you click a link and buy something, we may earn a small commission.", "other"),
    ("We may earn a commission when you buy through links on our site.", "other"),
    # sign-up, script-notice
    (("Enjoyed this piece? Sign up for the weekly newsletter to get more like it in your inbox "
      "every Friday morning."), "newsletter"),
    ("Please enable JavaScript to view the comments.", "other"),
])
def test_furniture_role_fires(text, role):
    assert furniture_role(text)[0] == role


@pytest.mark.parametrize("text", [
    "A spokesman declined to comment.",
    "The newsletter was first published in 1998 by a group of teachers.",
    "Home prices rose 4 percent in October, the agency said.",
    "Source code for the project is available to researchers on request, he said.",
    "Die Regierung will die Steuern im kommenden Jahr senken.",
    "政府は来年度の予算案を閣議決定した。",
    "He said the share price had fallen by half since March.",
    "In this case, the court ruled that the photo had been taken legally.",
    "Sources said the talks would resume on Monday.",
    "1 of 3 Americans say they skip breakfast at least once a week.",
    "Related research has found similar effects in mice.",
    "Sign up for a Hulu ad-free account for $11.99 a month",
    "Facebook shares fell 3 percent.",
    "Print editions will end in May.",
    "Customers want more stories told by local people, the survey found.",
    "Support for the bill grew after the hearing, aides said.",
    "Support Biden's plan? Most voters in the poll said they did not know it.",
    "Prices rose 5 percent last year (Source: national statistics office).",
    "The final is between two clubs (Real Madrid/Barcelona).",
    "Sales were flat in the first quarter (January/March).",
    "Reporting by the newspaper found that the agency had ignored warnings.",
    "Three people contributed to this report, which the council published on Monday.",
    "Agents may receive a commission of 5 percent on each home they sell.",
    "Shoppers who buy early may get a discount.",
    "More than 2,000 readers subscribe to our rival newsletter, the survey found.",
    "The site was written in JavaScript, which is required by most browsers.",
])
def test_furniture_role_is_quiet_on_article_sentences(text):
    assert furniture_role(text) is None


def test_headline_repeated_in_body_is_duplicate_title():
    page = ("Ships sail at dawn\n\nThe fleet left the harbour on Monday morning after a week of "
            "storms kept it in port.\n\nShips sail at dawn\n\nThe crews said the delay cost them "
            "two days of fishing.")
    roles = [b.role for b in strip_text(page).blocks]
    assert roles == ["title", "body", "duplicate-title", "body"]


@pytest.mark.parametrize("page", [
    "", "\n\n  \n", "x", "a" * 200_000, "word " * 100_000,
    "x. main argumentIn " * 100_000,  # one 2 MB line full of run-in candidates
    "The same five word line\n" * 20_000,  # every line echoes the first
], ids=["empty", "blank", "x", "one-long-word", "many-words", "run-ins", "echoes"])
def test_odd_inputs_do_not_crash(page):
    result = strip_text(page)
    assert isinstance(result.text, str)


def test_hard_wrapped_paragraphs_are_one_block_each():
    """The same seed wrapped at 72 columns: one block per paragraph, the gold role of its
    line, and offsets that still point at the input."""
    article = ARTICLES[2]  # one line per paragraph, so paragraphs map to gold lines in order
    paragraphs = (ROOT / "seeds" / article["file"]).read_text(encoding="utf8").split("\n\n")
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in paragraphs)
    result = strip_text(wrapped)
    gold = _gold_roles(article)
    assert [b.role for b in result.blocks] == [gold[n] for n in sorted(gold)]
    assert result.title == article["title"]
    assert any(b.line_end > b.line_start for b in result.blocks)
    for block in result.blocks:
        original = wrapped[block.offset:block.offset + len(block.text)]
        assert original.replace("\n", " ") == block.text


_PAGE_TEXT = st.text(
    alphabet=st.sampled_from(list("abcXYZ .,:!?\n\n\t•©|-–—(")) | st.characters(),
    max_size=400)


@settings(max_examples=200, deadline=None)
@given(_PAGE_TEXT)
def test_any_page_gives_consistent_blocks(page):
    result = strip_text(page)
    kept = [b for b in result.blocks if b.role in KEPT_ROLES]
    assert result.text == "\n\n".join(b.text for b in kept)
    for block in result.blocks:
        assert block.role in ROLES
        assert 1 <= block.line_start <= block.line_end
        source = page[block.offset:block.offset + len(block.text)]
        if block.role not in KEPT_ROLES and block.line_start == block.line_end:
            assert source == block.text
        else:
            start, end = block.span
            assert result.text[start:end] == block.text


def test_page_title_line_gives_the_headline_without_the_site():
    page = ("Nadal keeps Spain alive in Davis Cup - Sportsnet.ca\nMenu\nSign In\n"
            "Share Close options\n"
            "MADRID — Rafael Nadal kept Spain's hopes alive, then the doubles pair completed the "
            "comeback to give the hosts a 2-1 win over Russia.\nThe series ended close to 2 a.m. "
            "local time on Wednesday, the organisers said.")
    result = strip_text(page)
    assert result.title == "Nadal keeps Spain alive in Davis Cup"
    assert result.blocks[0].role == "title"
    prov = provenance_dict(result.provenance)
    assert prov["title"]["text"] == "Nadal keeps Spain alive in Davis Cup"
    assert prov["title"]["origin"]["line"] == 1
    assert [s["name"] for s in prov["site_names"]] == ["Sportsnet.ca"]


def test_list_right_after_the_body_is_kept_and_a_related_list_is_not():
    body = ("The band will tour North America next year to celebrate its 50th anniversary, "
            "the promoter said on Tuesday.")
    dates = "\n".join(f"June {d} – City {d}, FL @ Arena {d}" for d in range(1, 6))
    kept = strip_text(f"Band tours again\n{body}\nTour Dates\n{dates}\n© 2019 Promoter")
    assert [b.role for b in kept.blocks][1:8] == ["body", "heading"] + ["body"] * 5
    related = strip_text(f"Band tours again\n{body}\nRelated Stories\n1) One\n2) Two\n3) Three")
    assert [b.role for b in related.blocks if b.role in KEPT_ROLES] == ["body"]


def test_page_without_prose_keeps_its_lines():
    result = strip_text("Shopping list\n- eggs and milk\n- bread from the baker\n- two apples")
    assert result.text == "- eggs and milk\n\n- bread from the baker\n\n- two apples"


def test_cards_with_share_buttons_after_a_related_heading_end_the_article():
    para = ("Living a true love is one of the greatest pleasures of life, and it asks for "
            "patience, care and a good deal of humour from both people involved.")
    card = ("Life asks us for optimism and courage, to hope for the best and to make the best "
            "happen, even on the days when nothing seems to work out as planned.")
    share = "Whatsapp Facebook Pint Download"
    page = "\n".join(["Only those who love", share, para, para.replace("true", "real"),
                      "You may also like...", share, card, share, card.replace("us", "you"),
                      share, card.replace("best", "most")])
    kept = [b.line_start for b in strip_text(page).blocks if b.role in KEPT_ROLES]
    assert kept == [3, 4]


_PARAGRAPH = ("The council met on Tuesday evening to discuss the new bridge, and members argued "
              "for more than two hours about its cost, its design and the traffic it would bring.")


def _roles_of(page: str) -> dict[str, tuple[str, str]]:
    return {b.text: (b.role, b.reason) for b in strip_text(page).blocks}


def test_embedded_post_inside_the_article_is_body():
    page = "\n".join(["Council backs the bridge", "By Jane Roe", _PARAGRAPH,
                      "We voted for the bridge tonight. https://t.co/abc123",
                      "— Town Council (@towncouncil) March 3, 2021",
                      _PARAGRAPH.replace("Tuesday", "Wednesday"),
                      "The mayor's reply went up an hour later. https://t.co/def456",
                      "— Mayor Sam Lee (@mayorsam) March 3, 2021", "Related stories"])
    roles = _roles_of(page)
    assert roles["— Town Council (@towncouncil) March 3, 2021"] == ("body", "embedded-post")
    assert roles["We voted for the bridge tonight. https://t.co/abc123"] == ("body",
                                                                          "embedded-post")
    # a post that ends the article is still part of it
    assert roles["— Mayor Sam Lee (@mayorsam) March 3, 2021"] == ("body", "embedded-post")
    assert roles["By Jane Roe"][0] == "byline"


def test_signature_without_a_handle_is_not_an_embedded_post():
    page = "\n".join(["Council backs the bridge", _PARAGRAPH,
                      "— Town Council, March 3, 2021", _PARAGRAPH.replace("Tuesday", "Friday")])
    assert _roles_of(page)["— Town Council, March 3, 2021"] != ("body", "embedded-post")


def _paragraphs(*days: str) -> list[str]:
    return [_PARAGRAPH.replace("Tuesday", day) for day in days]


def test_author_bio_paragraph_at_the_end_starts_the_author_box():
    page = "\n".join(["Council backs the bridge", *_paragraphs("Monday", "Tuesday", "Friday"),
                      ("Jane Roe (@janeroe) is a staff writer at Example Daily covering transport "
                       "and city hall. She was formerly an editor at Example Weekly."),
                      "Staff Writer",
                      ("Example Daily is where the city reads its news. It is the essential "
                       "source of reporting on the council, the courts and the schools.")])
    roles = _roles_of(page)
    bio = [text for text, (role, _) in roles.items() if role == "author-bio"]
    assert bio[0].startswith("Jane Roe (@janeroe) is a staff writer")
    assert roles[bio[0]] == ("author-bio", "author-bio-sentence")
    assert not any(text.startswith("Example Daily is") and role in KEPT_ROLES
                   for text, (role, _) in roles.items())


def test_a_reporter_named_early_in_the_article_is_not_an_author_bio():
    reporter = ("Sam Lee is a reporter at Example Daily, and he asked the council on Tuesday "
                "why the bridge would cost twice what it cost last year.")
    page = "\n".join(["Council backs the bridge", *_paragraphs("Monday"), reporter,
                      *_paragraphs("Tuesday", "Thursday", "Friday")])
    assert _roles_of(page)[reporter] == ("body", "prose")


@pytest.mark.parametrize("line", [
    "A" * 100_000 + " is a writer", "Jane Doe (@" + "a" * 100_000 + ") is a writer",
    "(Photo: " + "a" * 100_000, "(" * 100_000, "(Jane Doe/" + "A" * 100_000,
    "a (AP Photo/" + "b " * 50_000, "contributed " * 9_000, "reporting by " * 8_000,
    "buy " * 25_000 + "may earn a commission", "may earn a share " * 6_000,
    "sign up " * 12_500, ". subscribe" * 9_000, "enable javascript " * 6_000,
    "— " + "x" * 100_000 + " (@a) May 1, 2020", "— a (@" + "b" * 100_000,
])
def test_new_furniture_patterns_are_fast_on_hostile_lines(line):
    """Each pattern added for credits, captions, disclosures, prompts and embedded posts on
    a 100 KB line, alone and as a page (the page judges only lines of MAX_CHARS or less)."""
    started = time.perf_counter()
    furniture_role(line[:400])
    for _, _, pattern in (*furniture._STRONG, *furniture._FLOATING, *furniture._ANCHORED):
        pattern.search(line)
    furniture._CREDITED_CAPTION.search(line)
    textroles._POST_SIGNATURE.match(line)
    textroles._NAME_START.match(line)
    strip_text("Headline here\n" + _PARAGRAPH + "\n" + line + "\n" + _PARAGRAPH)
    assert time.perf_counter() - started < 2.0

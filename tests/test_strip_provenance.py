"""Provenance read from text pages: the seed gold entries, the schema, and the parsers."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from audit.provenance import byline_authors, empty, parse_date
from audit.report import provenance_dict
from audit.strip.text import strip_text

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "seeds.gold.json").read_text(encoding="utf8"))
ARTICLES = GOLD["articles"]
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf8"))
VALIDATOR = jsonschema.Draft202012Validator(
    {"$ref": "#/$defs/provenance", "$defs": SCHEMA["$defs"]})


def _provenance(article: dict) -> dict:
    page = (ROOT / "seeds" / article["file"]).read_text(encoding="utf8")
    return provenance_dict(strip_text(page).provenance)


def _credit(prov: dict, kind: str) -> str | None:
    names = [c["name"] for c in prov["credits"] if c["kind"] == kind]
    return names[0] if names else None


@pytest.mark.parametrize("article", ARTICLES, ids=[a["file"][:3] for a in ARTICLES])
def test_seed_provenance_matches_gold(article):
    gold = article["provenance"]
    prov = _provenance(article)
    VALIDATOR.validate(prov)
    assert (prov["title"] or {}).get("text") == article["title"]
    assert _credit(prov, "photo") == gold["photo_credit"]
    assert _credit(prov, "source") == gold["source_credit"]
    authors = [a["name"] for a in prov["authors"]]
    assert authors == ([gold["byline"]] if gold["byline"] else [])
    if gold["date"]:
        iso = gold["date"] + ("T" + gold["time"] if gold.get("time") else "")
        assert prov["published"]["iso"] == iso
    else:
        assert prov["published"] is None
    if gold.get("site_name_mentioned"):
        assert gold["site_name_mentioned"] in [s["name"] for s in prov["site_names"]]
    if gold.get("author_bio"):
        bio = prov["author_bio"]
        assert bio["name"] == gold["author_full_name"]
        assert bio["contact"] == gold["author_contact"]
        assert bio["bio"] and bio["origin"]["line"] == 35
    else:
        assert prov["author_bio"] is None


def test_origins_point_at_input_lines():
    text = (ROOT / "seeds" / ARTICLES[2]["file"]).read_text(encoding="utf8")
    lines = text.splitlines()
    prov = provenance_dict(strip_text(text).provenance)
    for item in [prov["title"], prov["published"], prov["author_bio"], *prov["authors"]]:
        origin = item["origin"]
        assert origin["kind"] == "line"
        assert lines[origin["line"] - 1].strip() == origin["text"]


def test_photo_and_source_credits_keep_their_lines():
    prov = _provenance(ARTICLES[0])
    (photo,) = [c for c in prov["credits"] if c["kind"] == "photo"]
    assert photo["name"] == "AP Photo/Manuel Balce Ceneta"
    assert photo["origin"] == {"kind": "line", "line": 4, "block": 3,
                               "text": "Photo Credit: AP Photo/Manuel Balce Ceneta"}


def test_wire_credit_in_the_text():
    page = ("Town floods after storm\n\nST. JOSEPH, Mich. (AP) — Health authorities are reporting "
            "a sixth death linked to the virus, officials said on Monday.\n\nThe county said the "
            "victim was one of two people who caught the virus this summer.")
    credits = provenance_dict(strip_text(page).provenance)["credits"]
    wires = [c for c in credits if c["kind"] == "wire"]
    assert [c["name"] for c in wires] == ["AP"]
    assert wires[0]["origin"]["line"] == 3


def test_labels_from_title_and_furniture():
    page = ("Opinion | The case for slower trains\n\nOpinion\n\nThe case for slower trains\n\n"
            "Trains that stop more often serve more towns, and most riders gain more from a "
            "nearby station than from a faster ride between two big cities.\n\nSponsored")
    labels = [x["label"] for x in provenance_dict(strip_text(page).provenance)["labels"]]
    assert labels == ["opinion"]


@pytest.mark.parametrize("text, iso", [
    ("BY SIRAJ April -10-2024 EAST 14:54", "2024-04-10T14:54"),
    ("Updated on: November 19, 2019 / 10:07 AM / CBS News", "2019-11-19T10:07"),
    ("18 Nov 2019, 19:09", "2019-11-18T19:09"),
    ("Nov. 20, 2019, 9:28 PM UTC", "2019-11-20T21:28"),
    ("2018-08-16", "2018-08-16"),
])
def test_parse_date(text, iso):
    assert parse_date(text)[0] == iso


@pytest.mark.parametrize("text, names", [
    ("BY SIRAJ April -10-2024 EAST 14:54", ["Siraj"]),
    ("By Danica Kirka and Jill Lawless | AP", ["Danica Kirka", "Jill Lawless"]),
    ("By Meg James Staff Writer", ["Meg James"]),
    ("By viewing our video content, you accept", []),
    ("November 19, 2019", []),
])
def test_byline_authors(text, names):
    assert byline_authors(text) == names


def test_empty_validates_and_nothing_crashes_on_blank_input():
    VALIDATOR.validate(provenance_dict(empty()))
    assert strip_text("").provenance == empty()


def test_translation_credit():
    page = ("Ships sail at dawn\n\nThe fleet left the harbour on Monday morning after a week of "
            "storms kept it in port, the harbour master said.\n\nTranslated by Maria Rossi")
    credits = provenance_dict(strip_text(page).provenance)["credits"]
    assert [(c["kind"], c["name"]) for c in credits] == [("translation", "Maria Rossi")]


def test_caption_credit_names_the_photographer():
    page = ("Voters stay home\n\nTrump asked voters for a big win. Credit... Doug Mills/The New "
            "York Times\n\nAmericans have gone to the polls four times this month to vote in "
            "major, statewide races, and each time the president tied himself to the outcome.")
    credits = provenance_dict(strip_text(page).provenance)["credits"]
    assert [(c["kind"], c["name"]) for c in credits] == [("photo", "Doug Mills/The New York Times")]


def test_about_name_heading_starts_the_author_box():
    para = ("The band will tour North America next year to celebrate its 50th anniversary, the "
            "promoter said on Tuesday, with thirty dates from June to October.")
    page = "\n".join(["Band tours again", para, para.replace("band", "group"),
                      "Sobre Carlos Nadalim",
                      ("Pai de Francesco e Teresa, Carlos Nadalim é também coordenador pedagógico "
                      "numa escola em Londrina, cidade onde mora com a família."), "Facebook"])
    result = strip_text(page)
    assert [b.role for b in result.blocks] == [
        "title", "body", "body", "author-bio", "author-bio", "author-bio"]
    bio = provenance_dict(result.provenance)["author_bio"]
    assert bio["name"] == "Carlos Nadalim" and bio["bio"].startswith("Pai de Francesco")


@pytest.mark.parametrize("line,names", [
    ("By Jane Doe", ["Jane Doe"]),
    ("By Maria Lopez", ["Maria Lopez"]),
    ("By May Smith", ["May Smith"]),
    ("By Jane Doe Jan. 5, 2024", ["Jane Doe"]),
    ("BY SIRAJ April -10-2024 EAST 14:54", ["Siraj"]),
    ("By Jane Doe and John Smith, Reuters", ["Jane Doe", "John Smith"]),
])
def test_names_that_start_like_months_stay_names(line, names):
    from audit.provenance import byline_authors

    assert byline_authors(line) == names

"""extract_html and metadata: small pages built here, plus one benchmark page when present."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from audit.decode import InputError
from audit.metadata import PageMetadata, outbound_links, parse_date, read_metadata, site_key
from audit.model import Link
from audit.report import provenance_dict
from audit.strip.html import extract_html
from audit.strip.htmlroles import assign_roles
from audit.strip.htmltree import RawBlock, parse
from conftest import SHARED

BENCH = SHARED / "bench" / "extraction"

PARAGRAPHS = [
    ("The city council voted on Tuesday to expand the bicycle network by forty kilometres, "
    "after a debate that lasted well into the night and drew hundreds of residents."),
    ("Supporters said the new lanes would cut traffic deaths, which rose last year for the "
    "third year in a row, according to figures published by the transport department."),
    ("Opponents argued that shopkeepers on the main avenue would lose customers if parking "
    "spaces disappeared, and asked for a study before any work begins next spring."),
    ("The mayor said construction would start in March and that the first section, along "
    "the river, should open before the summer holidays if the weather allows it."),
    ("A final vote on the budget for the project is expected next month, when the council "
    "will also discuss a proposal to lower speed limits in residential streets."),
]
NEWSLETTER = "Sign up for our daily newsletter to get the latest news in your inbox."


def article_page(body: str, head: str = "", url_links: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}
<title>Council expands bike lanes | The Daily Example</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Council expands bike lanes</h1>{body}{url_links}</article></main>
<footer><p>© 2024 The Daily Example. All rights reserved.</p></footer></body></html>"""


def paragraphs(items: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in items)


JSON_LD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "@id": "https://example.com/#site", "name": "The Daily Example"},
        {"@type": "Person", "@id": "https://example.com/#jane", "name": "Jane Doe"},
        {"@type": ["NewsArticle", "ReportageNewsArticle"], "headline": "Council expands bike lanes",
         "author": [{"@id": "https://example.com/#jane"}, "By John Roe", {"name": "Ann Poe"}],
         "datePublished": "2024-03-05T09:30:00+01:00", "dateModified": "2024-03-06",
         "publisher": {"@type": "Organization", "name": "Example Media Group"}},
    ],
}
META = """<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Council expands bike lanes (og)">
<meta property="og:url" content="https://example.com/news/bike-lanes">
<meta name="author" content="Jane Doe">
<meta name="citation_author" content="Doe, Jane">
<meta property="article:published_time" content="2024-03-05T08:30:00Z">
<link rel="canonical" href="/news/bike-lanes">"""


@pytest.fixture(scope="module")
def full():
    head = f'<script type="application/ld+json">{json.dumps(JSON_LD)}</script>{META}'
    body = (paragraphs(PARAGRAPHS[:2])
            + '<p>Data came from <a href="https://stats.example.org/roads">'
            'the statistics office</a>'
            ' and <a href="/news/earlier-story">our earlier report</a>, and from a study by '
            '<a href="https://www.university.example.edu/paper.pdf">the university</a> that was '
            'published last year after a long review by independent experts.</p>'
            + f"<p>{NEWSLETTER}</p>"
            + "<h2>What happens next</h2>"
            + paragraphs(PARAGRAPHS[2:])
            + "<ul><li>First section opens along the river in June next year.</li>"
            "<li>Second section follows the main avenue towards the station.</li></ul>")
    return extract_html(article_page(body, head), url="https://example.com/news/bike-lanes")


def test_article_text_and_blocks(full) -> None:
    for paragraph in PARAGRAPHS:
        assert paragraph in full.text
    kept = [b for b in full.blocks if b.span is not None]
    assert "\n\n".join(b.text for b in kept) == full.text
    for block in kept:
        assert full.text[block.span[0]:block.span[1]] == block.text
        assert block.role in ("body", "heading")
    elements = {b.element for b in kept}
    assert {"p", "h2", "li"} <= elements
    heading = next(b for b in kept if b.text == "What happens next")
    assert (heading.role, heading.element) == ("heading", "h2")
    assert [b.index for b in full.blocks] == list(range(len(full.blocks)))


def test_newsletter_prompt_is_removed_but_kept_as_block(full) -> None:
    assert NEWSLETTER not in full.text
    block = next(b for b in full.blocks if b.text == NEWSLETTER)
    assert block.role == "newsletter" and block.span is None and block.reason


def test_page_furniture_is_not_in_the_text(full) -> None:
    assert "All rights reserved" not in full.text
    assert "Sport" not in full.text


def test_title_and_provenance_from_metadata(full) -> None:
    prov = provenance_dict(full.provenance)
    assert full.title == "Council expands bike lanes"
    assert prov["title"] == {"text": "Council expands bike lanes",
                             "origin": {"kind": "json-ld", "field": "headline"}}
    names = [a["name"] for a in prov["authors"]]
    assert names[:3] == ["Jane Doe", "John Roe", "Ann Poe"]
    assert prov["authors"][0]["origin"] == {"kind": "json-ld", "field": "author"}
    assert names == ["Jane Doe", "John Roe", "Ann Poe"]  # meta authors yield to JSON-LD
    assert prov["published"] == {"iso": "2024-03-05T09:30:00+01:00",
                                 "raw": "2024-03-05T09:30:00+01:00",
                                 "origin": {"kind": "json-ld", "field": "datePublished"}}
    assert prov["modified"]["iso"] == "2024-03-06"
    assert prov["publisher"] == {"name": "Example Media Group",
                                 "origin": {"kind": "json-ld", "field": "publisher"}}
    assert prov["site_names"][0] == {"name": "The Daily Example",
                                     "origin": {"kind": "meta", "field": "og:site_name"}}
    assert prov["canonical_url"] == "https://example.com/news/bike-lanes"


def test_outbound_links_of_the_article_body(full) -> None:
    links = provenance_dict(full.provenance)["outbound_links"]
    assert links == [
        {"url": "https://stats.example.org/roads", "domain": "stats.example.org",
         "text": "the statistics office"},
        {"url": "https://www.university.example.edu/paper.pdf", "domain": "university.example.edu",
         "text": "the university"},
    ]


def test_provenance_matches_the_report_schema(full) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parents[1] / "schemas" / "report.schema.json").read_text())
    sub = {"$defs": schema["$defs"], "$ref": "#/$defs/provenance"}
    jsonschema.Draft202012Validator(sub).validate(provenance_dict(full.provenance))


def test_meta_tags_alone() -> None:
    head = """<meta name="author" content="By Amy Smith | Example Media">
<meta property="article:published_time" content="Tue, 05 Mar 2024 10:00:00 GMT">
<meta property="article:modified_time" content="not a date">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.co.uk/a/1">"""
    result = extract_html(article_page(paragraphs(PARAGRAPHS), head))
    prov = provenance_dict(result.provenance)
    assert prov["authors"] == [{"name": "Amy Smith", "origin": {"kind": "meta", "field": "author"}}]
    assert prov["published"]["iso"] == "2024-03-05T10:00:00+00:00"
    assert prov["modified"] == {"iso": None, "raw": "not a date",
                                "origin": {"kind": "meta", "field": "article:modified_time"}}
    assert prov["canonical_url"] == "https://news.example.co.uk/a/1"
    # the page's <h1> says which part of "Headline | Site" is the headline
    assert result.title == "Council expands bike lanes"


@pytest.mark.parametrize("ld", [
    [{"@type": "BreadcrumbList"}, {"@type": "NewsArticle", "headline": "H", "author": "A B"}],
    {"@type": "Article", "headline": "H", "author": {"@type": "Person", "name": "A B"}},
    {"@graph": [{"@type": "ReportageNewsArticle", "headline": "H", "author": [{"name": "A B"}]}]},
])
def test_json_ld_shapes(ld) -> None:
    html = (f'<html><head><script type="application/ld+json">{json.dumps(ld)}</script>'
            "</head><body></body></html>")
    meta = read_metadata(parse(html))
    assert meta.title == "H"
    assert [a.value for a in meta.authors] == ["A B"]


def test_json_ld_with_an_escaped_lone_surrogate_gives_a_writable_report() -> None:
    """An escaped lone surrogate in a JSON-LD headline decodes to a string that is not
    UTF-8; before, the report holding it could not be written (an internal error)."""
    from audit import api, batch

    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "Bad \\ud800 news \\ud83d\\ude00", "author": "A \\udc00B"}</script>'
            "</head><body><article><p>" + "The council met on Tuesday. " * 20
            + "</p></article></body></html>")
    meta = read_metadata(parse(html))
    assert meta.title == "Bad \ufffd news \U0001f600"
    report = api.audit_bytes(html.encode(), source="page.html")
    batch.dumps(report).encode("utf-8")


def test_meta_author_names() -> None:
    html = """<html><head><meta name="citation_author" content="Doe, Jane">
<meta name="citation_author" content="Roe, John">
<meta property="article:author" content="https://facebook.com/janedoe"></head><body></body></html>"""
    assert [a.value for a in read_metadata(parse(html)).authors] == ["Jane Doe", "John Roe"]


def test_microdata_and_time_elements_give_the_date() -> None:
    html = ('<html><body><article><span itemprop="datePublished" content="2024-03-05">5 March'
            '</span><time datetime="2020-01-01">old</time></article></body></html>')
    meta = read_metadata(parse(html))
    dates = [(d.value, d.origin["field"]) for d in meta.published]
    assert dates == [("2024-03-05", "datePublished")]
    html = ('<html><body><article><time datetime="2024-03-05T10:00">today</time>'
            "</article></body></html>")
    assert read_metadata(parse(html)).published[0].value == "2024-03-05T10:00"


def test_broken_json_ld_is_ignored() -> None:
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            "</script></head><body><p>x</p></body></html>")
    assert read_metadata(parse(html)).authors == []


def test_non_english_page() -> None:
    german = [
        ("Der Stadtrat hat am Dienstag beschlossen, das Radwegenetz um vierzig Kilometer zu "
        "erweitern, nach einer Debatte, die bis spät in die Nacht dauerte."),
        ("Befürworter sagten, die neuen Wege würden die Zahl der Verkehrstoten senken, die im "
        "vergangenen Jahr zum dritten Mal in Folge gestiegen ist."),
        ("Gegner argumentierten, dass die Geschäfte an der Hauptstraße Kunden verlieren würden, "
        "wenn Parkplätze verschwinden, und verlangten zuerst eine Studie."),
        ("Der Bürgermeister sagte, der Bau werde im März beginnen und der erste Abschnitt am "
        "Fluss solle vor den Sommerferien eröffnet werden."),
    ]
    html = article_page(paragraphs(german) + "<p>Newsletter abonnieren</p>")
    html = html.replace('lang="en"', 'lang="de"')
    result = extract_html(html)
    for paragraph in german:
        assert paragraph in result.text
    assert "Newsletter abonnieren" not in result.text


def test_japanese_page() -> None:
    text = [
        "東京都は火曜日、自転車道を四十キロ延長する計画を発表した。"
        "議論は深夜まで続き、多くの住民が参加した。",
        "賛成派は、新しい自転車道によって交通事故による死者が減ると述べた。"
        "昨年は三年連続で増加していた。",
        "反対派は、駐車場がなくなれば商店街の客が減ると主張し、工事の前に調査を行うよう求めた。",
        "知事は、工事は三月に始まり、川沿いの最初の区間は夏休み前に開通する見込みだと述べた。",
    ]
    result = extract_html(article_page(paragraphs(text)).replace('lang="en"', 'lang="ja"'))
    for paragraph in text:
        assert paragraph in result.text


def test_article_split_around_an_ad_is_joined() -> None:
    body = (f'<div class="body-chunk">{paragraphs(PARAGRAPHS[:3])}</div>'
            '<div class="ad-slot"><a href="https://ads.example.net">Advertisement</a></div>'
            f'<div class="body-chunk">{paragraphs(PARAGRAPHS[3:])}</div>')
    result = extract_html(article_page(body))
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    assert result.text.index(PARAGRAPHS[2]) < result.text.index(PARAGRAPHS[3])


def test_related_links_are_removed() -> None:
    body = (paragraphs(PARAGRAPHS[:3])
            + '<p>Related: <a href="/news/other">Mayor opens the new bridge</a></p>'
            + paragraphs(PARAGRAPHS[3:]))
    result = extract_html(article_page(body))
    assert "Mayor opens the new bridge" not in result.text
    block = next(b for b in result.blocks if "Mayor opens" in b.text)
    assert block.role == "related" and block.span is None


def test_byline_author_note_and_related_heading() -> None:
    body = ("<p>By Jane Doe, March 5, 2024</p>" + paragraphs(PARAGRAPHS)
            + "<p>Jane Doe covers transport for the Daily Example. "
            "Email her at jane@example.com.</p>"
            + '<h3>More stories</h3><p><a href="/a">Mayor opens the new bridge</a></p>'
            '<p><a href="/b">Tram fares rise in May</a></p>')
    result = extract_html(article_page(body, '<meta name="author" content="Jane Doe">'))
    roles = {b.text[:20]: (b.role, b.reason) for b in result.blocks}
    assert roles["By Jane Doe, March 5"][0] == "byline"
    assert roles["Jane Doe covers tran"] == ("author-bio", "names-the-author")
    assert "More stories" not in result.text and "Mayor opens" not in result.text
    assert result.text.startswith(PARAGRAPHS[0]) and result.text.endswith(PARAGRAPHS[-1])
    assert provenance_dict(result.provenance)["author_bio"]["bio"].startswith("Jane Doe covers")


def test_heading_over_links_only_is_furniture() -> None:
    blocks = [RawBlock("p", PARAGRAPHS[0]), RawBlock("h3", "The week in brief"),
              RawBlock("p", "Mayor opens the new bridge", link_chars=22),
              RawBlock("p", "Tram fares rise in May", link_chars=18)]
    roles = assign_roles(blocks, PageMetadata())
    assert roles == [("body", "trafilatura"), ("other", "heading-without-body"),
                     ("related", "link-text"), ("related", "link-text")]


def test_teaser_above_the_title_outside_the_article_is_removed() -> None:
    teaser = ("Night mode is a new setting on the phone that brightens dark scenes, and it was "
              "announced last week at a launch event in California.")
    html = (f"<html><head><title>Council expands bike lanes</title></head><body>"
            f'<aside id="right"><ul><li><div class="teaser">{teaser}</div></li></ul></aside>'
            f'<div id="content"><h1>Council expands bike lanes</h1>{paragraphs(PARAGRAPHS)}</div>'
            "</body></html>")
    result = extract_html(html)
    assert PARAGRAPHS[0] in result.text
    assert teaser not in result.text


def test_hover_card_inside_a_paragraph_is_dropped() -> None:
    card = ('<span class="person"><a href="/people/omar">Ilhan Omar</a><span class="card">'
            '<img src="/omar.jpg"><a href="/people/omar">Ilhan Omar</a>'
            '<a href="/news/other">Progressives oppose funding bill</a></span></span>')
    body = (f"<p>A man pleaded guilty to threatening Rep. {card} in a phone call to her office "
            "in Washington last spring, prosecutors said on Monday.</p>" + paragraphs(PARAGRAPHS))
    result = extract_html(article_page(body))
    assert "threatening Rep. Ilhan Omar in a phone call" in result.text
    assert "Progressives oppose" not in result.text


def test_html_nested_deeper_than_the_parser_goes_is_refused() -> None:
    html = ("<html><body>" + "<div>" * 10_000 + paragraphs(PARAGRAPHS) + "</div>" * 10_000
            + "</body></html>")
    with pytest.raises(InputError, match=r"^HTML nested more than 2,048 elements deep"):
        extract_html(html)


@pytest.mark.parametrize("where", ["<script>var data = '{}';</script>", "<img src='data:{}'>",
                                   "<!--{}-->"])
def test_a_page_with_over_10_mb_in_one_text_is_read_whole(where: str) -> None:
    """libxml2 stops at a text, script, comment or attribute value over 10 MB without its huge
    option, and trafilatura's parser kept nothing after it: the article came out empty. Such
    a page (its data in one script, an inline image) is parsed again with the huge option."""
    blob = where.format("a" * 10_500_000)
    result = extract_html(article_page(blob + paragraphs(PARAGRAPHS)))
    assert all(paragraph in result.text for paragraph in PARAGRAPHS)


@pytest.mark.parametrize("html", ["", "   ", "<p>Just a fragment.</p>", "plain words",
                                  "<html></html>", "<" * 100_000, '"' * 100_000])
def test_degenerate_input(html: str) -> None:
    result = extract_html(html)
    assert all(result.text[b.span[0]:b.span[1]] == b.text for b in result.blocks if b.span)


def test_helpers() -> None:
    assert site_key("news.bbc.co.uk") == "bbc.co.uk"
    assert site_key("blogs.nytimes.com") == "nytimes.com"
    # From the public suffix list (a hand rule kept the last two labels of these):
    assert site_key("www.abc.net.au") == "abc.net.au"
    assert site_key("alice.github.io") == "alice.github.io"
    assert site_key("city.kawasaki.jp") == "city.kawasaki.jp"
    assert site_key("news.yahoo.co.jp") == "yahoo.co.jp"
    assert site_key("localhost") == "localhost"
    assert parse_date("2024-03-05") == "2024-03-05"
    assert parse_date("March 5, 2024") == "2024-03-05"
    assert parse_date("yesterday") is None
    links = [("/a", "own"), ("https://www.example.com/b", "own too"), ("mailto:x@y.z", "mail"),
             ("https://other.org/c", "other"), ("https://other.org/c", "again")]
    assert outbound_links(links, "https://blog.example.com/post") == [
        Link(url="https://other.org/c", domain="other.org", text="other")]


def _bench_page(page_id: str) -> tuple[str, str] | None:
    html, truth = BENCH / "html" / f"{page_id}.html.gz", BENCH / "truth" / f"{page_id}.txt"
    if not html.exists() or not truth.exists():
        return None
    with gzip.open(html, "rt", encoding="utf8") as f:
        return f.read(), truth.read_text(encoding="utf8")


@pytest.mark.skipif(not BENCH.exists(), reason="extraction benchmark not present")
def test_benchmark_page_split_article() -> None:
    """A wired.com article cut into sections around ads (trafilatura alone keeps half)."""
    page = _bench_page("d48aeb9cf2f2ff15")
    if page is None:
        pytest.skip("benchmark page not present")
    html, truth = page
    words = set(re.findall(r"\w+", extract_html(html).text.lower()))
    truth_words = re.findall(r"\w+", truth.lower())
    recall = sum(w in words for w in truth_words) / len(truth_words)
    assert recall > 0.95


_ATOMS = ["<p>", "</p>", '<div class="a">', "</div>", '<a href="http://x.org/">', "</a>", "<h2>",
          "</h2>", "<li>", "<ul>", "</ul>", "<script>", "</script>", "<figure>", "<br>",
          "<table><tr><td>", "</td></tr></table>", "<!--", "-->", "&amp;", "\x00", "\ufeff",
          "Sign up for our newsletter. ", "word " * 20, '<a href="http://[::1">bad</a>',
          '<meta name="author" content="By A B">', '<link rel=canonical href="http://[x">',
          ('<script type="application/ld+json">{"@type":"NewsArticle","author":[1,{"@id":[]}],'
          '"headline":5}</script>')]


def test_tag_soup_never_crashes() -> None:
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies

    @hypothesis.settings(max_examples=60, deadline=None)
    @hypothesis.given(st.lists(st.sampled_from(_ATOMS), max_size=40),
                      st.sampled_from([None, "https://example.com/a", "not a url", "http://[::1"]))
    def check(atoms: list[str], url: str | None) -> None:
        result = extract_html("".join(atoms), url=url)
        for block in result.blocks:
            if block.span is not None:
                assert result.text[block.span[0]:block.span[1]] == block.text

    check()


# The page is parsed as trafilatura.utils.load_html parses a string, with lxml's element
# lookup in C instead of lxml.html's Python one: the same tree, of the same HtmlElements.
LOADED_AS_TRAFILATURA = [
    article_page("".join(f"<p>{p}</p>" for p in PARAGRAPHS)),
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared.</p><p>Two.</p></body></html>',
    ("<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'x.dtd'/>\n"
     "<html><body><p>A</p></body></html>"),
    "<html/>\n<body><p>Self-closed root.</p></body>",
    "<html><body><p>A control \x01 character and \ufffe a non-character.</p></body></html>",
    "<div><p>A fragment.</p><p>Two paragraphs.</p></div>",
    "<p>One paragraph alone</p>",
    "plain words, no markup",
    # what the review of the mirror added (2026-12-04): the same tree, or None, for each
    "", " \n\t",  # nothing to parse
    "\ufeff<html><body><p>After a byte-order mark.</p></body></html>", "\ufeff<p>BOM</p>",
    # an encoding declared in a string: parsed as UTF-8 bytes, whatever it declares
    '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>é</p><p>ü</p></body></html>',
    '<?xml version="1.0" encoding="utf-8"?>',
    ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
     "</head><body><p>é “quoted”</p></body></html>"),
    "<p>a lone \ud800 surrogate</p><p>and more</p>",
    " " * 60 + "<html><body><p>'html' past the first 50 characters</p></body></html>",
    "<?xml version='1.0'?><rss><channel><item>not a page</item></channel></rss>",
    '{"json": "not html"}',
]


@pytest.mark.parametrize("page", LOADED_AS_TRAFILATURA)
def test_pages_parse_as_trafilatura_loads_them(page: str) -> None:
    import lxml.html
    from lxml import etree
    from trafilatura.utils import load_html

    from audit.strip.htmltree import _load, _parser

    ours, theirs = _load(page, _parser(huge=False)), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert all(isinstance(el, lxml.html.HtmlElement) for el in ours.iter(etree.Element))


@pytest.mark.skipif(not BENCH.exists(), reason="extraction benchmark not present")
def test_benchmark_pages_parse_as_trafilatura_loads_them() -> None:
    from lxml import etree
    from trafilatura.utils import load_html

    for path in sorted((BENCH / "html").glob("*.html.gz"))[:5]:
        page = gzip.decompress(path.read_bytes()).decode("utf-8")
        assert etree.tostring(parse(page)) == etree.tostring(load_html(page)), path.name

"""A table of byline, date and title cases, each a small page of our own written after
markup seen on real news pages (no publisher's page is copied): English, German, French,
Spanish, Norwegian, Italian, Russian and Ukrainian. Each page goes through extract_html as
an audit would."""

from __future__ import annotations

import json

import pytest

from audit.metadata import parse_date, split_names, written_date
from audit.provenance import byline_authors
from audit.provenance import parse_date as provenance_date
from audit.report import provenance_dict
from audit.strip.html import extract_html
from audit.strip.text import strip_text

BODY = "".join(f"<p>{p}</p>" for p in (
    "The regional council approved the new water plan on Monday after a long debate about "
    "the cost of repairing the old pipes under the market square and the harbour.",
    "Engineers said the work would take two years and that most streets would stay open, "
    "although some bus routes will change while the pipes under them are replaced.",
    "Residents who spoke at the meeting asked for a clear timetable, and the council "
    "promised to publish one on its website before the end of the month.",
))


def page(head: str = "", top: str = "", title: str = "Water plan approved",
         h1: str = "Water plan approved", after: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}"
            f"</head><body><header><nav><a href='/'>Home</a> <a href='/city'>City</a></nav>"
            f"</header><main><article><h1>{h1}</h1>{top}{BODY}</article>{after}</main>"
            f"<footer><p>Contact us</p></footer></body></html>")


def ld(obj: dict) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def meta(name: str, content: str, attr: str = "name") -> str:
    return f"<meta {attr}='{name}' content='{content}'>"


def provenance(html: str, url: str | None = None) -> dict:
    return provenance_dict(extract_html(html, url=url).provenance)


BYLINES = [
    # English: two rel=author links in one byline element.
    ("en rel=author", page(top="<p class='byline'>By <a rel='author' href='/staff/amy'>Amy "
                                "Fielding</a> and <a rel='author' href='/staff/ben'>Ben Hollis"
                                "</a></p>"), ["Amy Fielding", "Ben Hollis"]),
    # German: "Ein Artikel von" before the name element.
    ("de ein artikel von", page(top="<div class='article-autor'>Ein Artikel von <span "
                                    "class='autor-name'>Max Lindqvist</span></div>"),
     ["Max Lindqvist"]),
    # German: an author field with the desk's short sign in brackets.
    ("de sign in brackets", page(head=meta("author", "Erika Sommerfeld (som)")),
     ["Erika Sommerfeld"]),
    # French: "Par" in the byline element.
    ("fr par", page(top="<span class='auteur'>Par Jeanne Marchetti</span>"),
     ["Jeanne Marchetti"]),
    # Spanish: "Por" and the date in the same element.
    ("es por", page(top="<div class='byline'>Por Lucía Herrera Campos | 23/07/2017</div>"),
     ["Lucía Herrera Campos"]),
    # Norwegian: JSON-LD names only the organisation; the visible byline names the person.
    ("no org in json-ld", page(
        head=ld({"@type": "NewsArticle", "headline": "Vannplanen er vedtatt",
                 "author": {"@type": "Organization", "name": "Fjordavisen"}}),
        top="<div class='byline'><span class='byline__name'>Kari Solberg</span> Journalist"
            "</div>"), ["Kari Solberg"]),
    # Italian: microdata author with a name inside.
    ("it itemprop", page(top="<div itemprop='author' itemscope><span itemprop='name'>Giulia "
                             "Ferraresi</span></div>"), ["Giulia Ferraresi"]),
    # An author field naming the person and the site: the site is no author.
    ("en person, site", page(head=meta("author", "Victor Lanning, Wiredesk")
                             + meta("og:site_name", "Wiredesk", "property")),
     ["Victor Lanning"]),
    # An e-mail address as the author field: the byline element names the person.
    ("de e-mail", page(head=meta("author", "a.kroll@zeitung.example"),
                       top="<div class='author'>Anna Kroll</div>"), ["Anna Kroll"]),
    # A placeholder author field.
    ("en admin", page(head=meta("author", "admin"),
                      top="<span class='author vcard'>Sara Whitlock</span>"), ["Sara Whitlock"]),
    # A handle after the name.
    ("es handle", page(head=meta("author", "Williams Prado @wprado")), ["Williams Prado"]),
    # A comment's author and an image's microdata author are not the article's.
    ("en comments, image credit", page(
        top="<figure itemscope itemtype='https://schema.org/ImageObject'><img src='a.jpg'>"
            "<span itemprop='author'>Stockframe Images</span></figure>",
        after="<section class='comments'><span class='comment-author'>Dave99</span>"
              "<p>First!</p></section>"), []),
]


@pytest.mark.parametrize("case,html,names", BYLINES, ids=[c[0] for c in BYLINES])
def test_byline_cases(case, html, names) -> None:
    assert [a["name"] for a in provenance(html)["authors"]] == names


DATES = [
    # A template's placeholder is no date.
    ("placeholder", page(head=ld({"@type": "NewsArticle", "headline": "H",
                                  "datePublished": "0001-01-01T00:00:00Z"})), None, None),
    # The same instant in UTC and with the page's offset: the page's own day is kept.
    ("utc and offset", page(head=meta("article:published_time", "2024-03-05T23:30:00Z",
                                      "property")
                            + ld({"@type": "NewsArticle", "headline": "H",
                                  "datePublished": "2024-03-06T00:30:00+01:00"})),
     "2024-03-06T00:30:00+01:00", "json-ld"),
    # A time zone abbreviation.
    ("en cdt", page(head=meta("article:published_time", "June 5, 2024 10:05 PM CDT",
                              "property")), "2024-06-05T22:05:00-05:00", "meta"),
    # Only the URL gives the date.
    ("url", page(), "2023-07-23", "url"),
    # German: only the text under the headline gives it.
    ("de text", page(top="<p class='meta'>Veröffentlicht am 23. Juli 2017</p>"),
     "2017-07-23", None),
    # Spanish: the same.
    ("es text", page(top="<div class='fecha'>23 de julio de 2017</div>"), "2017-07-23", None),
    # A date in the future (a typing error) is not the publication's.
    ("future", page(head=meta("article:published_time", "2999-01-01", "property")), None, None),
    # An ISO day in a dateline under the headline.
    ("iso dateline", page(top="<p class='date'>Written: 2023-11-07 15:03<span> / </span>"
                              "Updated: 2023-11-08 09:30</p>"), "2023-11-07", None),
    # German: the date set in the headline itself comes before a later one under it.
    ("de date in h1", page(h1="<span class='date'>27.01.2022</span> Wasserplan beschlossen",
                           top="<div class='note'>31.12.2018</div>"), "2022-01-27", "text"),
    # A heading for screen readers only is no headline: the date under the real one.
    ("hidden h1", page(top="<div class='date'>27.01.2022</div>").replace(
        "<main>", "<main><h1 class='aural'>Service</h1><div>31.12.2018</div>"),
     "2022-01-27", "text"),
    # German: a topline alone above the headline.
    ("de topline", page().replace("<h1>", "<div class='topline'><span>06.12.2022</span>"
                                  "</div><h1>"), "2022-12-06", "text"),
    # A <time> in a list of teasers dates another story; the page's own date is written.
    ("teaser time", page(top="<p><span class='published'>31. Oktober 2023</span></p>",
                         after="<ul><li><article><time datetime='2020-12-03T07:32:49'>"
                               "3. Dezember 2020</time><a href='/other'>Other story</a>"
                               "</article></li></ul>"), "2023-10-31", "text"),
    # German: no headline to search under; the date labelled as the publication's, not the
    # one labelled as the last change.
    ("de labelled", page(after="<p class='footer'>Letzte Änderung: 31.10.2023 - 14:49<br>"
                               "<span>Erschienen am:</span> <b>01.11.2023</b></p>").replace(
        "<h1>Water plan approved</h1>", ""), "2023-11-01", "text"),
    # French: label and date in one text.
    ("fr labelled", page(after="<p>Mis à jour le 5 mars 2021</p><p>Publié le 3 février 2021"
                               "</p>").replace("<h1>Water plan approved</h1>", ""),
     "2021-02-03", "text"),
    # Russian: a dateline above the headline.
    ("ru topline", page().replace("<h1>", "<p class='date'>15 августа 2016, 13:43</p><h1>"),
     "2016-08-15", "text"),
    # A day written first where it cannot be a month.
    ("dd/mm/yyyy", page(top="<div class='category'>Familie</div><div>17/02/2022</div>"),
     "2022-02-17", "text"),
]


@pytest.mark.parametrize("case,html,iso,kind", DATES, ids=[c[0] for c in DATES])
def test_date_cases(case, html, iso, kind) -> None:
    url = "https://news.example.org/2023/07/23/water-plan" if case == "url" else None
    published = provenance(html, url)["published"]
    assert (published or {}).get("iso") == iso
    if kind:
        assert published["origin"]["kind"] == kind


@pytest.mark.parametrize("text,iso", [
    ("17/02/2022", "2022-02-17"),
    ("02/05/2022", None),  # 2 May or 5 February: not read
    ("Written: 2023-11-07 15:03:30", "2023-11-07"),
    ("Sonntag, 23. Juli 2017", "2017-07-23"),
    ("15 августа 2016, 13:43", "2016-08-15"),  # Russian
    ("3 березня 2022", "2022-03-03"),  # Ukrainian
])
def test_written_dates(text, iso) -> None:
    assert (written_date(text) or (None,))[0] == iso


@pytest.mark.parametrize("raw,iso", [
    ("March 5, 2024", "2024-03-05"),
    ("5 mars 2024", "2024-03-05"),
    ("5. März 2024", "2024-03-05"),
    ("March 5, 2024 10:05 AM", "2024-03-05T10:05:00"),
])
def test_meta_values_with_month_names(raw, iso) -> None:
    """A meta tag's date with a month name is read with the same month names."""
    assert parse_date(raw) == iso


def test_published_and_modified_told_apart() -> None:
    html = page(head=ld({"@type": "NewsArticle", "headline": "H",
                         "datePublished": "2024-03-05", "dateModified": "2024-04-01"}))
    prov = provenance(html)
    assert (prov["published"]["iso"], prov["modified"]["iso"]) == ("2024-03-05", "2024-04-01")


TITLES = [
    # English: "Headline | Site" with og:site_name saying which part is the site.
    ("en bar", page(title="Water plan approved | Harbour Times",
                    head=meta("og:site_name", "Harbour Times", "property"), h1="Other"),
     "Water plan approved", "Harbour Times"),
    # German: the site first, named by the JSON-LD publisher.
    ("de site first", page(title="Hafenblatt - Wasserplan beschlossen", h1="Anders",
                           head=ld({"@type": "NewsArticle",
                                    "publisher": {"@type": "Organization",
                                                  "name": "Hafenblatt"}})),
     "Wasserplan beschlossen", "Hafenblatt"),
    # French: the domain names the site.
    ("fr domain", page(title="Le plan d’eau adopté – journaldeport.fr", h1="Autre"),
     "Le plan d’eau adopté", "journaldeport.fr"),
    # Entities escaped twice in a meta tag are decoded.
    ("it entities", page(head=meta("og:title", "Il &amp;quot;piano&amp;quot; &#8216;acqua"
                                   "&#8217;", "property"), h1="Altro"),
     "Il \"piano\" ‘acqua’", None),
    # Nothing says which part is the site: the title stays whole.
    ("no confirmation", page(title="Water plan - what changes", h1="Other"),
     "Water plan - what changes", None),
    # The <h1> agrees with the <title>, not with JSON-LD's headline: two sources win.
    ("h1 agrees with a second title", page(
        title="Council approves the water plan", h1="Council approves the water plan",
        head=ld({"@type": "NewsArticle", "headline": "Water plan: what changes for you"})),
     "Council approves the water plan", None),
    # The <h1> has the typographic marks the og:title flattened.
    ("h1 typographic", page(head='<meta property="og:title" content="Mayor\'s '
                                 '&quot;clear&quot; plan - approved">',
                            title="Other words", h1="Mayor’s “clear” plan – approved"),
     "Mayor’s “clear” plan – approved", None),
    # A kicker before the <h1> in the headline is dropped; a tail after it too.
    ("h1 without kicker", page(title="Chronik: Council approves the water plan",
                               h1="Council approves the water plan"),
     "Council approves the water plan", None),
    ("h1 without tail", page(title="Lemon cake from the tray Rezept",
                             h1="Lemon cake from the tray"),
     "Lemon cake from the tray", None),
    # Must not fire: a short <h1> (a section name) at the title's start.
    ("short h1 kept out", page(title="Hamburg: Council approves the water plan", h1="Hamburg"),
     "Hamburg: Council approves the water plan", None),
    # Must not fire: the <h1> covers under half the title.
    ("h1 too short a part", page(
        title="Water plan approved: the council's long debate about pipes and bus routes ends",
        h1="Water plan approved"),
     "Water plan approved: the council's long debate about pipes and bus routes ends", None),
    # No JSON-LD headline: an <h1> of four words or more on the same subject (a shared
    # word) beats the og:title's other wording.
    ("h1 beats og:title", page(head=meta("og:title", "Water plan: what changes now",
                                         "property"),
                               title="Water plan", h1="Council approves the water plan"),
     "Council approves the water plan", None),
    # Must not fire: JSON-LD states the headline; the <h1> shares no word (a promotion);
    # the <h1> adds a kicker to the title; an <h1> of three words.
    ("json-ld headline kept", page(
        head=ld({"@type": "NewsArticle", "headline": "Water plan: what changes now"}),
        title="Water plan", h1="Council approves the water plan"),
     "Water plan: what changes now", None),
    ("h1 on another subject", page(head=meta("og:title", "Water plan: what changes now",
                                             "property"),
                                   title="Water plan", h1="Join our petition today please"),
     "Water plan: what changes now", None),
    ("h1 with a kicker", page(head=meta("og:title", "Water plan approved", "property"),
                              title="Water plan", h1="City Council Water plan approved"),
     "Water plan approved", None),
    ("h1 of three words", page(head=meta("og:title", "Water plan: what changes now",
                                         "property"),
                               title="Water plan", h1="Council approves plan"),
     "Water plan: what changes now", None),
    # The site's part is the text of a link to the home page (the site's title).
    ("home link names the site", page(title="Lemon cake from the tray | Baking at Home Lane",
                                      h1="Other", top="<a href='/'>Baking at Home Lane</a>"),
     "Lemon cake from the tray", "Baking at Home Lane"),
    ("home link, site first", page(title="Baking Lane - Lemon cake from the tray", h1="Other",
                                   top="<a href='https://www.example.org/'><img src='l.png' "
                                       "alt='Baking Lane'></a>"),
     "Lemon cake from the tray", "Baking Lane"),
    # Must not fire: a home link whose text is not a part of the title, or a link elsewhere.
    ("home link other text", page(title="Lemon cake | from the tray", h1="Other",
                                  top="<a href='/'>Home</a>"),
     "Lemon cake | from the tray", None),
    ("link to another page", page(title="Lemon cake | Baking Lane", h1="Other",
                                  top="<a href='/recipes'>Baking Lane</a>"),
     "Lemon cake | Baking Lane", None),
    # Must not fire: the <h1> continues a word of the title ("Water plan" in "Water planning").
    ("h1 inside a word", page(title="Water planning rules for the old town",
                              h1="Water plan"),
     "Water planning rules for the old town", None),
]


@pytest.mark.parametrize("case,html,title,site", TITLES, ids=[c[0] for c in TITLES])
def test_title_cases(case, html, title, site) -> None:
    url = ("https://www.journaldeport.fr/ville/plan" if case == "fr domain"
           else "https://www.example.org/recipes/lemon" if case.startswith("home link")
           else None)
    prov = provenance(html, url)
    assert prov["title"]["text"] == title
    if site:
        assert site in [s["name"] for s in prov["site_names"]]


@pytest.mark.parametrize("text,names", [
    ("By Amy Fielding and Ben Hollis", ["Amy Fielding", "Ben Hollis"]),
    ("Elena Brunner (ebr)", ["Elena Brunner"]),
    ("Brunner, Elena", ["Elena Brunner"]),
    ("Jane Fielding, Senior Reporter", ["Jane Fielding"]),
    ("Von Max Lindqvist und Erika Sommerfeld", ["Max Lindqvist", "Erika Sommerfeld"]),
    ("Zeige alle Beiträge von Carl Jansen", ["Carl Jansen"]),
    ("Kyle Warren 7 hours ago", ["Kyle Warren"]),
    ("Redaktion", ["Redaktion"]),
    ("https://example.org/author/jane", []),
])
def test_split_names(text, names) -> None:
    assert split_names(text) == names


@pytest.mark.parametrize("line,names", [
    ("Monday November 18, 2019 7:45 am PST by Joe Fairbanks", ["Joe Fairbanks"]),
    ("Chris Dalton - Nov 19, 2019, 10:31 pm CST", ["Chris Dalton"]),
    ("Robert Hale, AP National Security Writer", ["Robert Hale"]),
    ("Von Moritz Brandt publiziert am 30. Juli 2018", ["Moritz Brandt"]),
    ("Posted on March 30, 2015 by admin", []),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", []),
])
def test_text_page_byline_lines(line, names) -> None:
    assert byline_authors(line) == names


@pytest.mark.parametrize("line,iso", [
    ("BY SIRAJ April -10-2024 EAST 14:54", "2024-04-10T14:54"),
    ("Von Moritz Brandt publiziert am 30. Juli 2018, 14:05", "2018-07-30T14:05"),
    ("Par Léa Martin, publié le 3 février 2021", "2021-02-03"),
    ("Posted 2019-11-19 7:45 pm", "2019-11-19T19:45"),
])
def test_byline_dates_read_as_metadata_reads_them(line, iso) -> None:
    """A byline's date is read with metadata's multilingual months (one list for both)."""
    assert provenance_date(line)[0] == iso


def test_text_page_credits() -> None:
    page_text = (
        "Deal talks stall\n\nThe two companies broke off talks on Monday after a week of "
        "haggling over price, three people familiar with the matter said (AP).\n\n"
        "The shares fell in early trading in New York and Frankfurt on the news.\n\n"
        "(Reporting by Greg Lawson in New York and Anna Meier; Editing by Jane Holt)\n\n"
        "This article was originally published by Wiredesk. Read the original article.")
    credits = provenance_dict(strip_text(page_text).provenance)["credits"]
    assert [(c["kind"], c["name"]) for c in credits] == [
        ("wire", "AP"), ("reporting", "Greg Lawson"), ("reporting", "Anna Meier"),
        ("republished", "Wiredesk")]
    assert all(c["origin"]["kind"] == "line" for c in credits)


def test_html_furniture_is_recorded() -> None:
    html = page(after="<section class='related-stories'><a href='/a'>Another story</a></section>"
                      "<div id='comments'><p>Nice article</p></div>")
    removed = [(b.role, b.reason, b.element) for b in extract_html(html).blocks
               if b.span is None]
    assert ("navigation", "page-header", "header") in removed
    assert ("related", "related-region", "section") in removed
    assert ("comments", "comments-region", "div") in removed
    assert "footer" in [element for _, _, element in removed]  # "Contact us": its own rule


def test_source_and_translation_credits() -> None:
    page_text = (
        "Ships sail at dawn\n\nThe fleet left the harbour on Monday morning after a week of "
        "storms kept it in port, the harbour master said.\n\nThe ships are expected back "
        "next week if the weather holds, he added.\n\nSource: 澎湃新闻\n\n"
        "Translated by Maria Rossi")
    credits = provenance_dict(strip_text(page_text).provenance)["credits"]
    assert [(c["kind"], c["name"]) for c in credits] == [
        ("source", "澎湃新闻"), ("translation", "Maria Rossi")]


def test_a_heading_link_that_does_not_parse_is_not_the_home_page() -> None:
    """A heading's link to "http://[::1" (urlsplit raises) neither crashes nor counts as home."""
    html = f"<html><body><h2><a href='http://[::1'>Water plan approved</a></h2>{BODY}</body></html>"
    assert extract_html(html).text


def org(name: str) -> str:
    return ld({"@type": "NewsArticle", "headline": "Water plan approved",
               "publisher": {"@type": "Organization", "name": name}})


PUBLISHERS = [
    # The site's name wins over a JSON-LD publisher that holds it and more words.
    ("company form", org("Ediciones Harbour Times S.L.")
     + meta("og:site_name", "Harbour Times", "property"), None, "Harbour Times"),
    ("edition label", org("HarbourTimes Premium")
     + meta("og:site_name", "HarbourTimes", "property"), None, "HarbourTimes"),
    # Must not fire: a site name longer than the publisher, another name, or a domain.
    ("site longer", org("Harbour Times") + meta("og:site_name", "The Harbour Times",
                                                "property"), None, "Harbour Times"),
    ("other name", org("Evening Harbour") + meta("og:site_name", "The Harbour", "property"),
     None, "Evening Harbour"),
    ("domain is one word", org("Hafenblatt Zeitung") + meta("og:site_name", "Hafenblatt.de",
                                                            "property"),
     None, "Hafenblatt Zeitung"),
    # A site name given as an address is its host.
    ("address", meta("application-name", "https://www.hafenblatt.at"),
     "https://www.hafenblatt.at/stadt/plan", "hafenblatt.at"),
    # A site name of several parts: the part that is the domain's name.
    ("parts", meta("og:site_name", "Hafen Nachrichten – Port News – Other Script", "property"),
     "https://www.hafen-nachrichten.org/archive/1", "Hafen Nachrichten"),
    # Must not fire: no part is the domain's name.
    ("parts, none the domain", meta("og:site_name", "Port News – Harbour Daily", "property"),
     "https://www.example.org/archive/1", "Port News – Harbour Daily"),
]


@pytest.mark.parametrize("case,head,url,name", PUBLISHERS, ids=[c[0] for c in PUBLISHERS])
def test_publisher_cases(case, head, url, name) -> None:
    prov = provenance(page(head=head), url)
    found = prov["publisher"] or (prov["site_names"] or [None])[0]
    assert found["name"] == name

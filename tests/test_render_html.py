"""The annotated HTML view: self-contained, accessible, and really visible in a browser."""

import gzip
import html as html_lib
import itertools
import json
import math
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import audit
from audit.cli import cli
from audit.render import html as html_view
from conftest import ROOT, SEEDS, SHARED

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


@pytest.fixture(scope="module")
def seed_reports():
    return [audit.audit_path(seed) for seed in SEEDS]


def test_page_is_self_contained(seed_reports):
    for report in seed_reports:
        page = html_view.render(report)
        assert page.startswith("<!DOCTYPE html>")
        assert not re.search(r"<link\b|<script[^>]*\bsrc=|@import|url\(", page)
        assert 'name="viewport"' in page and 'lang="en"' in page


def test_every_attribution_and_claim_is_highlighted(seed_reports):
    for report in seed_reports:
        page = html_view.render(report)
        for kind in {a["source_type"] for a in report["sourcing"]["attributions"]}:
            assert f"t-{kind}" in page
        if report["sourcing"]["unattributed"]:
            assert 'class="claim' in page or " claim" in page
        assert page.count('tabindex="0"') >= len(report["sourcing"]["attributions"])


def test_the_authors_own_voice_is_marked():
    text = ("I think the council is wrong, and you should be angry about it. " * 20
            + "\n\nThe mayor said the plan would go ahead.")
    report = audit.audit_text(text, strip=False)
    page = html_view.render(report)
    voice = next(s for s in report["scores"]["sourcing"]["signals"] if s["name"] == "own-voice")
    assert voice["spans"]
    marked = re.findall(r'<mark tabindex="0" class="([^"]*)"[^>]*>(\w+)</mark>', page)
    assert [word for classes, word in marked if "voice" in classes.split()] == ["I", "you"] * 20


def test_article_text_survives_escaping():
    report = audit.audit_text('<script>alert("x")</script> & the mayor said "yes".', strip=False)
    page = html_view.render(report)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_removed_furniture_is_struck_out_in_a_collapsed_section():
    report = audit.audit_path(SEEDS[4])
    page = html_view.render(report)
    assert "<details" in page and "<del>" in page


def test_cli_html_dir_writes_pages_and_a_sortable_index(runner, tmp_path):
    result = runner.invoke(cli, ["check", str(ROOT / "seeds"), "--html-dir", str(tmp_path), "-q"])
    assert result.exit_code in (0, 1)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted([s.name + ".html" for s in SEEDS] + ["index.html"])
    index = (tmp_path / "index.html").read_text()
    assert index.count("<tr>") == len(SEEDS) + 1
    assert "<button" in index and "<svg" in index


def test_cli_format_html(runner):
    result = runner.invoke(cli, ["check", str(SEEDS[2]), "--format", "html"])
    assert result.exit_code in (0, 1)
    assert result.output.startswith("<!DOCTYPE html>")


# ------------------------------------------------------------------ colour and contrast


def _rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _luminance(colour: str) -> float:
    r, g, b = map(_linear, _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Deuteranopia, Machado et al. (2009), severity 1, on linear RGB.
MACHADO_DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                        (-0.011820, 0.042940, 0.968881))


def _lab(linear_rgb):
    r, g, b = linear_rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _lab_of(colour: str, deuteranopia: bool = False):
    rgb = [_linear(c) for c in _rgb(colour)]
    if deuteranopia:
        rgb = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb))))
               for row in MACHADO_DEUTERANOPIA]
    return _lab(rgb)


def _css_rules(css: str) -> dict[str, str]:
    return {sel.strip(): body for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)}


def test_wcag_contrast_of_the_palette():
    """Every colour pair the page draws: text at least 4.5:1 (the article text on a source
    tint at least 7:1), lines and bars that carry meaning at least 3:1 (WCAG 1.4.11)."""
    rules = _css_rules(html_view.CSS)
    root = dict(re.findall(r"--([a-z]+):(#[0-9a-f]{6})", rules[":root"]))
    fg, bg = root["fg"], root["bg"]
    assert contrast(fg, bg) >= 7
    assert contrast(root["muted"], bg) >= 4.5  # notes and details
    assert contrast(root["accent"], bg) >= 4.5  # links
    assert contrast("#ffffff", "#222222") >= 4.5  # the tooltip
    assert contrast("#ffffff", "#a51d2d") >= 4.5  # the "hard" label
    assert contrast("#007b5a", "#f0f0f0") >= 3 and contrast("#a51d2d", "#f0f0f0") >= 3  # bars
    voice = re.search(r"outline:3px double (#[0-9a-f]{6})", rules[".voice"])[1]
    assert contrast(voice, bg) >= 3  # the author's own voice (#16)
    for kind in html_view.TYPE_LABELS:
        body = rules[f".t-{kind}"]
        tint = re.search(r"background-color:(#[0-9a-f]{6})", body)[1]
        line = re.search(r"(?:text-decoration-color:|border:2px \w+ )(#[0-9a-f]{6})", body)[1]
        assert contrast(fg, tint) >= 7, f"{kind}: text on its tint {contrast(fg, tint):.2f}"
        assert contrast(line, tint) >= 3, f"{kind}: line on its tint {contrast(line, tint):.2f}"
        assert contrast(line, bg) >= 3, f"{kind}: line on the page {contrast(line, bg):.2f}"


def test_source_types_differ_in_shape_and_in_colour_under_deuteranopia():
    rules = _css_rules(html_view.CSS)
    shapes, tints = {}, {"claim": html_view.CLAIM_COLOUR}
    for kind in html_view.TYPE_LABELS:
        body = rules[f".t-{kind}"]
        lines = re.search(r"text-decoration-line:([a-z ]+)", body)
        style = re.search(r"text-decoration-style:(\w+)", body)
        border = re.search(r"border:2px (\w+)", body)
        shapes[kind] = ("box " + border[1]) if border else f"{lines[1]} {style[1]}"
        tints[kind] = re.search(r"background-color:(#[0-9a-f]{6})", body)[1]
    assert len(set(shapes.values())) == len(html_view.TYPE_LABELS) == 8, shapes
    for deuteranopia in (False, True):
        for a, b in itertools.combinations(tints, 2):
            distance = math.dist(_lab_of(tints[a], deuteranopia), _lab_of(tints[b], deuteranopia))
            assert distance >= 15, f"{a} and {b} look alike (ΔE {distance:.1f}, " \
                f"deuteranopia {deuteranopia})"


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


# One frame per width, each probed when it has loaded (one browser start for all widths).
HARNESS = """<!DOCTYPE html><html><body style="margin:0">
<script>
var PAGE = %s, WIDTHS = %s;
WIDTHS.forEach(function (width) {
  var frame = document.createElement('iframe');
  frame.width = width; frame.height = 3000; frame.style.border = '0'; frame.src = PAGE;
  frame.addEventListener('load', function () { probe(frame, width); });
  document.body.appendChild(frame);
});
function probe(frame, width) {
  var d = frame.contentDocument, w = frame.contentWindow;
  var marks = Array.from(d.querySelectorAll('article mark'));
  var visible = marks.filter(function (m) {
    var r = m.getBoundingClientRect(), s = w.getComputedStyle(m);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  });
  var styled = marks.filter(function (m) {
    var s = w.getComputedStyle(m);
    return s.textDecorationLine.indexOf('underline') >= 0 || s.boxShadow !== 'none'
      || s.borderLeftStyle !== 'none' || s.backgroundImage !== 'none';
  });
  // Keyboard: every element in the Tab order takes focus; each attribution owns one stop.
  var stops = Array.from(d.querySelectorAll('article [tabindex="0"]'));
  var focusable = stops.filter(function (m) { m.focus(); return d.activeElement === m; });
  var owners = [];
  stops.forEach(function (m) { owners = owners.concat((m.dataset.stop || '').split(' ')); });
  // The chart: every row inside its list, and its labels at a readable size.
  var chart = d.querySelector('.chart'), box = chart ? chart.getBoundingClientRect() : null;
  var clipped = chart ? Array.from(chart.querySelectorAll('li > span')).filter(function (e) {
    var r = e.getBoundingClientRect();
    return r.right > box.right + 0.5 || r.left < box.left - 0.5
      || e.scrollWidth > e.clientWidth + 1;
  }).map(function (e) { return e.className + ':' + e.textContent; }) : [];
  var label = chart ? parseFloat(w.getComputedStyle(chart.querySelector('.lbl')).fontSize) : 0;
  var links = Array.from(d.querySelectorAll('a[href^="#"]')).filter(function (a) {
    return !d.getElementById(a.getAttribute('href').slice(1));
  }).length;
  var first = d.querySelector('article mark[class*="t-"]');
  first && first.focus();
  var tip = first ? w.getComputedStyle(first, '::after').content : '';
  var out = document.createElement('pre');
  out.className = 'probe';
  out.textContent = JSON.stringify({marks: marks.length, visible: visible.length,
    styled: styled.length, width: w.innerWidth, scrollWidth: d.documentElement.scrollWidth,
    tip: tip, stops: stops.length, focusable: focusable.length, owners: owners,
    clipped: clipped, label: label, brokenLinks: links});
  document.body.appendChild(out);
}
</script></body></html>"""

# Deuteranopia (Machado et al. 2009, severity 1) as an SVG filter over the page, for a
# screenshot to look at: the eight source types must still be told apart.
DEUTERANOPIA = """<!DOCTYPE html><html><body style="margin:0">
<svg width="0" height="0" style="position:absolute"><filter id="d"
color-interpolation-filters="linearRGB"><feColorMatrix type="matrix" values="
0.367322 0.860646 -0.227968 0 0  0.280085 0.672501 0.047413 0 0
-0.011820 0.042940 0.968881 0 0  0 0 0 1 0"/></filter></svg>
<iframe src="%s" width="%d" height="2400" style="border:0;filter:url(#d)"></iframe>
</body></html>"""


def _probe(common, folder, page_name, widths):
    """What the page looks like in a frame of each width: {width: probe}."""
    harness = folder / f"harness-{page_name}.html"
    harness.write_text(HARNESS % (json.dumps(page_name), json.dumps(list(widths))),
                       encoding="utf-8")
    dom = subprocess.run([*common, "--allow-file-access-from-files", "--window-size=1400,2000",
                          "--virtual-time-budget=5000", "--dump-dom", harness.as_uri()],
                         capture_output=True, text=True, timeout=120)
    found = re.findall(r'<pre class="probe">(.*?)</pre>', dom.stdout, re.S)
    assert len(found) == len(widths), f"the page did not load in Chromium: {dom.stderr[-500:]}"
    probes = [json.loads(html_lib.unescape(text)) for text in found]
    return {probe["width"]: probe for probe in probes}


def _screenshot(common, target, shot, width, height=2400):
    subprocess.run([*common, "--allow-file-access-from-files", f"--window-size={width},{height}",
                    "--virtual-time-budget=3000", f"--screenshot={shot}", target.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000, f"no screenshot {shot.name}"
    return shot


def _bench_report():
    page = SHARED / "bench" / "extraction" / "html" / f"{BENCH_PAGE}.html.gz"
    if not page.exists():
        pytest.skip(f"no benchmark page {page.name} beside the repository (../shared)")
    return audit.audit_html(gzip.decompress(page.read_bytes()), source=page.name)


BENCH_PAGE = "06e5123e4ef7cfb4"  # five source types, a dozen findings


def test_highlights_are_visible_in_a_real_browser(tmp_path):
    """Renders seed 002 (and 004), and a benchmark HTML page, in headless Chromium at 320, 420
    and 1280 px: the highlights exist, have a size, carry an underline, box or pattern (so
    they are told apart without colour), each attribution is one Tab stop that takes focus,
    focus shows the tooltip, the score chart is neither clipped nor tiny, every in-page
    link has its target, and nothing is wider than the window. Saves screenshots at 420 and
    1280 px, and one through a deuteranopia filter (copied to tests/artifacts/ when that
    folder exists, for a person to look at)."""
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium here: install the Debian packages chromium and chromium-driver "
                    "(.ci/run does) to run the browser test")
    common = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    shots = []
    pages = [(seed.stem[:3], audit.audit_path(seed)) for seed in (SEEDS[2], SEEDS[4])]
    pages.append((f"bench-{BENCH_PAGE}", _bench_report()))
    for name, report in pages:
        page = tmp_path / f"{name}.html"
        page.write_text(html_view.render(report, index="index.html"), encoding="utf-8")
        attributions = report["sourcing"]["attributions"]
        probes = _probe(common, tmp_path, page.name, (320, 420, 1280))
        assert sorted(probes) == [320, 420, 1280]
        for width, probe in probes.items():
            if attributions:
                assert probe["marks"] > 0
                assert "type:" in probe["tip"]
            assert probe["visible"] == probe["marks"]
            assert probe["styled"] == probe["marks"]
            assert probe["focusable"] == probe["stops"], "a Tab stop that does not take focus"
            owned = [o for o in probe["owners"] if o.startswith("a")]
            assert sorted(owned) == sorted(f"a{i}" for i in range(len(attributions))), \
                "each attribution must be exactly one Tab stop"
            for prefix, marked in (("c", report["sourcing"]["unattributed"]),
                                   ("h", report["readability"]["hardest_sentences"])):
                assert sum(o.startswith(prefix) for o in probe["owners"]) == len(marked), \
                    "every claim and hard sentence is reachable by keyboard, once"
            assert probe["clipped"] == [], f"the score chart is clipped at {width} px"
            assert probe["label"] >= 12, f"chart labels {probe['label']} px at {width} px"
            assert probe["brokenLinks"] == 0
            assert probe["scrollWidth"] <= width, f"wider than {width} px: {probe['scrollWidth']}"
        if name == "004":
            continue
        for width in (420, 1280):
            shots.append(_screenshot(common, page, tmp_path / f"{name}-{width}.png", width))
        harness = tmp_path / f"{name}-deut.html"
        harness.write_text(DEUTERANOPIA % (page.name, 1280), encoding="utf-8")
        shots.append(_screenshot(common, harness, tmp_path / f"{name}-1280-deuteranopia.png",
                                 1280))
    keep = ROOT / "tests" / "artifacts"
    if keep.is_dir():
        for shot in shots:
            shutil.copy(shot, keep / shot.name)


def test_ci_installs_the_browser():
    assert "chromium" in Path(ROOT / ".ci" / "run").read_text()


def test_index_lists_failed_inputs_and_sorts_missing_scores_last(runner, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    pages = tmp_path / "pages"
    result = runner.invoke(cli, ["check", str(SEEDS[1]), str(SEEDS[2]), str(bad),
                                 "--html-dir", str(pages), "-q"])
    assert result.exit_code == 3
    index = (pages / "index.html").read_text()
    assert "Not audited (1)" in index and "empty.txt" in index
    rows = re.findall(r"<tr><td data-v=.*?</tr>", index)
    assert "—" not in rows[0] and "—" in rows[-1]  # seed 001 has no overall score: last
    assert "if(p===''||q==='')" in index  # and stays last when a column is sorted
    page = (pages / f"{SEEDS[2].name}.html").read_text()
    assert '<a href="index.html">' in page


def test_findings_link_to_their_highlight_and_back(seed_reports):
    for report in seed_reports:
        page = html_view.render(report)
        for n, finding in enumerate(html_view.ranked(report["findings"]), 1):
            assert f'id="finding-{n}"' in page
            if finding["span"]:
                assert f'href="#at-{n}"' in page and f'id="at-{n}"' in page
                assert f'href="#finding-{n}"' in page


def test_one_tab_stop_per_attribution(seed_reports):
    for report in seed_reports:
        page = html_view.render(report)
        owners = " ".join(re.findall(r'data-stop="([^"]*)"', page)).split()
        attributions = [o for o in owners if o.startswith("a")]
        assert sorted(attributions) == sorted(
            f"a{i}" for i in range(len(report["sourcing"]["attributions"])))
        assert page.count('tabindex="0"') == len(re.findall(r'data-stop="', page))


def test_excerpts_that_start_with_a_quote_are_not_quoted_twice(seed_reports):
    for report in seed_reports:
        page = html_view.render(report)
        assert not re.search(r"<q>[“\"‘«„]", page)


def test_smog_note_only_under_notes_on_the_formulas(seed_reports):
    report = next(r for r in seed_reports
                  if any(w["code"].startswith("smog") for w in r["readability"]["warnings"]))
    page = html_view.render(report)
    assert page.count("SMOG") == 1
    assert page.index("<summary>Notes on the formulas") < page.index("SMOG")


def test_plurals_are_words_on_the_page(seed_reports):
    for report in seed_reports:
        page = html_view.render(report)
        assert "(s)" not in page and "1 people" not in page

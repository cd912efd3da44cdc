"""The annotated HTML view: self-contained, accessible, and really visible in a browser."""

import html as html_lib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import audit
from audit.cli import cli
from audit.render import html as html_view
from conftest import ROOT, SEEDS

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


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


HARNESS = """<!DOCTYPE html><html><body>
<iframe id="f" src="%s" width="%d" height="3000"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {
  var d = this.contentDocument, w = this.contentWindow;
  var marks = Array.from(d.querySelectorAll('article mark'));
  var visible = marks.filter(function (m) {
    var r = m.getBoundingClientRect(), s = w.getComputedStyle(m);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  });
  var styled = marks.filter(function (m) {
    var s = w.getComputedStyle(m);
    return s.textDecorationLine.indexOf('underline') >= 0 || s.boxShadow !== 'none'
      || s.borderLeftStyle !== 'none';
  });
  var first = d.querySelector('article mark[class*="t-"]');
  first && first.focus();
  var tip = first ? w.getComputedStyle(first, '::after').content : '';
  var out = document.createElement('pre');
  out.id = 'probe';
  out.textContent = JSON.stringify({marks: marks.length, visible: visible.length,
    styled: styled.length, width: w.innerWidth, scrollWidth: d.documentElement.scrollWidth,
    tip: tip});
  document.body.appendChild(out);
});
</script></body></html>"""


def _probe(browser, common, folder, page_name, width):
    harness = folder / f"harness-{width}.html"
    harness.write_text(HARNESS % (page_name, width), encoding="utf-8")
    dom = subprocess.run([*common, "--allow-file-access-from-files", "--window-size=1000,2000",
                          "--virtual-time-budget=3000", "--dump-dom", harness.as_uri()],
                         capture_output=True, text=True, timeout=120)
    match = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.S)
    assert match, f"the page did not load in Chromium: {dom.stderr[-500:]}"
    return json.loads(html_lib.unescape(match.group(1)))


def test_highlights_are_visible_in_a_real_browser(tmp_path):
    """Renders seed reports in headless Chromium, in a 320 px frame and a 1000 px one: the
    highlights exist, have a size, carry an underline or marker style (so they are told
    apart without colour), focus shows the tooltip, and nothing is wider than a phone.
    Saves screenshots (copied to tests/artifacts/ when that folder exists)."""
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium here: install the Debian packages chromium and chromium-driver "
                    "(.ci/run does) to run the browser test")
    common = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    shots = []
    for seed in (SEEDS[2], SEEDS[4]):
        report = audit.audit_path(seed)
        page = tmp_path / f"{seed.stem}.html"
        page.write_text(html_view.render(report), encoding="utf-8")
        for width in (320, 1000):
            probe = _probe(browser, common, tmp_path, page.name, width)
            assert probe["width"] == width
            if report["sourcing"]["attributions"]:
                assert probe["marks"] > 0
                assert "type:" in probe["tip"]
            assert probe["visible"] == probe["marks"]
            assert probe["styled"] == probe["marks"]
            assert probe["scrollWidth"] <= width, f"wider than {width} px: {probe['scrollWidth']}"
        shot = tmp_path / f"{seed.stem}.png"
        subprocess.run([*common, "--window-size=1000,1400", f"--screenshot={shot}", page.as_uri()],
                       capture_output=True, timeout=120)
        assert shot.exists() and shot.stat().st_size > 10_000
        shots.append(shot)
    keep = ROOT / "tests" / "artifacts"
    if keep.is_dir():
        for shot in shots:
            shutil.copy(shot, keep / shot.name)


def test_ci_installs_the_browser():
    assert "chromium" in Path(ROOT / ".ci" / "run").read_text()

"""The library's entry points and the pipeline behind them.

load bytes -> decode -> strip (text) or extract (HTML) -> the article (sentences, words,
language, once: audit.article) -> readability ->
sourcing and attribution -> scores -> report. Every report is written from typed records
by audit.report, which tests/test_schema_types.py holds to the schema.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from audit import readability, report, rules, scoring, sourcing, strip
from audit.article import build as build_article
from audit.config import Config, default_config
from audit.decode import (
    MAX_BYTES,
    Decoded,
    InputError,
    decode,
    refuse_oversize,
    without_surrogates,
)
from audit.model import Extraction, Scores

Timings = dict[str, float]
_NOT_BLANK = re.compile(rb"\S")


@contextmanager
def _timed(timings: Timings | None, stage: str) -> Iterator[None]:
    if timings is None:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


def audit_text(text: str, *, source: str | None = None, strip: bool = True,
               config: Config | None = None) -> dict[str, Any]:
    """Audit a page given as plain text (a whole page as copied from a browser, or an
    article body). With ``strip=False`` the article text is exactly ``text`` (a lone
    surrogate, which no report can hold, becomes U+FFFD: offsets are unchanged)."""
    raw = text.encode("utf-8", errors="surrogatepass")
    decoded = Decoded(text=without_surrogates(text), encoding="utf-8", media_type="text/plain")
    return _audit(decoded, raw, source=source or "-", strip_furniture=strip, url=None,
                  config=config)


def audit_html(html: str | bytes, *, url: str | None = None, source: str | None = None,
               config: Config | None = None) -> dict[str, Any]:
    """Audit an HTML page (str, or bytes in any declared or detectable encoding)."""
    if isinstance(html, bytes):
        raw = html
        decoded = decode(raw, input_format="html")
    else:
        raw = html.encode("utf-8", errors="surrogatepass")
        decoded = Decoded(text=without_surrogates(html), encoding="utf-8",
                          media_type="text/html")
    return _audit(decoded, raw, source=source or url or "-", strip_furniture=True, url=url,
                  config=config)


def audit_path(path: str | os.PathLike[str], *, strip: bool = True, input_format: str = "auto",
               config: Config | None = None) -> dict[str, Any]:
    """Audit a file; HTML or plain text is told from its content unless ``input_format``
    says. Raises ``InputError`` (one-line message) when the file cannot be audited."""
    raw = read_input(path)
    return audit_bytes(raw, source=str(path), strip=strip, input_format=input_format,
                       config=config)


def audit_bytes(raw: bytes, *, source: str, strip: bool = True, input_format: str = "auto",
                url: str | None = None, config: Config | None = None,
                timings: Timings | None = None) -> dict[str, Any]:
    if _NOT_BLANK.search(raw) is None:  # a file, record or page with nothing in it
        raise InputError("empty input" if not raw else "empty input (only blank space)")
    with _timed(timings, "decode"):
        decoded = decode(raw, input_format=input_format)
    return _audit(decoded, raw, source=source, strip_furniture=strip, url=url, config=config,
                  timings=timings)


def read_input(path: str | os.PathLike[str]) -> bytes:
    """Read a file for auditing, turning every OS failure into a one-line InputError."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory")
        refuse_oversize(p.stat().st_size)
        with open(p, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def extract(decoded: Decoded, *, strip_furniture: bool = True,
            url: str | None = None) -> Extraction:
    """The article of a decoded page: extracted from HTML; from text, stripped of its
    furniture, or kept whole when ``strip_furniture`` is False."""
    if decoded.media_type == "text/html":
        return strip.extract_html(decoded.text, url=url)
    if strip_furniture:
        return strip.strip_text(decoded.text)
    return strip.keep_all(decoded.text)


def _audit(decoded: Decoded, raw: bytes, *, source: str, strip_furniture: bool,
           url: str | None, config: Config | None,
           timings: Timings | None = None) -> dict[str, Any]:
    config = config or default_config()
    html = decoded.media_type == "text/html"
    with _timed(timings, "strip"):
        extraction = extract(decoded, strip_furniture=strip_furniture, url=url)
    with _timed(timings, "article"):
        article = build_article(extraction)  # sentences, words, language: once, for all
    with _timed(timings, "readability"):
        rdb = readability.analyse(article, config=config)
    with _timed(timings, "sourcing"):
        src = sourcing.analyse(article, config=config)
    with _timed(timings, "scoring"):
        parts = {**rdb.scores, **src.scores}
        overall = scoring.overall(parts, config)
        scores = Scores(readability=parts["readability"], sourcing=parts["sourcing"],
                        attribution=parts["attribution"], overall=overall,
                        grade=scoring.grade(overall.value, config))
        info = report.InputInfo(
            source=source, sha256=hashlib.sha256(raw).hexdigest(), size=len(raw),
            media_type=decoded.media_type, encoding=decoded.encoding, url=url,
            stripped=strip_furniture or html)
        result = report.build(
            info=info, article=article, input_text=None if html else decoded.text,
            readability=rdb.data, sourcing=src.data,
            findings=[*rules.detect("extraction", extraction), *rdb.findings,
                      *src.findings], scores=scores, config=config)
    return result

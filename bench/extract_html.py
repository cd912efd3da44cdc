"""Benchmark entry point: the article text of an HTML page (see ../shared/tools)."""

from audit.strip.html import extract_html


def html(page: str) -> str:
    return extract_html(page).text

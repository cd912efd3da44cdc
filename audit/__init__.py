"""audit: a source-quality and provenance auditor for news articles.

The library is the product; the command line wraps it. The three entry points
return a report dict that validates against ``schemas/report.schema.json``::

    import audit
    report = audit.audit_text(open("article.txt").read())
    report = audit.audit_html(page_bytes, url="https://example.org/story")
    report = audit.audit_path("seeds/000_fd4b6dd72ff49772.txt")
"""

__version__ = "0.1.0"

from audit.api import audit_html, audit_path, audit_text

__all__ = ["__version__", "audit_html", "audit_path", "audit_text"]

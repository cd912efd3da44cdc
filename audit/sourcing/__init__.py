"""Sourcing and attribution: who is cited, which claims stand on nothing, who wrote this.

Entry point: ``analyse(text, *, language, provenance, title, blocks, config) -> StageResult``
with ``data`` in the report's ``sourcing`` shape, article-level attribution findings, and
``scores["sourcing"]`` and ``scores["attribution"]``.
"""

from audit.sourcing.analyse import analyse

__all__ = ["analyse"]

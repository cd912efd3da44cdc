"""Readability of the article body: counts, formulas, grade, hardest sentences, score.

Entry point: ``analyse(text, *, config) -> StageResult`` with ``data`` in the report's
``readability`` shape and ``scores["readability"]``.
"""

from audit.readability.analyse import analyse

__all__ = ["analyse"]

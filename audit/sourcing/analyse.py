"""First version of the sourcing stage: "said"-style cues only.

The sourcing work replaces this with the full attribution extractor, source types,
unattributed claims, consistency checks and the documented scores.
"""

from __future__ import annotations

import re
from typing import Any

from audit.config import Config
from audit.model import Block, Finding, Score, StageResult

_SAID = re.compile(r"\b(said|says|told)\b")


def analyse(text: str, *, language: str | None, provenance: dict[str, Any], title: str | None,
            blocks: tuple[Block, ...], config: Config) -> StageResult:
    attributions = []
    for match in _SAID.finditer(text):
        attributions.append({
            "content": {"start": match.start(), "end": match.end(), "text": match.group()},
            "source": None,
            "cue": {"start": match.start(), "end": match.end(), "text": match.group()},
            "source_type": "vague",
            "direct": False,
        })
    data = {
        "attributions": attributions,
        "unattributed": [],
        "counts": {"attributions": len(attributions), "direct_quotes": 0, "distinct_sources": 0,
                   "by_type": {}, "checkworthy_sentences": 0, "attributed_checkworthy": 0},
        "warnings": [],
    }
    findings = []
    if not provenance.get("authors"):
        findings.append(Finding("ATT-NO-BYLINE", None))
    return StageResult(data=data, findings=tuple(findings), scores={
        "sourcing": Score(None, "sourcing analysis not implemented yet"),
        "attribution": Score(None, "attribution analysis not implemented yet"),
    })

"""The attribution record the extractor produces (audit.report writes its report form)."""

from __future__ import annotations

from typing import Any, NamedTuple

from audit.model import Form, Kind

Span = tuple[int, int]


class Attribution(NamedTuple):
    """One attributed statement: what was said (content), by whom (source), linked how (cue).

    ``form`` names the shape that found it (Form), ``kind`` what the source did (Kind).
    ``segments``
    holds the content's pieces when it is split ("“A,” X said. “B.”"), in text order;
    ``nested_in`` the index of the attribution whose content holds this one's cue.

    A named tuple, as it is made and amended (``with_``) dozens of times per article: a
    frozen dataclass costs several times more to make and to copy.
    """

    content: Span
    source: Span | None
    cue: Span | None
    source_type: str
    direct: bool
    form: Form
    resolved_source: str | None = None
    resolved_type: str | None = None
    anonymity_reason: str | None = None
    kind: Kind = Kind.SPEECH
    segments: tuple[Span, ...] = ()
    nested_in: int | None = None

    def with_(self, **changes: Any) -> Attribution:
        return self._replace(**changes)

    def source_text(self, text: str) -> str | None:
        """The source as written, or the one it resolves to (pronouns, carried quotes)."""
        if self.resolved_source:
            return self.resolved_source
        return text[self.source[0]:self.source[1]] if self.source else None

    @property
    def held(self) -> bool:
        """Whether someone stands behind it. A view held by no one named ("the system is
        expected to be deployed in 2035", "the plan seems doomed") and the reporter's question
        ("Asked if ..., X said") are listed but leave the claim unattributed, stay the
        author's voice, do not make a brief a sourced report, hold no attribution nested in
        them and are no vague source for the findings."""
        return self.source is not None or (self.kind != Kind.BELIEF and self.form != Form.QUESTION)

    def effective_type(self) -> str:
        """The type that counts for scoring: a resolved pronoun counts as what it names."""
        return self.resolved_type or self.source_type

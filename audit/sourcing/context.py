"""What every cue shape reads about one cue: its tokens and where it stands among them.

A ``CueContext`` is made once per cue by the extractor (reported.py) and handed to the
plain functions that read each shape (verb_shapes.py, participles.py, nominal.py), in
place of the ``(toks, k0, k1, cue, sentence, strong)`` arguments they used to pass along.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from audit.sourcing.text import Tok


class CueContext(NamedTuple):
    """One cue in its window of tokens (a named tuple: made for every cue, it is cheap)."""

    toks: list[Tok]  # the tokens of the cue's window of its sentence, in text order
    k0: int  # the cue's first token
    k1: int  # the first token after the cue
    cue: tuple[int, int]  # the cue's span in the text
    sentence: tuple[int, int]  # the span of the cue's sentence
    strong: bool = False  # a cue after which a source of unknown kind still counts

    def with_(self, **changes: Any) -> CueContext:
        return self._replace(**changes)

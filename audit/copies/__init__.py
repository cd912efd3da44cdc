"""Copies, rewrites and syndication: which other texts an article shares its text with.

``prepare`` cuts a text into sentences; ``compare`` aligns two texts and says whether
one is a copy or a rewrite of the other, with the aligned passages; ``Batch`` groups
the articles of a run as they come; ``Reference`` is an on-disk index of known sources
(wire stories, press releases) queried one article at a time.
"""

from audit.copies.align import Match, Passage, compare
from audit.copies.index import Batch, Reference
from audit.copies.text import Doc, prepare

__all__ = ["Batch", "Doc", "Match", "Passage", "Reference", "compare", "prepare"]

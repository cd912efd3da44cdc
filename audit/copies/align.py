"""Sentence alignment between two texts: which sentences of one are found in the other.

Two sentences align when they share most of their content words (Dice coefficient of
the word sets) and enough of their word bigrams, function words included (the share of
the shorter sentence's bigrams found in the other): so a sentence with a third of its
words swapped for synonyms, or its clauses turned round, still aligns, while two
outlets' own sentences about the same event (the same names and numbers, their own
words) do not. A text is a copy or a rewrite of another when enough of it aligns;
the passages (runs of aligned sentences) are the evidence an editor reads.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain

from audit.copies.text import Doc, Sentence

SENTENCE_MIN = 0.42     # Dice of content words for two sentences to align
PAIR_MIN = 0.4          # ... and mean of that Dice and the bigram containment
MIN_SHARED_WORDS = 4    # ... and at least this many content words in common
MIN_SENTENCES = 3       # aligned sentences for a match (fewer: a shared quote)
MIN_SHARE = 0.2         # share of the shorter side's text that must align
EXACT = 0.9             # mean similarity from which a match is a copy, not a rewrite


@dataclass(frozen=True)
class Pair:
    a: int              # sentence index in the first text
    b: int              # sentence index in the second
    similarity: float


@dataclass(frozen=True)
class Passage:
    a: tuple[int, int]  # span in the first text
    b: tuple[int, int]  # span in the second
    similarity: float


@dataclass(frozen=True)
class Match:
    """How much of ``a`` is found in ``b``, and where."""

    a: Doc
    b: Doc
    share: float            # of a's text, found in b
    other_share: float      # of b's text, found in a
    similarity: float       # mean over aligned sentences
    sentences: int
    anchors: int            # names and numbers shared by the aligned sentences
    passages: tuple[Passage, ...]

    @property
    def kind(self) -> str:
        return "copy" if self.similarity >= EXACT else "rewrite"

    def reverse(self) -> Match:
        passages = tuple(Passage(p.b, p.a, p.similarity) for p in self.passages)
        passages = tuple(sorted(passages, key=lambda p: p.a))
        return Match(self.b, self.a, self.other_share, self.share, self.similarity,
                     self.sentences, self.anchors, passages)


def _dice(x: Sentence, y: Sentence, shared: int) -> float:
    return 2 * shared / (len(x.words) + len(y.words))


def align(a: Doc, b: Doc) -> list[Pair]:
    """Sentences of ``a`` and ``b`` that align, one to one, best first then in order."""
    where: dict[int, list[int]] = defaultdict(list)
    for j, s in enumerate(b.sentences):
        for w in s.words:
            where[w].append(j)
    candidates: list[Pair] = []
    for i, s in enumerate(a.sentences):
        counts = Counter(chain.from_iterable(filter(None, map(where.get, s.words))))
        for j, shared in counts.items():
            if shared >= MIN_SHARED_WORDS:
                sim = _dice(s, b.sentences[j], shared)
                if sim >= SENTENCE_MIN:
                    other = b.sentences[j]
                    bigrams = len(s.bigrams & other.bigrams) / max(
                        1, min(len(s.bigrams), len(other.bigrams)))
                    score = (sim + bigrams) / 2
                    if score >= PAIR_MIN:
                        candidates.append(Pair(i, j, round(score, 3)))
    candidates.sort(key=lambda p: (-p.similarity, p.a, p.b))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for p in candidates:
        if p.a not in used_a and p.b not in used_b:
            used_a.add(p.a)
            used_b.add(p.b)
            pairs.append(p)
    return sorted(pairs, key=lambda p: p.a)


def compare(a: Doc, b: Doc) -> Match | None:
    """The match of ``a`` against ``b``, or None when they are not copies."""
    if not a.sentences or not b.sentences:
        return None
    pairs = align(a, b)
    if len(pairs) < min(MIN_SENTENCES, len(a.sentences), len(b.sentences)) or len(pairs) < 2:
        return None
    got_a = sum(a.sentences[p.a].end - a.sentences[p.a].start for p in pairs)
    got_b = sum(b.sentences[p.b].end - b.sentences[p.b].start for p in pairs)
    share = got_a / max(1, a.chars)
    other = got_b / max(1, b.chars)
    if max(share, other) < MIN_SHARE:
        return None
    anchors = sum(len(set(a.sentences[p.a].anchors) & set(b.sentences[p.b].anchors))
                  for p in pairs)
    similarity = sum(p.similarity for p in pairs) / len(pairs)
    return Match(a, b, round(share, 3), round(other, 3), round(similarity, 3), len(pairs),
                 anchors, _passages(a, b, pairs))


def _passages(a: Doc, b: Doc, pairs: list[Pair]) -> tuple[Passage, ...]:
    """Runs of aligned sentences that follow each other on both sides, as spans."""
    runs: list[list[Pair]] = []
    for p in pairs:
        last = runs[-1][-1] if runs else None
        if last is not None and p.a == last.a + 1 and p.b == last.b + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    out = []
    for run in runs:
        sa, sb = a.sentences, b.sentences
        sim = sum(p.similarity for p in run) / len(run)
        out.append(Passage((sa[run[0].a].start, sa[run[-1].a].end),
                           (sb[run[0].b].start, sb[run[-1].b].end), round(sim, 3)))
    return tuple(out)

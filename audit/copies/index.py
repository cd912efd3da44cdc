"""Finding candidates fast: a sample of each text's features, looked up by hash.

Each indexed text keeps the features ``text.features`` samples (by their first word's
code, so two texts keep the same ones of what they share), at most ``SKETCH`` of them;
a query looks up its own, so a text that holds part of an indexed one (a partial copy)
or some of its 4-grams (a rewrite; a short one: most of its names and numbers) still
meets it. Candidates are ranked by
features in common and only the best few are aligned (``align.compare``); in a batch, one
that shares a single feature's weight only when the two texts share their names.

``Batch`` holds the postings in memory (grouping the articles of one run);
``Reference`` keeps them, and the texts, in an SQLite file built once and reused.
"""

from __future__ import annotations

import heapq
import sqlite3
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from audit.copies.align import Match, compare
from audit.copies.text import (
    SAMPLE,
    SAMPLE_FROM,
    Doc,
    anchor_codes,
    features,
    has_sentences,
    pack,
    prepare,
)

SKETCH = 128            # feature hashes kept per indexed text, at most (a long one's)
MIN_COMMON = 2          # features in common for a text to be aligned at all (Reference)
MIN_WEIGHT = 1.0        # ... in a batch: each feature counts 1 / the texts that hold it;
WEIGHT_PER_FEATURE = 0.02  # a short text (a lede) needs less: this much per own feature
CANDIDATES = 8          # texts aligned per query, best first
# A batch candidate of one feature's weight (MIN_WEIGHT or less: one 4-gram or anchor pair
# in common, most often by chance) is aligned only when the two texts share this share of
# the smaller one's names and numbers (its anchors: a spinner keeps them), unless one has
# fewer than NAMES_FROM (too few to tell). Read from the chunks, this costs a tenth of
# cutting the texts into sentences to align them. (eval_copies: the weak candidates that
# match share 0.64 of them or more; the synthetic batch's chance ones 0.15 or less.)
NAMES_SHARE = 0.3
NAMES_FROM = 5
COMMON_FEATURE = 200    # a feature in more indexed texts than this says nothing
# The index's format: changed whenever features or sketches are computed differently, so
# that an index written by another version is rebuilt, not misread (the hash of a probe
# tuple tells a Python whose tuple hash differs).
FORMAT = f"copies-2-s{SAMPLE}-{SAMPLE_FROM}-{hash((1, 2, 3, 4)) & 0xFFFF:04x}"


def sketch(feats: set[int]) -> list[int]:
    return sorted(feats)[:SKETCH]


class Batch:
    """The texts of one run, each compared with those before it as it is added."""

    def __init__(self) -> None:
        # Only the texts, the sketches and the sentences of the texts that met a candidate
        # (packed in an array of integers) stay for the whole batch: memory grows with the
        # text, not with Python records per sentence, and no text is cut twice.
        self._texts: list[tuple[str, str, str | None, tuple[str, ...], str | None]] = []
        self._packed: dict[int, array] = {}
        self._cache: dict[int, Doc] = {}
        # Postings: a feature held by one text (most are) maps to its number, one held by
        # several to their list (COMMON_FEATURE + 1 at most: past that it says nothing).
        self._postings: dict[int, int | list[int]] = {}

    def __len__(self) -> int:
        return len(self._texts)

    def _doc(self, number: int) -> Doc:
        doc = self._cache.get(number)
        if doc is None:
            key, text, date, credits, source = self._texts[number]
            packed = self._packed.get(number)
            doc = prepare(key, text, date=date, credits=credits, source=source, packed=packed)
            if packed is None:
                self._packed[number] = pack(doc.sentences)
            if len(self._cache) >= 256:
                self._cache.pop(next(iter(self._cache)))
            self._cache[number] = doc
        return doc

    def add(self, doc: Doc) -> list[Match]:
        """Index ``doc`` and return its matches with the texts added before it."""
        feats = features(doc)
        postings = self._postings
        # most features are new to the batch: those held already are found by one set
        # operation in C, for the search and the posting both, and read one by one
        held = postings.keys() & feats
        matches = self._find(doc, feats, held)
        number = len(self._texts)
        self._texts.append((doc.key, doc.text, doc.date, doc.credits, doc.source))
        if has_sentences(doc):
            self._packed[number] = pack(doc.sentences)
        kept = feats
        if len(feats) > SKETCH:
            kept = set(sketch(feats))
            held &= kept
        postings.update(dict.fromkeys(kept - held if held else kept, number))
        for h in held:
            posting = postings[h]
            if posting.__class__ is int:
                postings[h] = [posting, number]
            elif len(posting) <= COMMON_FEATURE:
                posting.append(number)
        return matches

    def find(self, doc: Doc) -> list[Match]:
        """The matches of ``doc`` among the texts added so far (``doc`` is not added)."""
        feats = features(doc)
        return self._find(doc, feats, self._postings.keys() & feats)

    def _find(self, doc: Doc, feats: set[int], held: set[int]) -> list[Match]:
        # A feature held by many texts of the batch (a name every story of the day
        # mentions) says little: weighted by 1 / its texts, a syndicated story shared by
        # many still adds up, and same-topic reports rarely reach MIN_WEIGHT. ``held``:
        # those of ``feats`` the batch holds.
        weights: dict[int, float] = defaultdict(float)
        for posting in map(self._postings.__getitem__, held):
            if posting.__class__ is int:
                weights[posting] += 1
            elif len(posting) <= COMMON_FEATURE:
                weight = 1 / len(posting)
                for number in posting:
                    weights[number] += weight
        least = min(MIN_WEIGHT, WEIGHT_PER_FEATURE * len(feats))
        best = heapq.nlargest(CANDIDATES, [kv for kv in weights.items() if kv[1] >= least],
                              key=lambda kv: (kv[1], -kv[0]))
        matches = []
        for index, weight in best:
            if weight <= MIN_WEIGHT and not self._shares_names(doc, index):
                continue
            match = compare(doc, self._doc(index))
            if match is not None:
                matches.append(match)
        return matches

    def _shares_names(self, doc: Doc, number: int) -> bool:
        """Whether ``doc`` shares enough names and numbers with text ``number`` to align."""
        own = doc.names
        other = anchor_codes(self._texts[number][1])
        least = min(len(own), len(other))
        return least < NAMES_FROM or len(own & other) >= NAMES_SHARE * least


_SCHEMA = """
CREATE TABLE IF NOT EXISTS doc (id INTEGER PRIMARY KEY, key TEXT UNIQUE, date TEXT,
    source TEXT, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feature (hash INTEGER NOT NULL, doc INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
"""


class Reference:
    """A reference corpus (wire stories, press releases) indexed on disk.

    ``Reference.build(path, records)`` writes it once; ``Reference(path)`` opens it for
    queries, each answering in milliseconds whatever the corpus size."""

    def __init__(self, path: Path) -> None:
        if not Path(path).is_file():
            raise FileNotFoundError(f"{path}: no reference index")
        self.path = Path(path)
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[int, Doc] = {}

    @classmethod
    def build(cls, path: Path, records: Iterable[tuple[str, str, str | None, str | None]]
              ) -> int:
        """Index ``(key, text, date, source)`` records into a new file at ``path``."""
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        tmp.unlink(missing_ok=True)
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        count = 0
        for number, (key, text, date, source) in enumerate(records):
            doc = prepare(key, text)
            db.execute("INSERT INTO doc VALUES (?, ?, ?, ?, ?)", (number, key, date, source, text))
            db.executemany("INSERT INTO feature VALUES (?, ?)",
                           ((h, number) for h in sketch(features(doc))))
            count += 1
        db.execute("DELETE FROM feature WHERE hash IN (SELECT hash FROM feature GROUP BY hash "
                   "HAVING count(*) > ?)", (COMMON_FEATURE,))
        db.execute("CREATE INDEX feature_hash ON feature (hash)")
        db.execute("INSERT INTO meta VALUES ('documents', ?)", (str(count),))
        db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
        db.commit()
        db.close()
        tmp.replace(path)
        return count

    @staticmethod
    def format_of(path: Path) -> str | None:
        """The format an index file was written in (None: not an index we can read)."""
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                row = db.execute("SELECT value FROM meta WHERE name='format'").fetchone()
            finally:
                db.close()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def candidates(self, doc: Doc) -> list[tuple[int, int]]:
        feats = list(features(doc))
        counts: Counter[int] = Counter()
        for i in range(0, len(feats), 500):
            chunk = feats[i:i + 500]
            marks = ",".join("?" * len(chunk))
            counts.update(d for (d,) in self._db.execute(
                f"SELECT doc FROM feature WHERE hash IN ({marks})", chunk))
        return [(d, c) for d, c in counts.most_common(CANDIDATES) if c >= MIN_COMMON]

    def _doc(self, number: int) -> Doc:
        doc = self._cache.get(number)
        if doc is None:
            key, date, source, text = self._db.execute(
                "SELECT key, date, source, text FROM doc WHERE id = ?", (number,)).fetchone()
            doc = prepare(key, text, date=date, source=source)
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[number] = doc
        return doc

    def query(self, doc: Doc) -> list[Match]:
        """The reference texts ``doc`` shares text with, best first."""
        matches = [m for number, _ in self.candidates(doc)
                   if (m := compare(doc, self._doc(number))) is not None]
        return sorted(matches, key=lambda m: -m.share)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT value FROM meta WHERE name='documents'").fetchone()[0])

    def close(self) -> None:
        self._db.close()

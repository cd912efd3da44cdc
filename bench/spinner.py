"""A content farm's spinner, for measuring copy detection (bench/eval_copies.py).

It rewrites a text the way article spinners do: content words swapped for synonyms
(from a small table, else for a word of the same shape: an adverb for an adverb, a noun
for a noun, so the swap is as damaging as a real synonym), people's titles changed,
clauses turned round at a comma, neighbouring paragraphs swapped. Names and numbers
are kept, as spinners keep them. ``rate`` is the share of content words replaced.
"""

from __future__ import annotations

import random
import re

SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "people": "individuals",
    "government": "administration", "defense": "military", "contractors": "companies",
    "big": "large", "large": "huge", "small": "little", "important": "significant",
    "show": "demonstrate", "shows": "demonstrates", "showed": "demonstrated",
    "help": "assist", "helped": "assisted", "use": "utilize", "used": "utilized",
    "buy": "purchase", "bought": "purchased", "start": "begin", "started": "began",
    "end": "finish", "ended": "finished", "make": "create", "made": "created",
    "think": "believe", "thinks": "believes", "thought": "believed", "want": "wish",
    "wants": "wishes", "wanted": "wished", "need": "require", "needs": "requires",
    "country": "nation", "countries": "nations", "city": "town", "leader": "chief",
    "leaders": "chiefs", "officials": "authorities", "official": "authority",
    "campaign": "marketing campaign", "election": "vote", "voters": "electorate",
    "support": "backing", "supporters": "backers", "attack": "assault",
    "attacks": "assaults", "plan": "scheme", "plans": "schemes", "problem": "issue",
    "problems": "issues", "week": "seven days", "month": "calendar month",
    "year": "twelve months", "years": "decades", "meeting": "assembly",
    "report": "account", "reports": "accounts", "statement": "declaration",
    "company": "firm", "companies": "firms", "money": "funds", "job": "position",
    "jobs": "positions", "work": "labor", "worked": "labored", "house": "residence",
    "home": "residence", "children": "kids", "women": "ladies", "men": "gentlemen",
    "law": "legislation", "laws": "legislations", "rules": "regulations",
    "war": "conflict", "military": "armed forces", "ministry": "division",
    "threat": "menace", "threats": "menaces", "increase": "rise", "increased": "rose",
    "decrease": "drop", "fell": "dropped", "rose": "climbed", "called": "referred to",
    "asked": "questioned", "began": "commenced", "become": "turn into",
    "became": "turned into", "major": "key", "key": "crucial", "new": "fresh",
    "old": "aged", "former": "previous", "recent": "latest", "current": "present",
    "likely": "probable", "many": "numerous", "several": "a number of",
    "strong": "powerful", "weak": "feeble", "fast": "rapid", "quickly": "rapidly",
    "however": "nevertheless", "also": "additionally", "because": "since",
    "about": "regarding", "against": "versus", "during": "throughout",
    "before": "prior to", "after": "following", "announced": "declared",
    "agreement": "deal", "deal": "agreement", "talks": "discussions",
    "decision": "choice", "decided": "chose", "issue": "matter", "issues": "matters",
    "claims": "assertions", "claimed": "asserted", "news": "information",
    "state": "province", "states": "provinces", "party": "celebration",
    "candidate": "contender", "candidates": "contenders", "poll": "survey",
    "polls": "surveys", "speech": "address", "vote": "ballot", "votes": "ballots",
    "won": "triumphed", "win": "triumph", "lost": "misplaced", "lose": "misplace",
    "famous": "illustrious", "well-known": "illustrious", "american": "American",
}
TITLES = {
    "President": "Vice President", "Secretary": "Minister", "Senator": "Lawmaker",
    "Sen.": "Senator", "Rep.": "Congressman", "Gov.": "Governor", "Governor": "Leader",
    "Minister": "Secretary", "Prime": "Premier", "Chairman": "Head", "Director": "Chief",
    "Dr.": "Professor", "General": "Commander", "Judge": "Justice", "Mayor": "Leader",
}
_POOL_WORDS = {
    "ly": "notably greatly largely truly plainly openly widely deeply firmly fully",
    "ed": "reported noted handled pursued secured marked placed viewed gained raised",
    "ing": "making holding seeking taking getting moving giving running calling",
    "adj": "notable vital distinct broad serious crucial wider decent proper",
    "noun": "matter figure element aspect measure factor region effort outcome",
}
POOLS = {shape: words.split() for shape, words in _POOL_WORDS.items()}
_FUNCTION = """a an the and or but of to in on at by for with from as is are was were be
been being it its this that these those he she they we you i his her their our your not no
will would can could should may might must has have had do does did so than then there here
who whom which what when where why how if into over under about after before up down out"""
FUNCTION = frozenset(_FUNCTION.split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\S+|\s+")


def _shape(word: str) -> str:
    w = word.lower()
    for suffix in ("ly", "ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return suffix
    if w.endswith(("al", "ive", "ous", "ic", "ful", "able", "ible")):
        return "adj"
    return "noun"


def _replace(word: str, rng: random.Random) -> str:
    low = word.lower()
    new = SYNONYMS.get(low) or rng.choice([w for w in POOLS[_shape(word)] if w != low])
    return new[0].upper() + new[1:] if word[0].isupper() else new


def spin_sentence(sentence: str, rate: float, rng: random.Random) -> str:
    tokens = _TOKEN.findall(sentence)
    out = []
    first = True
    for token in tokens:
        if not token[0].isalpha():
            out.append(token)
            continue
        if token in TITLES:
            out.append(TITLES[token])
        elif token.lower() in FUNCTION or (token[0].isupper() and not first):
            out.append(token)       # function words, names: kept
        elif rng.random() < rate:
            out.append(_replace(token, rng))
        else:
            out.append(token)
        first = False
    text = "".join(out)
    comma = text.find(", ")
    if comma > 20 and len(text) > comma + 4 and rng.random() < rate and text.endswith("."):
        head, tail = text[:comma], text[comma + 2:-1]
        text = tail[0].upper() + tail[1:] + ", " + head[0].lower() + head[1:] + "."
    return text


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")


def spin(text: str, rate: float, seed: int = 0) -> str:
    """``text`` spun at ``rate``: paragraph by paragraph, sentence by sentence."""
    rng = random.Random(seed)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    spun = [" ".join(spin_sentence(s, rate, rng) for s in _SENTENCE.split(p))
            for p in paragraphs]
    for i in range(1, len(spun) - 1):
        if rng.random() < 0.2:
            spun[i], spun[i + 1] = spun[i + 1], spun[i]
    return "\n\n".join(spun)

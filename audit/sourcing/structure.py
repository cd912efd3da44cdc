"""The shape of the attributions found, once all are known: what each source did (its
kind), quotes that continue after their cue or into the next paragraphs (one attribution
with several content segments), and attributions whose cue lies inside another's
content (nested: kept, with the outer one's index, and not a separate source).
"""

from __future__ import annotations

import bisect
import itertools
from types import ModuleType

from audit.model import Form, Kind
from audit.sourcing.quotes import QuoteIndex
from audit.sourcing.record import Attribution
from audit.sourcing.text import trim


def finish(text: str, found: list[Attribution], lang: ModuleType,
           quotes: QuoteIndex) -> list[Attribution]:
    """``found`` (in text order) with kinds (from the language pack's cue words), contents
    that end inside a quote taken to its end, merged continuations and nesting marked."""
    found = [_split(text, _to_quote_end(_with_kind(text, att, lang), quotes))
             for att in found]
    found = _one_per_content(text, found)
    found = _merge_carried(found)
    found = _runs_back(text, found)
    return _nest(text, found)


def _with_kind(text: str, att: Attribution, lang: ModuleType) -> Attribution:
    kind = kind_of(text, att, lang)
    return att if kind == att.kind else att.with_(kind=kind)


def kind_of(text: str, att: Attribution, lang: ModuleType) -> Kind:
    """speech, belief, stance, document or transcript, from the form, cue and source."""
    if att.form == Form.LABEL:
        return Kind.TRANSCRIPT
    if att.kind != Kind.SPEECH:
        return att.kind  # set by the shape that found it ("his criticism of", "is expected to")
    cue = text[att.cue[0]:att.cue[1]].lower().split() if att.cue else []
    word = cue[-1] if att.form == Form.PASSIVE and cue else (cue[0] if cue else "")
    if word in lang.BELIEF_KIND:
        return Kind.BELIEF
    if word in lang.STANCE_KIND:
        return Kind.STANCE
    if att.effective_type() in ("document", "outlet") or (
            word in lang.EVIDENCE_CUES and att.effective_type() == "vague"):
        return Kind.DOCUMENT  # "a report found", "polls show"
    return Kind.SPEECH


def _to_quote_end(att: Attribution, quotes: QuoteIndex) -> Attribution:
    """A content never stops inside a quote: "he said Cruz “has courage. He is not afraid.”"
    is all his."""
    end = att.content[1]
    quote = quotes.enclosing(end - 1)
    if quote is None or quote.end <= end or (att.cue is not None and (
            att.cue[0] >= end or quote.start <= att.cue[0])):
        return att  # a cue after the content, or in the quote ("“We believe that ...,”")
    if att.segments:
        last = att.segments[-1]
        return att.with_(content=(att.content[0], quote.end),
                         segments=(*att.segments[:-1], (last[0], quote.end)))
    return att.with_(content=(att.content[0], quote.end))


def _split(text: str, att: Attribution) -> Attribution:
    """“A,” she said, “B.”: a content around its own cue is two segments, the quote's
    halves (the cue and source between them are not what was said)."""
    if att.cue is None or att.segments or not att.content[0] < att.cue[0] < att.content[1]:
        return att
    inner = [att.cue] + ([att.source] if att.source else [])
    cut0 = min(s for s, _ in inner)
    cut1 = max(e for _, e in inner)
    if not att.content[0] < cut0 <= cut1 < att.content[1]:
        return att
    left = trim(text, att.content[0], cut0, " \t\n,;:—–")
    rest = cut1
    quoted = text[left[1] - 1:left[1]] in ("”", '"', "'")
    while quoted and rest < att.content[1] and rest - cut1 < 200 and \
            text[rest] not in "“\".!?" and text[rest:rest + 2] != "''":
        rest += 1  # "“A,” she said, the manager, “B.”": after a quote, the second half
        # opens one too (not "Loyalty, he noted, has long been a “core” tenet")
    if rest - cut1 >= 200 or rest >= att.content[1] or not att.direct or \
            text[rest] in ".!?":
        rest = cut1
    right = trim(text, rest, att.content[1], " \t\n,;:—–")
    if left[1] <= left[0] or right[1] <= right[0]:
        return att
    if not quoted and att.direct and _whole_quote(text, right):
        return att.with_(content=right)  # "As Trump spoke, the crowd chanted “Lock her up!”":
        # the clause before the cue sets the scene; what was said is the quote
    return att.with_(segments=(left, right))


_OPENING = ("“", '"', "''")


def _whole_quote(text: str, span: tuple[int, int]) -> bool:
    """Whether ``span`` is a quote that opens a sentence of its own: it opens and closes
    with a mark, and its first letter is a capital."""
    start, end = span
    mark = next((m for m in _OPENING if text.startswith(m, start)), None)
    if mark is None or text[end - 1] not in "”\"'":
        return False
    first = text[start + len(mark):start + len(mark) + 1]
    return first.isupper()


def _one_per_content(text: str, found: list[Attribution]) -> list[Attribution]:
    """Of attributions whose contents open at one place, a cue in another paragraph gives
    way to the nearest cue: "X also said that ... .\n\n“A,” X said.": the quote is the
    second's, the first's content wrongly ran on to it."""
    best: dict[int, int] = {}
    for i, att in enumerate(found):
        j = best.setdefault(att.content[0], i)
        if j != i and _cue_distance(att) < _cue_distance(found[j]):
            best[att.content[0]] = i
    if len(best) == len(found):
        return found
    keep = set(best.values())
    return [att for i, att in enumerate(found) if i in keep or not _across(text, att)]


def _gap(att: Attribution) -> tuple[int, int]:
    """The text between the cue and the content (empty when they touch or overlap)."""
    if att.cue[1] <= att.content[0]:
        return att.cue[1], att.content[0]
    return att.content[1], max(att.content[1], att.cue[0])


def _cue_distance(att: Attribution) -> int:
    if att.cue is None:
        return 1 << 62
    start, end = _gap(att)
    return end - start


def _across(text: str, att: Attribution) -> bool:
    """Whether a paragraph break lies between the cue and the content."""
    return att.cue is not None and text.find("\n", *_gap(att)) != -1


def _merge_carried(found: list[Attribution]) -> list[Attribution]:
    """A carried quote ("“A,” X said. “B.”", or a follow-on paragraph) becomes a further
    segment of the quote it is carried from; after a reported clause ("X said the plan
    failed.\n\n“It was a mess.”") it stays an attribution of its own, the speaker's words
    beside the writer's account of them."""
    out: list[Attribution] = []
    last_by_source: dict[tuple[int, int], int] = {}
    for att in found:
        if att.form == Form.CARRIED and att.source in last_by_source and \
                out[last_by_source[att.source]].direct:
            i = last_by_source[att.source]
            outer = out[i]
            segments = outer.segments or (outer.content,)
            out[i] = outer.with_(content=(outer.content[0], att.content[1]),
                                 segments=(*segments, att.content))
            continue
        previous = last_by_source.get(att.source) if att.source is not None else None
        if att.source is not None and (att.direct or previous is None
                                       or not out[previous].direct):
            last_by_source[att.source] = len(out)  # a quote's speaker, not his aside's cue
        out.append(att)
    return out


_OPENS = ("“", '"', "''", "«")
_CLOSES = ("”", '"', "'", "»")
MAX_RUN = 20  # paragraphs a quote is followed back over


def _runs_back(text: str, found: list[Attribution]) -> list[Attribution]:
    """“A.\n\n“B,” she said.: a quote opening a paragraph and left open at its end goes on
    in the next paragraph's quote; when nothing else claims it, it is a first segment of
    the attribution of the quote it goes on in."""
    runs = [i for i, att in enumerate(found) if att.direct and
            _paragraph_quote(text, att.content[0]) and
            _open_paragraph_before(text, att.content[0]) is not None]
    if not runs:
        return found
    spans = sorted(span for att in found for span in (att.segments or (att.content,)))
    starts = [s for s, _ in spans]
    reach = list(itertools.accumulate((e for _, e in spans), max))
    out = list(found)
    for i in runs:
        att = found[i]
        start = att.content[0]
        before: list[tuple[int, int]] = []
        while len(before) < MAX_RUN:
            prev = _open_paragraph_before(text, start)
            if prev is None or _claimed(starts, reach, prev):
                break
            before.insert(0, prev)
            start = prev[0]
        if before:
            segments = (*before, *(att.segments or (att.content,)))
            out[i] = att.with_(content=(before[0][0], att.content[1]), segments=segments)
    return out


def _paragraph_quote(text: str, pos: int) -> bool:
    return (pos == 0 or text[pos - 1] == "\n") and text.startswith(_OPENS, pos)


def _open_paragraph_before(text: str, pos: int) -> tuple[int, int] | None:
    """The paragraph before the one opening at ``pos`` when it opens with a quote mark and
    ends with none (its quote goes on at ``pos``)."""
    end = pos - 1
    while end > 0 and text[end - 1] in " \t\r\n":
        end -= 1
    if end <= 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    if not _paragraph_quote(text, start) or text[end - 1] in _CLOSES or \
            text.endswith("''", 0, end):
        return None
    return start, end


def _claimed(starts: list[int], reach: list[int], span: tuple[int, int]) -> bool:
    """Whether ``span`` overlaps any content span (``reach``: the furthest end so far)."""
    i = bisect.bisect_left(starts, span[1]) - 1
    return i >= 0 and reach[i] > span[0]


def _nest(text: str, found: list[Attribution]) -> list[Attribution]:
    """Marks ``nested_in`` for an attribution whose cue lies inside another's content (and
    ends its content where the outer content ends: ``_held_in``)."""
    starts = [att.content[0] for att in found]
    reach, furthest = [], -1  # the furthest content end up to each index: where to stop
    for att in found:
        furthest = max(furthest, att.content[1])
        reach.append(furthest)
    out = list(found)
    for i, att in enumerate(found):
        if att.cue is None:
            continue
        pos = att.cue[0]
        j = bisect.bisect_right(starts, pos) - 1
        while j >= 0 and reach[j] > pos:
            outer = out[j]
            if j != i and outer.held and outer.nested_in is None and _holds(outer, pos) and (
                    outer.direct or _within(att, outer) or _runs_into(att, outer)) and (
                    outer.cue is None or not outer.cue[0] <= pos < outer.cue[1]) and \
                    not _runs_into(outer, att):
                out[i] = _held_in(text, att, outer).with_(nested_in=j)
                break
            j -= 1
    return out


def _held_in(text: str, inner: Attribution, outer: Attribution) -> Attribution:
    """A nested attribution whose content runs past the end of the content holding it
    ("X wrote that investors have been told [A is likely], Reuters reported": not "A is
    likely, Reuters reported"), cut where the outer content ends."""
    end = outer.content[1]
    if not inner.content[0] < end < inner.content[1]:
        return inner
    content = trim(text, inner.content[0], end)
    if content[1] <= content[0]:
        return inner
    segments = [(a, min(b, content[1])) for a, b in inner.segments if a < content[1]]
    return inner.with_(content=content, segments=tuple(segments) if len(segments) > 1 else ())


def _within(inner: Attribution, outer: Attribution) -> bool:
    """Whether the whole of ``inner`` (source, cue and content) lies in ``outer``'s content
    ("Tokyo declared that [it intends to build ...]")."""
    spans = [s for s in (inner.source, inner.cue, inner.content) if s]
    return all(outer.content[0] <= a and b <= outer.content[1] for a, b in spans)


_TAIL = 24  # characters a content may run past the outer report's cue: "on Monday"


def _runs_into(att: Attribution, other: Attribution) -> bool:
    """Whether ``att``'s content runs on into ``other``'s cue and ends there (a few words
    at most past it: "the Chronicle reported on Monday"), while ``other``'s content holds
    ``att``'s cue and goes on further past it: ``other`` is the outer report ("Trump said:
    “There will always be exceptions,” [the Times reported]"), ``att``'s content wrongly
    reaching into it."""
    if other.cue is None or att.cue is None or not (
            _holds(att, other.cue[0]) and _holds(other, att.cue[0])):
        return False
    tail = att.content[1] - other.cue[1]
    return tail <= _TAIL and tail < other.content[1] - att.cue[1]


def _holds(att: Attribution, pos: int) -> bool:
    return any(start <= pos < end for start, end in (att.segments or (att.content,)))

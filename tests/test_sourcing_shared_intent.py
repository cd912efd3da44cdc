"""An intention cue sharing its sentence's subject after "and" or "but" ("She has given to
many candidates, but plans to narrow her support to one"), and the noun it is not ("plans
to widen the road were shelved")."""

from __future__ import annotations

import pytest

from audit.article import from_text
from audit.config import Config
from audit.report import sourcing_dict
from audit.sourcing import analyse


def outer(text: str) -> list[dict]:
    result = analyse(from_text(text, language="en"), config=Config())
    return [a for a in sourcing_dict(result.data, text)["attributions"]
            if a["nested_in"] is None]


@pytest.mark.parametrize("text,cue,source,content", [
    ("She has given to many candidates, but plans to narrow her support to one.", "plans",
     "She", "to narrow her support to one"),
    ("The company grew fast and hopes to list its shares on the exchange next year.", "hopes",
     "The company", "to list its shares on the exchange next year"),
    ("The senator met the donors on Monday and wants to run for governor next year.", "wants",
     "The senator", "to run for governor next year"),
])
def test_intention_sharing_the_subject(text, cue, source, content):
    found = [a for a in outer(text) if a["cue"]["text"] == cue]
    assert len(found) == 1
    assert found[0]["source"]["text"] == source and found[0]["content"]["text"] == content
    assert found[0]["kind"] == "belief"


@pytest.mark.parametrize("text", [
    "The council met on Monday, and plans to widen the road were shelved.",
    "The mayor spoke for an hour, and promises to fix the roads were everywhere.",
])
def test_a_noun_before_its_own_verb_is_no_intention(text):
    assert outer(text) == []

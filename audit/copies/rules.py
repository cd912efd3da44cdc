"""Rules about where an article's text comes from (audit.copies).

Their examples are audited against a reference holding ``Rule.reference`` (the wire
story the example was rewritten from), as ``audit check --reference`` does.
"""

from audit.rules import Rule

_WIRE = (
    "Japan and the United States agreed on Tuesday to expand joint production of missiles, "
    "the defense ministry in Tokyo said in a statement. The agreement covers 1,200 "
    "interceptors to be built by defense contractors in both countries over the next five "
    "years, officials said. Defense Minister Minoru Kihara met Secretary Lloyd Austin at the "
    "Pentagon, where the two discussed the growing threat from North Korea and China. The "
    "deal follows months of talks and is expected to cost about $4 billion, according to "
    "people familiar with the negotiations."
)

RULES = (
    Rule(
        id="ATT-LIKELY-REWRITTEN",
        category="attribution",
        severity="medium",
        confidence="medium",
        message="Likely rewritten from another text, which the article does not credit.",
        must_fire=(
            ("Japan and the United States agreed on Tuesday to broaden joint manufacturing of "
             "missiles, the military ministry in Tokyo stated in a declaration. The agreement "
             "covers 1,200 interceptors to be built by illustrious military companies in both "
             "nations over the next five years, authorities stated. Minister Minoru Kihara met "
             "Minister Lloyd Austin at the Pentagon, where the two discussed the rising menace "
             "from North Korea and China."),
        ),
        must_not_fire=(
            ("Tokyo and Washington will build more missiles together, Japan's defense ministry "
             "announced on Tuesday after a meeting at the Pentagon. Minoru Kihara and Lloyd "
             "Austin signed off on 1,200 interceptors, a figure that surprised analysts who had "
             "expected a smaller order. North Korea's recent launches weighed on the talks, a "
             "Japanese diplomat said."),
        ),
        reference=_WIRE,
    ),
)

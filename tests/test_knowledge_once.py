"""Knowledge written once (issue 18): a fact the code needs in two places is imported from
its one home, not spelled again. Each test reads the string literals of every module
(docstrings and comments aside) and fails when a second copy appears."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "audit"


def _literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def _modules_spelling(*needles: str) -> set[str]:
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        text = "\n".join(_literals(path)).casefold()
        if any(needle in text for needle in needles):
            found.add(path.relative_to(ROOT).as_posix())
    return found


def test_one_list_of_agencies():
    assert _modules_spelling("associated press", "xinhua", "agence france") == \
        {"audit/agencies.py"}


def _outside_lang(found: set[str]) -> set[str]:
    return {path for path in found if not path.startswith("audit/lang/")}


def test_one_list_of_month_names():
    """Month names live in their languages' modules (audit/lang/<code>.py) alone."""
    assert _outside_lang(_modules_spelling("fevereiro", "januari", "dicembre", "августа")) == set()
    assert {"audit/lang/pt.py", "audit/lang/nl.py", "audit/lang/it.py"} <= \
        _modules_spelling("fevereiro", "januari", "dicembre")


def test_one_list_of_byline_words():
    assert _modules_spelling("by|von", "von|por", "door|av") == set()
    assert _outside_lang(_modules_spelling("publicado por", "posted by", "reported by")) == set()


def test_one_home_per_language():
    """What the audit knows about a language (its detection words, byline openers, month
    names, sourcing words) is spelled in its module in audit/lang/ and nowhere else; every
    module there is in the registry, and every language has a name."""
    from audit import lang

    assert _outside_lang(_modules_spelling("wurde", "mereka", "worden", "için")) == set()
    assert _outside_lang(_modules_spelling("acknowledged", "spokeswoman")) == set()
    on_disk = {path.stem for path in (PACKAGE / "lang").glob("*.py")} - {"__init__", "patterns"}
    assert on_disk == set(lang.LANGUAGES)
    assert all(isinstance(m.NAME, str) and m.NAME for m in lang.MODULES)
    for code, months in lang.MONTHS.items():
        assert len(months) == 12, code
    month_of: dict[str, int] = {}
    for months in lang.MONTHS.values():
        for number, names in enumerate(months, 1):
            for name in names.split():
                assert month_of.setdefault(name, number) == number, name
    assert lang.COVERED_LANGUAGES == ("en",)



def test_the_sourcing_stage_is_handed_its_pack():
    """No sourcing module imports a language module: each reads the pack it is handed
    (chosen once, by the article's language, through ``audit.lang.pack``), so that a
    second language needs no change there."""
    from audit import lang

    for path in sorted((PACKAGE / "sourcing").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "audit.lang":
                imported = {alias.name for alias in node.names}
                assert not imported & set(lang.LANGUAGES), (path.name, imported)
            modules = [alias.name for alias in node.names] if isinstance(
                node, (ast.Import, ast.ImportFrom)) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                modules.append(node.module)
            assert not any(name.startswith(tuple(f"audit.lang.{code}" for code in lang.LANGUAGES))
                           for name in modules), (path.name, modules)



def test_sourcing_words_are_read_from_the_pack():
    """A tuple, list or set of words written out in a sourcing module is language knowledge
    outside its pack (the names of source types and attribution kinds aside)."""
    from audit.model import Kind, SourceType

    names = {*map(str, SourceType), *map(str, Kind), "analyse", "extract", "owner"}  # a group
    for path in sorted((PACKAGE / "sourcing").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) > 1:
                values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
                found = [v for v in values if isinstance(v, str) and v.isalpha()
                         and v.islower() and v not in names]
                assert not found, (path.name, node.lineno, found)


def _tested_strings(path: Path) -> list[str]:
    """The strings a module tests text against: compared (==, in), looked for at a start or
    an end (startswith, endswith), or gathered in a tuple, list or set (report messages,
    which f-strings piece together, are not tested)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in ("startswith", "endswith"):
            operands = list(node.args)
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            operands = list(node.elts)
        else:
            continue
        for operand in operands:
            for item in operand.elts if isinstance(operand, (ast.Tuple, ast.Set)) else [operand]:
                if isinstance(item, ast.Constant) and isinstance(item.value, str):
                    found.append(item.value)
    return found


def test_sourcing_modules_spell_no_english_word():
    """No sourcing module tests text for an English word or a piece of one ("that", " and",
    "ing", "’s"): every word it looks for is a field of the pack it is handed. Names the
    code gives things are allowed: source types, attribution kinds and forms, page labels,
    the named groups of the pack's own patterns, module and exported names."""
    import re

    from audit import lang, sourcing
    from audit.model import Form, Kind, Label, SourceType

    groups = {name for value in vars(lang.pack("en")).values() if isinstance(value, str)
              for name in re.findall(r"\(\?P<(\w+)>", value)}
    modules = sorted((PACKAGE / "sourcing").glob("*.py"))
    names = {*map(str, SourceType), *map(str, Kind), *map(str, Form), *map(str, Label), *groups,
             *(path.stem for path in modules), *sourcing.__all__}
    for path in modules:
        spelled = [value for value in _tested_strings(path) if value not in names
                   and re.fullmatch(r"[\s,;:’']*[a-z]+(?:[\s’'][a-z]+)*[\s,;:’']*", value)
                   and re.search(r"[a-z]{2}|[’'][a-z]", value)]
        assert not spelled, (path.name, spelled)
        # A regular expression (a literal with a backslash, "(?" or "|") spells no word
        # either, its escapes, flags and group names aside.
        in_patterns = [word for value in _literals(path)
                       if "\\" in value or "(?" in value or "|" in value
                       for word in re.findall(r"[a-z]{2,}", re.sub(
                           r"\\[a-zA-Z]|\(\?P?[<=]\w+>?|\(\?[a-zA-Z-]+[:)]", "", value))
                       if word not in names]
        assert not in_patterns, (path.name, in_patterns)


def _lists_and_patterns(path: Path) -> str:
    """The string literals of a module that are patterns or list words: a regular
    expression's alternation (a literal with "|"), or a word in a tuple, list or set."""
    found = [value for value in _literals(path) if "|" in value]  # docstrings aside
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            found.extend(e.value for e in node.elts if isinstance(e, ast.Constant)
                         and isinstance(e.value, str) and e.value.isalpha())
    return "\n".join(found).casefold()


def test_labels_live_in_their_languages():
    """The labels of page furniture, credits, author boxes and bylines (lang.LABEL_FIELDS)
    are spelled in their language's module alone, so that adding a language is one file:
    no pattern or word list outside audit/lang holds a word of another language's labels
    (words English shares, "newsletter", "cookies", aside), and the modules that read
    them join every language's through lang.alternation."""
    import re

    from audit import lang

    english = (PACKAGE / "lang" / "en.py").read_text(encoding="utf-8").casefold()
    words = {word for code, module in lang.LANGUAGES.items() if code != "en"
             for field in lang.LABEL_FIELDS for fragment in getattr(module, field, ())
             for word in re.findall(r"[^\W\d_]{4,}", fragment.casefold())
             if word not in english}
    assert {"quelle", "übersetzt", "tradução", "iscriviti", "комментари", "penulis"} <= words
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "lang":
            continue
        spelled = _lists_and_patterns(path)
        found = sorted(w for w in words
                       if re.search(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", spelled))
        assert not found, (path.relative_to(ROOT).as_posix(), found)
    # Nor a second copy of an English label of three words or more ("we use cookies").
    phrases = {piece.strip() for field in lang.LABEL_FIELDS
               for fragment in getattr(lang.LANGUAGES["en"], field, ())
               for piece in re.split(r"\\[a-z]|[()?|\[\]*+.$^{}]", fragment)
               if len(piece.split()) >= 3 and re.fullmatch(r"[a-z' -]+", piece.strip())}
    assert {"we use cookies", "about the author", "all rights reserved"} <= phrases
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name != "lang":
            spelled = _lists_and_patterns(path)
            assert not [p for p in phrases if p in spelled], path.relative_to(ROOT).as_posix()
    for module in lang.MODULES:
        for field in lang.LABEL_FIELDS:
            value = getattr(module, field, ())
            assert isinstance(value, tuple) and all(isinstance(f, str) for f in value), \
                (module.__name__, field)
            for fragment in value:
                re.compile(fragment)


def test_a_language_module_holds_known_fields():
    """A field a language module spells wrong would be read by no one: every field of a
    module but English (whose sourcing pack has many more) is one the registry knows."""
    from audit import lang

    known = {"NAME", "FUNCTION_WORDS", "SCRIPTS", "WITHIN_SCRIPT", "BYLINE_BY",
             "BYLINE_OPENERS", "MONTHS", *lang.LABEL_FIELDS}
    for code, module in lang.LANGUAGES.items():
        if code == "en":
            continue
        fields = {name for name in vars(module) if name.isupper()}
        assert fields <= known, (code, fields - known)


def test_one_date_parser():
    """Dates are parsed by audit.metadata.parse_date alone (measured against htmldate and
    dateutil: README, Dependencies)."""
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "dateutil" not in source and "strptime(" not in source.replace(
            "datetime.strptime(text, fmt)", ""), path


def test_one_registrable_domain():
    for path in PACKAGE.rglob("*.py"):
        assert "co.uk" not in "\n".join(_literals(path)), path


def test_sourcing_counts_words_one_way():
    """The extractor's thresholds ("at least 3 words of content") count a span's words with
    audit.sourcing.text.word_count (audit.sentences.whitespace_words) alone: a module
    splitting and counting its own way would make a second definition of a word."""
    import re

    own = re.compile(r"len\([^()]*\.split\(\)\)|\.count\(\" \"\)")
    for path in sorted((PACKAGE / "sourcing").glob("*.py")):
        if path.name == "text.py":
            continue
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if own.search(line)]
        assert not lines, (path.name, lines)


def test_strip_counts_words_one_way():
    """The strippers, and the metadata and provenance readers (the words of a name, a label,
    an author box), count a short text's words with audit.sentences.whitespace_words
    (textlines' shortcut for single-spaced ASCII lines aside): no len(x.split()) or
    x.count(" ") + 1 of their own. htmlroles counts a block's tokens as the whitespace
    pieces of its key (the tokens joined by single spaces)."""
    import re

    own = re.compile(r"len\([^()]*\.split\(\)\)|\.count\(\" \"\) *\+ *1")
    paths = [*sorted((PACKAGE / "strip").glob("*.py")),
             *sorted((PACKAGE / "metadata").glob("*.py")),
             PACKAGE / "provenance.py"]
    for path in paths:
        if path.name == "textlines.py":
            continue  # its shortcut for single-spaced ASCII lines (see its docstring)
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if own.search(line)]
        assert not lines, (path.name, lines)

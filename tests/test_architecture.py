"""Where words live: no Arabic word lists in code.

Every closed class of words the rules read is data in ``lexicons/`` (validated TOML, folded like the text);
clitics, the article and inflectional endings are the named constants of ``attribution/morphology.py``. This
test parses every module of the package and fails on a string constant holding an Arabic letter anywhere
else, so that lists cannot creep back. Docstrings, comments and the documented examples of the rule
catalogues stay Arabic.
"""

from __future__ import annotations

import ast
import shutil
import unicodedata
from pathlib import Path

import pytest

from attribution.errors import LexiconError
from attribution.lexicons import builtin_dir, load
from attribution.normalize import fold_term
from attribution.words import grammar_words

PACKAGE = Path(__file__).resolve().parent.parent / "attribution"

#: Modules not scanned (none left: kept so a module can be let in, with a reason, while it is reworked).
NOT_SCANNED: frozenset[str] = frozenset()
#: The modules whose Arabic strings are allowed: the named affixes, and the folding table (letters and
#: marks, each mapped to its folded form: the definition of the folded view, not a word list).
CONSTANTS = frozenset({"morphology.py", "normalize.py"})
#: Calls whose arguments document a rule with Arabic examples, by module: the grammar's and check's
#: rule catalogues (tests/test_grammar.py and tests/test_check.py run the examples).
CATALOGUE_CALLS = {"grammar.py": frozenset({"Rule", "Example"}), "check/rules.py": frozenset({"Rule"})}
#: The calls that mark a message for the catalogue (attribution/i18n.py): prose for the reader, which may
#: quote a phrase.
MESSAGE_CALLS = frozenset({"_", "N_", "ngettext", "pgettext"})
#: Functions allowed an Arabic string, each with the reason.
ALLOWED = {
    ("check/rules.py", "_anonymity"): "the finding's message quotes an example of a reason for anonymity",
}


def _arabic(text: str) -> bool:
    """True when ``text`` holds an Arabic letter (punctuation such as «،» or «؟» is not one)."""
    return any(unicodedata.category(c).startswith("L") and "ARABIC" in unicodedata.name(c, "") for c in text)


def arabic_literals(source: str, module: str = "") -> list[tuple[int, str]]:
    """(line, value) of each string constant in ``source`` that holds an Arabic letter, leaving out
    docstrings, the arguments of :data:`CATALOGUE_CALLS` and the functions of :data:`ALLOWED`."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        for child in getattr(node, "body", []) if isinstance(getattr(node, "body", None), list) else []:
            if isinstance(child, ast.Expr) and isinstance(child.value, ast.Constant):
                skip.add(id(child.value))  # a docstring, of a module, class or function or after an attribute
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in CATALOGUE_CALLS.get(module, ()):
            skip.update(id(inner) for inner in ast.walk(node))
        if isinstance(node, ast.FunctionDef) and (module, node.name) in ALLOWED:
            skip.update(id(inner) for inner in ast.walk(node))
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                  and _arabic(node.value))


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if not (p.parent == PACKAGE and p.name in NOT_SCANNED | CONSTANTS))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_arabic_word_lists_in_code(path: Path) -> None:
    module = path.relative_to(PACKAGE).as_posix()
    found = arabic_literals(path.read_text(encoding="utf-8"), module)
    assert not found, (f"attribution/{module} holds Arabic strings in code: "
                       + "; ".join(f"line {line}: {value!r}" for line, value in found[:5])
                       + ". Put a word list in lexicons/grammar.toml (read through attribution/words.py), an affix"
                       " in attribution/morphology.py.")


def test_the_scan_finds_a_list_and_spares_docstrings_and_catalogues() -> None:
    source = '''
"""Module «قال»."""
PREPOSITIONS = ("في", "من")
def f(w):
    """Docstring «في»."""
    return w == "عن" or w in "،,"
RULES = (Rule("x", "«قال» example", (Example("قال الوزير", "الوزير", "الوزير"),)),)
'''
    assert [line for line, _ in arabic_literals(source)] == [3, 3, 6, 7, 7, 7, 7]
    assert [value for _, value in arabic_literals(source, "grammar.py")] == ["في", "من", "عن"]


def test_the_allowlist_and_catalogues_name_real_places() -> None:
    for module, function in ALLOWED:
        tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
        assert any(isinstance(n, ast.FunctionDef) and n.name == function for n in ast.walk(tree)), (module, function)
    for module, calls in CATALOGUE_CALLS.items():
        source = (PACKAGE / module).read_text(encoding="utf-8")
        assert all(f"{call}(" in source for call in calls), module
    assert all((PACKAGE / name).is_file() for name in NOT_SCANNED | CONSTANTS)


# --- the grammar's word lists are data: validated and folded like the text --------------------------


@pytest.fixture
def lexdir(tmp_path: Path) -> Path:
    target = tmp_path / "lex"
    shutil.copytree(builtin_dir(), target)
    return target


def test_grammar_words_are_folded_like_the_text(lexdir: Path) -> None:
    words = grammar_words(load(lexdir))
    assert words.particle_at == fold_term("لدى") == "لدي"  # written «لدى» in grammar.toml, read folded
    assert "اثناء" in words.that_subject_ends and "صادره" in words.issued
    assert words.check_vague_verbs[-1] == "يذكر ان"  # ordered lists keep their order
    assert words.allegiance == tuple(sorted(words.allegiance)) and "مدعوم" in words.allegiance


@pytest.mark.parametrize(("section", "key"), [("particle", "in"), ("source", "allegiance"), ("check", "reason_not")])
def test_grammar_keys_are_checked_with_file_and_line(lexdir: Path, section: str, key: str) -> None:
    path = lexdir / "grammar.toml"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines.index(f"[{section}]")
    lines.insert(header + 1, 'colour = "أحمر"')
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load(lexdir)
    assert str(info.value).startswith(f"E011 {path}:{header + 2}: [{section}]: unknown key 'colour'")
    assert key in str(info.value)


def test_a_missing_grammar_word_is_an_error(lexdir: Path) -> None:
    path = lexdir / "grammar.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('\nquoting = "نقلا"\n', "\n"), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load(lexdir)
    assert "E012" in str(info.value) and "quoting" in str(info.value) and "grammar.toml" in str(info.value)


#: Typographic quotation marks: written in code only where the quote marks are defined.
_MARKS = frozenset("«»“”„‘’")


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_quote_marks_are_defined_once(path: Path) -> None:
    """Only `attribution/normalize.py` spells the quotation marks a rule reads; every rule imports them
    from there (`OPEN_QUOTES`, `CLOSE_QUOTES`, `PAIRED_QUOTES`, `STRAIGHT_QUOTES`). Messages that quote a
    phrase for the reader («…») are not rules."""
    if path == PACKAGE / "normalize.py":
        return
    module = path.relative_to(PACKAGE).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.value) for node in ast.walk(tree) if isinstance(getattr(node, "body", None), list)
                  for n in node.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
    # the rule catalogues' examples, and messages (f-strings, catalogue messages) that quote a phrase for
    # the reader
    exempt = {id(inner) for node in ast.walk(tree)
              if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id in CATALOGUE_CALLS.get(module, frozenset()) | MESSAGE_CALLS)
              or isinstance(node, ast.JoinedStr)
              for inner in ast.walk(node)}
    found = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
             and id(n) not in docstrings | exempt and _MARKS & set(n.value)]
    assert not found, f"attribution/{module} spells quotation marks at lines {found}: import them from normalize"


# --- no hidden caches: tables built from the lexicons live in attribution.compiled.Compiled -------------

#: The memo caches the package may hold, each with its reason: none depends on a lexicon.
CACHES = {
    ("normalize.py", "fold_term"): "a string's folded form: a function of the string alone",
    ("sources.py", "strip_clitics"): "a word's forms without proclitics: a function of the word alone",
    ("check/config.py", "load_config"): "a config file, by its path and the rule ids",
    ("i18n.py", "catalogue"): "a language's message catalogue, read once from the package: a function of the language",
}
#: Types built from the lexicons: a cache keyed on one holds tables that belong in `Compiled`.
LEXICON_TYPES = frozenset({"Lexicons", "TermLexicon", "Compiled", "GrammarWords", "PageMarkers", "OutletTables",
                           "CueTables", "SourceParser", "TermMatcher", "Variant", "Place", "SourceEntry", "Verb",
                           "Preposition"})
_CACHE_DECORATORS = frozenset({"lru_cache", "cache"})


def _is_cache(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return name in _CACHE_DECORATORS


def cached_functions(source: str) -> list[tuple[str, int, list[str]]]:
    """(name, line, the lexicon types its parameters name) of each function with a memo-cache decorator."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(map(_is_cache, node.decorator_list)):
            args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            named = sorted({name for a in args if a.annotation is not None for name in _names(a.annotation)}
                           & LEXICON_TYPES)
            out.append((node.name, node.lineno, named))
    return out


def _names(annotation: ast.expr) -> set[str]:
    """The names an annotation mentions, inside quotes too."""
    out = set()
    for n in ast.walk(annotation):
        if isinstance(n, ast.Name):
            out.add(n.id)
        elif isinstance(n, ast.Attribute):
            out.add(n.attr)
        elif isinstance(n, ast.Constant) and isinstance(n.value, str):
            out |= _names(ast.parse(n.value, mode="eval").body)
    return out


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_cache_keyed_on_a_lexicon(path: Path) -> None:
    module = path.relative_to(PACKAGE).as_posix()
    for name, line, lexicon_types in cached_functions(path.read_text(encoding="utf-8")):
        where = f"attribution/{module}:{line} {name}"
        assert not lexicon_types, (f"{where} is a cache keyed on {', '.join(lexicon_types)}: build the table once in "
                                   "attribution.compiled.Compiled and pass it along instead")
        assert (module, name) in CACHES, (f"{where} is a cache with no reason given: a table built from the lexicons "
                                          "belongs in attribution.compiled.Compiled; pure memoisation of a function of "
                                          "strings goes in CACHES with its reason")


def test_the_cache_scan_finds_one_keyed_on_lexicons() -> None:
    source = '''
import functools
from functools import lru_cache
@lru_cache(maxsize=8)
def tables(lex: Lexicons) -> int: ...
@functools.cache
def words() -> int: ...
@lru_cache(maxsize=2)
def matcher(terms: "TermLexicon | None", n: int) -> int: ...
def plain(lex: Lexicons) -> int: ...
'''
    assert cached_functions(source) == [("tables", 5, ["Lexicons"]), ("words", 7, []), ("matcher", 9, ["TermLexicon"])]
    for module, function in CACHES:
        assert function in [name for name, _, _ in cached_functions((PACKAGE / module).read_text(encoding="utf-8"))]


def test_the_steps_read_one_compiled_object_built_once() -> None:
    import attribution
    from attribution.article import analyze, find_regions, find_sentences, find_speakers
    from attribution.compiled import Compiled, builtin, load
    from attribution.lexicons import load_builtin

    compiled = builtin()
    assert load() is compiled and load([]) is compiled  # built once per process
    page = find_sentences(find_regions("قال الوزير إن الطريق مفتوح.", compiled))
    assert page.compiled is compiled
    assert find_speakers(page).sentences[0].speaker.name == "الوزير"
    # lexicons loaded a second time compile anew (nothing is looked up by the object) and annotate the same
    fresh = Compiled.build(load_builtin())
    assert fresh is not compiled and fresh.lexicons is not compiled.lexicons and fresh.parser is not compiled.parser
    text = "وقالت مصادر مطلعة لوكالة رويترز إن الاتفاق قريب."
    assert analyze(text, fresh, terms=True) == attribution.annotate(text)

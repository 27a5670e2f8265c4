"""The compiled tables: built once from the lexicons, passed along the steps, never looked up in a cache
keyed on a lexicon object (docs/architecture.md, "The compiled tables")."""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest

import attribution
from attribution.article import analyze, find_regions, find_sentences, find_speakers, find_term_hits
from attribution.compiled import Compiled, builtin, load
from attribution.lexicons import SourceEntry, load_builtin, load_terms
from attribution.terms import TermMatcher

LEXICON = '''
[[concept]]
id = "test_storm"
label_en = "storm"

  [[concept.variant]]
  term = "العاصفة الهوجاء"
  stance = "negative"
  frame = "storm"
'''
TEXT = "وقال المتحدث إن العاصفة الهوجاء ضربت الساحل."


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Compiled]:
    """Every Compiled built from now on."""
    made: list[Compiled] = []
    build = Compiled.build.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Compiled], *args: object, **kwargs: object) -> Compiled:
        made.append(build(cls, *args, **kwargs))
        return made[-1]

    monkeypatch.setattr(Compiled, "build", classmethod(counting))
    return made


def storms(article: attribution.Article) -> list[str]:
    return [t.text for t in article.terms if t.concept == "test_storm"]


def test_annotate_compiles_once_per_version_of_the_lexicon_files(tmp_path: Path, builds: list[Compiled]) -> None:
    path = tmp_path / "storm.toml"
    path.write_text(LEXICON, encoding="utf-8")
    builtin()  # the built-in tables, as any earlier call would have built them
    builds.clear()
    assert storms(attribution.annotate(TEXT, lexicons=[path])) == ["العاصفة الهوجاء"]
    assert len(builds) == 1
    for _ in range(3):
        attribution.annotate(TEXT, lexicons=[path])
        attribution.annotate(TEXT, lexicons=[str(path)])  # the same file, however it is named
    assert len(builds) == 1
    assert builds[0] is load([path]) and builds[0].lexicons is builtin().lexicons  # shared, not loaded again
    # an edited file is compiled again, once
    path.write_text(LEXICON.replace("العاصفة الهوجاء", "الريح العاتية"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert storms(attribution.annotate("وقال المتحدث إن الريح العاتية ضربت الساحل.", lexicons=[path])) == ["الريح العاتية"]
    attribution.annotate(TEXT, lexicons=[path])
    assert len(builds) == 2


def test_the_steps_read_the_tables_they_are_given() -> None:
    lex = load_builtin()
    mine = Compiled.build(attrs.evolve(lex, sources=(*lex.sources, SourceEntry("صحيفة المثال", "media", ("صحيفتي",)))))
    text = "قال الوزير إن الطريق مفتوح."
    assert find_regions(text, mine, "صحيفتي").outlet.name == "صحيفة المثال"
    assert find_regions(text, builtin(), "صحيفتي").outlet.name == "صحيفتي"  # nothing cached from the other
    page = find_sentences(find_regions(text, mine))
    assert page.compiled is mine and find_speakers(page) == find_speakers(find_sentences(find_regions(text, builtin())))


def test_plain_lexicons_and_a_matcher_still_work(tmp_path: Path) -> None:
    """`analyze` and `find_term_hits` take what they took before: Lexicons and a TermLexicon, compiled for
    the one call; a matcher of one's own."""
    path = tmp_path / "storm.toml"
    path.write_text(LEXICON, encoding="utf-8")
    terms = load_terms([path])
    expected = attribution.annotate(TEXT, lexicons=[path])
    assert analyze(TEXT, load_builtin(), None, terms) == expected
    assert analyze(TEXT, builtin(), None, terms) == expected
    assert analyze(TEXT, builtin(), None, None).terms == ()
    page = find_sentences(find_regions(TEXT, builtin()))
    assert find_term_hits(page, TermMatcher(terms)) == expected
    assert find_term_hits(page, load([path])) == expected


def test_the_sentence_splitter_reads_the_builtin_terms_whatever_is_added(tmp_path: Path) -> None:
    """A full stop inside a word of a built-in term is no sentence end («الحو.ثيين»), with or without
    term lexicons of one's own."""
    path = tmp_path / "storm.toml"
    path.write_text(LEXICON, encoding="utf-8")
    assert load([path]).split_words == builtin().split_words
    assert builtin().split_words == Compiled.build(load_builtin(), load_terms([path])).split_words
    text = "وقال إن الحو.ثيين هاجموا السفينة."
    for compiled in (builtin(), load([path])):
        page = find_sentences(find_regions(text, compiled))
        assert page.paragraphs is not None and len(page.paragraphs[0].sentences) == 1


def test_a_pickled_compiled_object_is_rebuilt_from_its_lexicons(tmp_path: Path) -> None:
    """A spaCy pipeline sent to a worker process is pickled with its components' tables."""
    import pickle

    path = tmp_path / "storm.toml"
    path.write_text(LEXICON, encoding="utf-8")
    compiled = load([path])
    copy = pickle.loads(pickle.dumps(compiled))
    assert copy is not compiled and copy.split_words == compiled.split_words
    assert analyze(TEXT, copy, None, True) == attribution.annotate(TEXT, lexicons=[path])
    pytest.importorskip("spacy")
    nlp = attribution.pipeline()
    assert pickle.loads(pickle.dumps(nlp))(TEXT)._.article == attribution.annotate(TEXT)


def test_many_lexicon_sets_keep_the_builtin_tables(tmp_path: Path) -> None:
    from attribution.compiled import MAX_LOADED

    first = builtin()
    for n in range(MAX_LOADED + 2):
        path = tmp_path / f"l{n}.toml"
        path.write_text(LEXICON.replace("test_storm", f"test_storm_{n}"), encoding="utf-8")
        assert any(c.id == f"test_storm_{n}" for c in load([path]).terms.concepts)
    assert builtin() is first


def test_the_source_parser_is_not_written_while_annotating() -> None:
    """Its word-table index is built with it: annotating reads the compiled tables, never fills them."""
    import copy

    from attribution.compiled import builtin

    parser = builtin().parser
    before = copy.deepcopy(parser._firsts)
    attribution.annotate("وقال عدد من المواطنين إن الطريق مغلق.\nوأكد مصدر مطلع أن الوزير سيزور المدينة.")
    assert parser._firsts == before
    assert parser.unnamed in parser._firsts and parser.quantified in parser._firsts

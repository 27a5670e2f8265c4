"""Every table the steps read, compiled once from the loaded lexicons and passed along.

`Compiled.build(lexicons, terms)` folds and indexes the validated lexicons of `attribution.lexicons` into
one frozen value: the grammar's word classes, the page markers, the outlet patterns, the cue tables, the
source parser and the term matcher. The steps are functions of their input and this value
(``find_regions(text, compiled)`` → ``find_sentences`` → ``find_speakers`` → ``find_term_hits``);
nothing in the package caches a table keyed on a lexicon object.

`load(paths)` is what `attribution.annotate`, the command line, the corpus workers, ``attribution check``
and the spaCy components call: the built-in lexicons plus the term lexicon files ``paths``, compiled on
the first call and again only when one of those files changes (the memo is keyed on the resolved paths
and each file's size and modification time, never on a lexicon object).

Examples:
    >>> from attribution.compiled import Compiled, builtin, load
    >>> compiled = builtin()
    >>> compiled is load(())            # built once per process
    True
    >>> compiled.cues.verb("وقال")[1], compiled.words.particle_in
    ('verb', 'في')
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from types import MappingProxyType

import attrs

from .cues import CueTables
from .lexicons import Lexicons, TermLexicon, Variant, file_stamp, load_builtin, load_terms, resolved_path
from .outlet import OutletTables
from .regions import PageMarkers
from .sources import SourceParser
from .terms import TermMatcher
from .words import GrammarWords

__all__ = ["Compiled", "builtin", "load"]

#: Shortest word of a term that a full stop inside it does not end a sentence at («الحو.ثيين»): two-letter
#: words are particles and pronouns, which a dot after them really ends («له.وقال»).
MIN_SPLIT_WORD = 3


def split_words(matcher: TermMatcher) -> frozenset[str]:
    """Every folded word of the matcher's term forms (the words a writer would dodge a filter on by
    writing a full stop inside them): the sentence splitter does not end a sentence inside one."""
    return frozenset(w for form in matcher.forms for w in form.split(" ") if len(w) >= MIN_SPLIT_WORD)


@attrs.frozen(eq=False)
class Compiled:
    """The lexicons and every table built from them, once. Compared by identity.

    ``split_words`` come from the *built-in* term lexicons whatever ``terms`` holds: the sentence
    boundaries of a text do not depend on the term lexicons a caller adds.
    """

    lexicons: Lexicons
    terms: TermLexicon
    words: GrammarWords
    markers: PageMarkers
    outlet: OutletTables
    cues: CueTables
    parser: SourceParser
    matcher: TermMatcher
    split_words: frozenset[str]
    #: Every term variant by (concept, term), slots filled, for ``attribution check``'s advice.
    variants: MappingProxyType[tuple[str, str], Variant]
    #: Every concept's (English, Arabic) label by id, for messages in the reader's language.
    labels: MappingProxyType[str, tuple[str, str]]

    @classmethod
    def build(cls, lexicons: Lexicons | None = None, terms: TermLexicon | None = None, *,
              split: frozenset[str] | None = None) -> Compiled:
        """Compile ``lexicons`` (the built-in ones by default) and ``terms`` (the built-in term lexicons
        by default). ``split`` (the built-in `split_words`) is computed from the built-in term lexicons
        when not given."""
        lex = lexicons if lexicons is not None else load_builtin()
        given_terms = terms is not None
        terms = terms if terms is not None else load_terms()
        words = GrammarWords.from_lexicons(lex)
        matcher = TermMatcher(terms, lex)
        if split is None:
            split = split_words(TermMatcher(load_terms(), lex) if given_terms else matcher)
        return cls(lex, terms, words, PageMarkers.from_lexicons(lex), OutletTables.from_lexicons(lex),
                   CueTables(lex, words), SourceParser(lex, words), matcher, split,
                   MappingProxyType({(v.concept, v.term): v for v in matcher.variants}),
                   MappingProxyType({c.id: (c.label_en, c.label_ar) for c in terms.concepts}))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as the lexicons it was built from (a spaCy pipeline sent to a worker process carries
        its components' tables this way); the tables are compiled again, once, where it is unpickled."""
        return _rebuild, (self.lexicons, self.terms, self.split_words)


def _rebuild(lexicons: Lexicons, terms: TermLexicon, split: frozenset[str]) -> Compiled:
    return Compiled.build(lexicons, terms, split=split)


#: How many (paths, file versions) `load` keeps compiled: a long run uses one; a test suite a few.
MAX_LOADED = 8
_LOADED: dict[tuple[tuple[str, ...], tuple[object, ...]], Compiled] = {}


def load(paths: Iterable[str | PathLike[str]] = ()) -> Compiled:
    """The built-in lexicons plus the term lexicon files or directories ``paths``, compiled once per
    process and version of those files."""
    resolved = tuple(resolved_path(p) for p in paths)
    key = (resolved, tuple(file_stamp(p) for p in resolved))
    hit = _LOADED.get(key)
    if hit is not None:
        return hit
    if resolved:
        base = builtin()
        compiled = Compiled.build(base.lexicons, load_terms(resolved), split=base.split_words)
    else:
        compiled = Compiled.build()
    if len(_LOADED) >= MAX_LOADED:  # drop the oldest with lexicons of its own; the built-in one stays
        _LOADED.pop(next(k for k in _LOADED if k[0]))
    _LOADED[key] = compiled
    return compiled


def builtin() -> Compiled:
    """The built-in lexicons, compiled (once per process)."""
    return load(())

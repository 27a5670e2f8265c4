"""The function words of the attribution grammar (``lexicons/grammar.toml``), folded like the text.

:func:`grammar_words` builds one frozen :class:`GrammarWords` per :class:`~attribution.lexicons.Lexicons`;
the rules in :mod:`attribution.attributions`, :mod:`attribution.sources` and :mod:`attribution.speaker`
read their closed word classes from it, never from lists in code.

Examples:
    >>> from attribution.lexicons import load_builtin
    >>> words = grammar_words(load_builtin())
    >>> "بان" in words.complementizers and "فانهم" in words.complementizers
    True
    >>> sorted(words.negations)[:2]
    ['لا', 'لم']
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import attrs

from .lexicons import Lexicons
from .normalize import fold_term

__all__ = ["GrammarWords", "grammar_words"]


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold_term(w) for w in words)


@attrs.frozen
class GrammarWords:
    """Closed word classes, folded. See ``lexicons/grammar.toml`` for what each holds and why."""

    conjunctions: frozenset[str]
    opens_clause: frozenset[str]
    fronted: frozenset[str]
    subordinate: frozenset[str]
    in_turn: frozenset[str]
    negations: frozenset[str]
    kana: frozenset[str]
    complementizers: frozenset[str]
    object_prepositions: frozenset[str]
    statement_nouns: frozenset[str]
    that: frozenset[str]
    saying: frozenset[str]
    according: frozenset[str]
    numerals: frozenset[str]
    name_parts: frozenset[str]
    genitive_heads: frozenset[str]
    authoring: frozenset[str]
    report_heads: frozenset[str]
    pronoun_suffixes: tuple[str, ...]

    @classmethod
    def from_lexicons(cls, lex: Lexicons) -> GrammarWords:
        g = lex.grammar
        clause, cue, source = g.get("clause", {}), g.get("cue", {}), g.get("source", {})
        suffixes = tuple(fold_term(s) for s in g.get("morphology", {}).get("pronoun_suffixes", ()))
        base = fold_term(cue.get("complementizer", "أن"))
        # أن with its prefixes (بأن، لأن، فإن) and pronoun suffixes (أنه، إنها، لأنهم), plus first-person forms
        endings = ("", *suffixes, "نا", "ني", "كم")
        complementizers = frozenset(
            p + base + s for p in ("", *(fold_term(x) for x in cue.get("complementizer_prefixes", ()))) for s in endings
        ) | {base + "ّ"}
        return cls(
            conjunctions=_folded(clause.get("conjunctions", ())),
            opens_clause=_folded(clause.get("opens_clause", ())),
            fronted=_folded(clause.get("fronted", ())),
            subordinate=_folded(clause.get("subordinate", ())),
            in_turn=_folded(clause.get("in_turn", ())),
            negations=_folded(clause.get("negations", ())),
            kana=_folded(clause.get("kana", ())),
            complementizers=complementizers,
            object_prepositions=_folded(cue.get("object_prepositions", ())),
            statement_nouns=_folded(cue.get("statement_nouns", ())),
            that=_folded(cue.get("that", ())),
            saying=_folded(cue.get("saying", ())),
            according=_folded(cue.get("according", ())),
            numerals=_folded(cue.get("numerals", ())),
            name_parts=_folded(source.get("name_parts", ())),
            genitive_heads=_folded(source.get("genitive_heads", ())),
            authoring=_folded(source.get("authoring", ())),
            report_heads=_folded(source.get("report_heads", ())),
            pronoun_suffixes=suffixes,
        )


@lru_cache(maxsize=8)
def grammar_words(lex: Lexicons) -> GrammarWords:
    """The grammar's word classes for ``lex`` (built once per Lexicons)."""
    return GrammarWords.from_lexicons(lex)

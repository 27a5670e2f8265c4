"""The function words of the attribution grammar (``lexicons/grammar.toml``), folded like the text.

`GrammarWords.from_lexicons` builds one frozen `GrammarWords` from an `attribution.lexicons.Lexicons`
(`attribution.compiled.Compiled` holds it as ``words``); the rules in `attribution.attributions`,
`attribution.sources` and `attribution.speaker` read their closed word classes from it, never from lists
in code. Code that reads no user lexicon (the term matcher's inflections, `attribution.sources.is_pronoun`,
the check rules, the comparison) reads `builtin_words`, the word classes of the package's own
``lexicons/grammar.toml``, read once when this module is imported.

Examples:
    >>> from attribution.lexicons import load_builtin
    >>> words = GrammarWords.from_lexicons(load_builtin())
    >>> "بان" in words.complementizers and "فانهم" in words.complementizers
    True
    >>> sorted(words.negations)[:2]
    ['لا', 'لم']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from .lexicons import SCHEMAS, Lexicons, builtin_dir, load_plain
from .morphology import OTHER_PERSON_SUFFIXES
from .normalize import fold_term

__all__ = ["GrammarWords", "builtin_words", "grammar_words"]


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold_term(w) for w in words)


@attrs.frozen
class GrammarWords:
    """Closed word classes, folded. See ``lexicons/grammar.toml`` for what each holds and why."""

    conjunctions: frozenset[str]
    opens_clause: frozenset[str]
    fronted: frozenset[str]
    subordinate: frozenset[str]
    clause_openers: frozenset[str]
    in_turn: frozenset[str]
    negations: frozenset[str]
    kana: frozenset[str]
    complementizers: frozenset[str]
    object_prepositions: frozenset[str]
    statement_nouns: frozenset[str]
    object_nouns: frozenset[str]
    that: frozenset[str]
    saying: frozenset[str]
    according: frozenset[str]
    numerals: frozenset[str]
    paired: frozenset[str]
    name_parts: frozenset[str]
    name_homographs: frozenset[str]
    name_connectors: frozenset[str]
    addressees: frozenset[str]
    latin_initials: frozenset[str]
    headed_by: frozenset[str]
    name_homograph_objects: frozenset[str]
    genitive_heads: frozenset[str]
    authoring: frozenset[str]
    report_heads: frozenset[str]
    non_speakers: frozenset[str]
    definite_officials: frozenset[str]
    state_adjectives: frozenset[str]
    issuing: frozenset[str]
    normative: frozenset[str]
    place_heads: frozenset[str]
    term_particles: frozenset[str]
    term_verb_particles: frozenset[str]
    term_opening_verbs: frozenset[str]
    term_name_heads: frozenset[str]
    term_naming_heads: frozenset[str]
    term_mention_heads: frozenset[str]
    term_function_words: frozenset[str]
    term_belonging_adjectives: frozenset[str]
    compare_stop_words: frozenset[str]
    compare_official_words: frozenset[str]
    relatives: frozenset[str]
    singular_relatives: frozenset[str]
    appositive_pronouns: frozenset[str]
    topic_particles: frozenset[str]
    resumptives: frozenset[str]
    resumptive_antecedents: frozenset[str]
    discourse_adverbials: frozenset[str]
    lam_particles: frozenset[str]
    predicate_markers: frozenset[str]
    preposed_subject_after: frozenset[str]
    demonstratives: frozenset[str]
    content_prepositions: frozenset[str]
    that_subject_ends: frozenset[str]
    what_said: frozenset[str]
    what_said_ends: frozenset[str]
    publishing: frozenset[str]
    norm_prepositions: frozenset[str]
    document_owner_prepositions: frozenset[str]
    issued: frozenset[str]
    issued_by: frozenset[str]
    placing_prepositions: frozenset[str]
    body_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    allegiance_prepositions: frozenset[str]
    armed: frozenset[str]
    news: frozenset[str]
    definite_name_openers: frozenset[str]
    qualifier_negations: frozenset[str]
    pronouns: frozenset[str]
    pronoun_prepositions: frozenset[str]
    body_head_prepositions: frozenset[str]
    #: Word starts (for ``str.startswith``): participles of allegiance, cues joined to و, content openers.
    allegiance: tuple[str, ...]
    clause_cues: tuple[str, ...]
    content_openers: tuple[str, ...]
    #: Single words, by what they mean (``[particle]`` and ``[source] ministry``).
    ministry: str
    particle_in: str
    particle_about: str
    particle_with: str
    particle_at: str
    particle_what: str
    particle_already: str
    particle_he: str
    particle_but: str
    particle_on_behalf_of: str
    particle_quoting: str
    particle_came: str
    particle_was_said: str
    #: The words of ``attribution check``'s rules (``[check]``), folded, in their order.
    check_vague_verbs: tuple[str, ...]
    check_vague_reporting: tuple[str, ...]
    check_vague_according: tuple[str, ...]
    check_vague_sources: tuple[str, ...]
    check_qualifiable_sources: tuple[str, ...]
    check_bare_sources: tuple[str, ...]
    check_reason_verbs: tuple[str, ...]
    check_reason_negation: str
    check_reason_objects: tuple[str, ...]
    check_reason_not: str
    check_unauthorized: tuple[str, ...]
    check_reason_lacking: str
    check_reason_lacking_objects: tuple[str, ...]
    check_reason_phrases: tuple[str, ...]
    pronoun_suffixes: tuple[str, ...]
    #: Adverbial phrases after a cue, each as its folded words, longest first.
    adverbials: tuple[tuple[str, ...], ...] = ()
    #: The first words of `adverbials`, to reject a word in one lookup.
    adverbial_starts: frozenset[str] = frozenset()

    @classmethod
    def from_lexicons(cls, lex: Lexicons) -> GrammarWords:
        return cls.from_grammar(lex.grammar)

    @classmethod
    def from_grammar(cls, g: dict[str, Any]) -> GrammarWords:
        """From the validated tables of a ``grammar.toml``."""
        lists = {name: _folded(g.get(section, {}).get(name, ())) for section, names in _LISTS.items() for name in names}
        cue = g.get("cue", {})
        suffixes = tuple(sorted((fold_term(s) for s in g.get("morphology", {}).get("pronoun_suffixes", ())),
                                key=len, reverse=True))  # longest first
        base = fold_term(cue["complementizer"])
        # أن with its prefixes (بأن، لأن، فإن) and pronoun suffixes (أنه، إنها، لأنهم), plus first-person forms
        endings = ("", *suffixes, *OTHER_PERSON_SUFFIXES)
        prefixes = ("", *(fold_term(x) for x in cue.get("complementizer_prefixes", ())))
        complementizers = frozenset(p + base + e for p in prefixes for e in endings) | {base + "ّ"}
        adverbials = tuple(sorted({tuple(fold_term(w) for w in phrase.split()) for phrase in cue.get("adverbials", ())},
                                  key=len, reverse=True))
        prefixed = {f"{prefix}_{name}": _folded(g.get(section, {}).get(name, ()))
                    for section, (prefix, names) in _PREFIXED_LISTS.items() for name in names}
        prefixed["term_naming_heads"] |= prefixed["term_name_heads"]  # a name head names what is quoted too
        starts = {name: tuple(sorted(_folded(g.get(section, {}).get(name, ()))))
                  for section, names in _STARTS.items() for name in names}
        single = {f"particle_{name}": fold_term(word) for name, word in g.get("particle", {}).items()}
        check = {f"check_{name}": fold_term(value) if isinstance(value, str) else tuple(
            dict.fromkeys(fold_term(w) for w in value)) for name, value in g.get("check", {}).items()}
        fields: dict[str, Any] = {**lists, **prefixed, **starts, **single, **check}
        return cls(**fields, ministry=fold_term(g.get("source", {}).get("ministry", "")),
                   complementizers=complementizers, pronoun_suffixes=suffixes, adverbials=adverbials,
                   adverbial_starts=frozenset(phrase[0] for phrase in adverbials))


#: The word lists of lexicons/grammar.toml, by section, that are read as folded sets.
_LISTS = {
    "clause": ("conjunctions", "opens_clause", "fronted", "subordinate", "clause_openers", "in_turn", "negations",
               "kana", "relatives", "singular_relatives", "lam_particles", "predicate_markers",
               "preposed_subject_after", "demonstratives", "appositive_pronouns",
               "topic_particles", "resumptives", "resumptive_antecedents", "discourse_adverbials"),
    "cue": ("object_prepositions", "object_nouns", "statement_nouns", "that", "saying", "according", "numerals",
            "paired", "content_prepositions", "that_subject_ends", "what_said", "what_said_ends", "publishing", "norm_prepositions"),
    "source": ("name_parts", "genitive_heads", "authoring", "report_heads", "non_speakers", "definite_officials",
               "state_adjectives", "issuing", "normative", "place_heads", "document_owner_prepositions", "issued",
               "issued_by", "placing_prepositions", "body_prepositions", "place_prepositions",
               "allegiance_prepositions", "armed", "news", "definite_name_openers", "qualifier_negations", "pronouns",
               "pronoun_prepositions", "body_head_prepositions", "name_homographs",
               "name_homograph_objects", "headed_by", "name_connectors", "addressees", "latin_initials"),
}

#: Word lists matched as the start of a word (read as folded tuples, for ``str.startswith``).
_STARTS = {
    "source": ("allegiance", "clause_cues", "content_openers"),
}


#: Sections read into fields named "<prefix>_<key>": the term matcher's and the comparison's lists.
_PREFIXED_LISTS = {
    "terms": ("term", ("particles", "verb_particles", "opening_verbs", "name_heads", "naming_heads", "mention_heads",
                       "function_words", "belonging_adjectives")),
    "compare": ("compare", ("stop_words", "official_words")),
}


def grammar_words(lex: Lexicons) -> GrammarWords:
    """The grammar's word classes for ``lex``, built anew (the steps read the ones of
    `attribution.compiled.Compiled`)."""
    return GrammarWords.from_lexicons(lex)


#: The word classes of the built-in ``lexicons/grammar.toml``: package data, read once on import.
_BUILTIN = GrammarWords.from_grammar(load_plain(builtin_dir() / "grammar.toml", SCHEMAS["grammar.toml"]))


def builtin_words() -> GrammarWords:
    """The word classes of the built-in lexicons (for code that reads no user lexicon of its own)."""
    return _BUILTIN

"""Every message a user can see, in one catalogue with codes.

Code raises ``InputError(Errors.E001.format(path=...))``; the CLI prints ``str(error)`` on one line and
exits 2. Messages say what was wrong, where, and what to do, in the active language (`attribution.i18n`):
each is a `Message`, translated when it is formatted; its code is the same in every language.
"""

from __future__ import annotations

from .i18n import N_

__all__ = ["AttributionError", "Errors", "InputError", "LexiconError", "MissingExtraError", "UsageError"]


class Errors:
    """The catalogue: one format string per message, each starting with its code (E001 …; W0xx for
    warnings, which are printed but do not change the exit status)."""

    E001 = N_("E001 {path}: no such file")
    E002 = N_("E002 {path}: is a directory; pass the files inside it")
    E003 = N_("E003 {path}: not UTF-8 text (invalid byte at offset {offset}); re-save it as UTF-8")
    E004 = N_("E004 {path}: looks like a binary file (NUL bytes), not text")
    E005 = N_("E005 {path}: cannot be read ({reason})")
    E006 = N_("E006 {path}: {n:,} characters, more than the {limit:,} one document may hold (memory grows with "
            "it); split it into articles")
    E010 = N_("E010 {path}:{line}: invalid TOML: {reason}")
    E011 = N_("E011 {path}:{line}: {where}: unknown key {key!r}; allowed keys are {allowed}")
    E012 = N_("E012 {path}:{line}: {where}: missing required key {key!r}")
    E013 = N_("E013 {path}:{line}: {where}: {key!r} must be {expected}, got {got!r}")
    E014 = N_("E014 {path}:{line}: {where}: {key!r} must be one of {allowed}, got {got!r}")
    E015 = N_("E015 {path}:{line}: {where}: empty string in {key!r}")
    E016 = N_("E016 {path}:{line}: {where}: {term!r} is already defined at {other}")
    E017 = N_("E017 {path}: no lexicon file found (expected *.toml)")
    E018 = N_("E018 {path}:{line}: {where}: {term!r} is marked ambiguous but gives no `context` words to resolve it")
    E031 = N_("E031 {path}:{line}: {where}: the `not_in` phrase {phrase!r} does not hold the term {term!r} "
              "(a phrase where the term is not a term must contain it)")
    E032 = N_("E032 {path}:{line}: {where}: {key!r} {value!r}: {problem}")
    E019 = N_("E019 {path}: no such lexicon file or directory")
    E023 = N_("E023 {path}:{line}: unknown section {section!r}; allowed sections are {allowed}")
    E024 = N_("E024 {path}: cannot be read ({reason})")
    E025 = N_("E025 {path}:{line}: {where}: concept id {id!r} is already defined in this file at line {other}")
    E026 = N_("E026 {path}:{line}: {where}: a term of {n} characters; terms are phrases of at most {limit}")
    E020 = N_("E020 --outlet: empty outlet name")
    E040 = N_("E040 {path}:{line}: [tool.attribution] {key}: {problem}")
    E041 = N_("E041 {path}: cannot read the configuration ({reason})")
    E042 = N_("E042 {path}:{line}: invalid TOML in the configuration: {reason}")
    E043 = N_("E043 check: no FILE given; name files or directories, or - to read standard input")
    E044 = N_("E044 --stdin-filename {path}: the text is read from standard input, so - must be among the files")
    W043 = N_("W043 {path}:{line}: [tool.attribution] concepts.{concept}: no lexicon defines this concept{hint}; "
            "its house term and allowed terms apply to nothing (attribution lexicon list shows the concepts)")
    W044 = N_("W044 {path}: no .txt, .md or .html files in this directory")
    E050 = N_("E050 {where}: not a JSON object ({reason})")
    E051 = N_("E051 {where}: a JSONL document needs a string 'text' (and may have 'id', 'outlet', 'date', 'url')")
    E052 = N_("E052 --resume needs --out FILE (the JSONL file of an earlier run)")
    E053 = N_("E053 --format parquet needs --out DIRECTORY (the four tables are written there)")
    E054 = N_("E054 {where}: the text holds a lone surrogate (U+{code:04X} at offset {offset}), which is not Unicode text")
    E055 = N_("E055 --out {path}: cannot write there ({reason})")
    E056 = N_("E056 --out {path} already exists; pass --resume to go on with it, or --force to replace it")
    E057 = N_("E057 --out {path}: another run is writing it; wait for it to end, or write elsewhere")
    E058 = N_("E058 --resume works with --format json only (a parquet directory is written in one go)")
    E059 = N_("E059 interrupted after {n} documents; {hint}")
    E070 = N_('E070 {what} needs {module}, which is not installed: pip install "attribution[{extra}]"')
    E071 = N_("E071 {path}: compressed data damaged or cut short after line {line} ({reason}); the lines before "
            "it were read")
    E030 = N_("E030 {path}: internal error while annotating ({error}); please report it with this file")
    E022 = N_("E022 --outlet {item!r}: expected FILE=NAME")
    E027 = N_("E027 --outlet {item!r}: FILE must be one of the files compared")
    E021 = N_("E021 {what}: expected a str, got {got}")
    E028 = N_("E028 {what}: span ends at {end}, before it starts at {start}")
    E029 = N_("E029 {what}: an offset must be 0 or more, got {got}")
    E090 = N_("E090 {where}: not a story; a stories file holds one JSON object a line with 'story' and 'articles' "
              "(a list of objects with an 'id'), as `attribution stories` writes it")
    W091 = N_("W091 story {story}: {n} of its articles are not in the corpus given (first: {ids}); it is compared "
              "without them")
    E092 = N_("E092 {command} needs --out DIRECTORY (one file per story and an index, or the profile tables, "
              "go there)")


class AttributionError(ValueError):
    """Base class for errors this library reports to users."""


class InputError(AttributionError):
    """An input file could not be used."""


class LexiconError(AttributionError):
    """A lexicon file is malformed."""


class UsageError(AttributionError):
    """A call or command line is malformed."""


class MissingExtraError(AttributionError, ImportError):
    """A feature needs an optional dependency that is not installed (E070 names the extra to install).

    Also an ``ImportError``, so ``except ImportError`` around optional features keeps working.
    """

"""Every message a user can see, in one catalogue with codes.

Code raises ``InputError(Errors.E001.format(path=...))``; the CLI prints ``str(error)`` on one line and
exits 2. Messages say what was wrong, where, and what to do.
"""

from __future__ import annotations

__all__ = ["AttributionError", "Errors", "InputError", "LexiconError", "MissingExtraError", "UsageError"]


class Errors:
    """The catalogue: one format string per message, each starting with its code (E001 …; W0xx for
    warnings, which are printed but do not change the exit status)."""

    E001 = "E001 {path}: no such file"
    E002 = "E002 {path}: is a directory; pass the files inside it"
    E003 = "E003 {path}: not UTF-8 text (invalid byte at offset {offset}); re-save it as UTF-8"
    E004 = "E004 {path}: looks like a binary file (NUL bytes), not text"
    E005 = "E005 {path}: cannot be read ({reason})"
    E006 = ("E006 {path}: {n:,} characters, more than the {limit:,} one document may hold (memory grows with "
            "it); split it into articles")
    E010 = "E010 {path}:{line}: invalid TOML: {reason}"
    E011 = "E011 {path}:{line}: {where}: unknown key {key!r}; allowed keys are {allowed}"
    E012 = "E012 {path}:{line}: {where}: missing required key {key!r}"
    E013 = "E013 {path}:{line}: {where}: {key!r} must be {expected}, got {got!r}"
    E014 = "E014 {path}:{line}: {where}: {key!r} must be one of {allowed}, got {got!r}"
    E015 = "E015 {path}:{line}: {where}: empty string in {key!r}"
    E016 = "E016 {path}:{line}: {where}: {term!r} is already defined at {other}"
    E017 = "E017 {path}: no lexicon file found (expected *.toml)"
    E018 = "E018 {path}:{line}: {where}: {term!r} is marked ambiguous but gives no `context` words to resolve it"
    E019 = "E019 {path}: no such lexicon file or directory"
    E023 = "E023 {path}:{line}: unknown section {section!r}; allowed sections are {allowed}"
    E024 = "E024 {path}: cannot be read ({reason})"
    E025 = "E025 {path}:{line}: {where}: concept id {id!r} is already defined in this file at line {other}"
    E026 = "E026 {path}:{line}: {where}: a term of {n} characters; terms are phrases of at most {limit}"
    E020 = "E020 --outlet: empty outlet name"
    E040 = "E040 {path}:{line}: [tool.attribution] {key}: {problem}"
    E041 = "E041 {path}: cannot read the configuration ({reason})"
    E042 = "E042 {path}:{line}: invalid TOML in the configuration: {reason}"
    E043 = "E043 check: no FILE given; name files or directories, or - to read standard input"
    E044 = "E044 --stdin-filename {path}: the text is read from standard input, so - must be among the files"
    W043 = ("W043 {path}:{line}: [tool.attribution] concepts.{concept}: no lexicon defines this concept{hint}; "
            "its house term and allowed terms apply to nothing (attribution lexicon list shows the concepts)")
    W044 = "W044 {path}: no .txt, .md or .html files in this directory"
    E050 = "E050 {where}: not a JSON object ({reason})"
    E051 = "E051 {where}: a JSONL document needs a string 'text' (and may have 'id', 'outlet', 'date', 'url')"
    E052 = "E052 --resume needs --out FILE (the JSONL file of an earlier run)"
    E053 = "E053 --format parquet needs --out DIRECTORY (the four tables are written there)"
    E054 = "E054 {where}: the text holds a lone surrogate (U+{code:04X} at offset {offset}), which is not Unicode text"
    E055 = "E055 --out {path}: cannot write there ({reason})"
    E056 = "E056 --out {path} already exists; pass --resume to go on with it, or --force to replace it"
    E057 = "E057 --out {path}: another run is writing it; wait for it to end, or write elsewhere"
    E058 = "E058 --resume works with --format json only (a parquet directory is written in one go)"
    E059 = "E059 interrupted after {n} documents; {hint}"
    E070 = 'E070 {what} needs {module}, which is not installed: pip install "attribution[{extra}]"'
    E071 = ("E071 {path}: compressed data damaged or cut short after line {line} ({reason}); the lines before "
            "it were read")
    E090 = ("E090 {where}: not a story; a stories file holds one JSON object a line with 'story' and 'articles' "
            "(a list of objects with an 'id'), as `attribution stories` writes it")
    W091 = ("W091 story {story}: {n} of its articles are not in the corpus given (first: {ids}); it is compared "
            "without them")
    E092 = "E092 {command} needs --out DIRECTORY (one file per story and an index, or the profile tables, go there)"
    E030 = "E030 {path}: internal error while annotating ({error}); please report it with this file"
    E022 = "E022 --outlet {item!r}: expected FILE=NAME"
    E027 = "E027 --outlet {item!r}: FILE must be one of the files compared"
    E021 = "E021 {what}: expected a str, got {got}"
    E028 = "E028 {what}: span ends at {end}, before it starts at {start}"
    E029 = "E029 {what}: an offset must be 0 or more, got {got}"


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

"""Load and validate the TOML lexicons into immutable tables.

The built-in lexicons live in ``lexicons/`` (shipped inside the package as ``attribution/lexicons``).
Every problem is reported as a `attribution.errors.LexiconError` naming the file and line.
A lexicon is data: it is parsed with `tomllib` and never executed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from os import PathLike
from pathlib import Path
from typing import Any, TypeVar

import attrs

from .errors import Errors, LexiconError
from .i18n import _
from .model import KINDS
from .morphology import (
    DEFINITE,
    FEMININE_PLURAL,
    MASCULINE_PLURAL,
    PARTICIPLE_ENDINGS,
    PAST_ENDINGS,
    PRESENT_ENDINGS,
    PRESENT_THIRD_PERSON,
)
from .normalize import fold_term

__all__ = [
    "NATIONALITY_SLOT",
    "Lexicons",
    "Place",
    "Preposition",
    "SourceEntry",
    "Verb",
    "another_reading",
    "builtin_dir",
    "file_stamp",
    "load_builtin",
    "load_terms",
    "read_toml",
    "resolved_path",
]


def builtin_dir() -> Path:
    """The directory of the built-in lexicons (inside the installed package, or the source checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "lexicons", here.parent / "lexicons"):
        if (candidate / "cues.toml").is_file():
            return candidate
    raise LexiconError(Errors.E017.format(path=here / "lexicons"))


@attrs.frozen
class SourceEntry:
    name: str
    kind: str
    aliases: tuple[str, ...]
    role: str = ""
    country: str = ""


@attrs.frozen
class Place:
    name: str
    en: str
    capital: str
    adjectives: tuple[str, ...]
    aliases: tuple[str, ...]


@attrs.frozen
class Verb:
    lemma: str
    forms: tuple[str, ...]
    participles: tuple[str, ...]
    object: bool = False
    continuation: bool = False
    chain: bool = False
    present_needs_that: bool = False  # the present is mostly passive ("يعتبر X من …" = "X is considered")
    document_subject: bool = False  # reports only with a document for subject ("وتضمنت المذكرة …")
    narrative_present: bool = False  # a subjectless present singular goes on with the speaker ("ويضيف أن")


@attrs.frozen
class Preposition:
    lemma: str
    forms: tuple[str, ...]
    clitic: str = ""


@attrs.frozen(eq=False)
class Lexicons:
    """Every table the rules use, validated. Compared and hashed by identity; `attribution.compiled`
    builds the lookup tables from it once."""

    sources: tuple[SourceEntry, ...]
    places: tuple[Place, ...]
    verbs: tuple[Verb, ...]
    prepositions: tuple[Preposition, ...]
    markers: dict[str, tuple[str, ...]] = attrs.field(hash=False)
    patterns: dict[str, Any] = attrs.field(hash=False)
    page: dict[str, Any] = attrs.field(hash=False)
    grammar: dict[str, Any] = attrs.field(hash=False, factory=dict)  # lexicons/grammar.toml


# --- reading and locating -------------------------------------------------------------------------


def read_toml(path: Path) -> tuple[dict[str, Any], list[str]]:
    """Parse ``path``; return the data and its lines (for locating problems)."""
    try:
        raw = path.read_text(encoding="utf-8-sig")  # a byte-order mark is allowed
    except UnicodeDecodeError as exc:
        raise LexiconError(Errors.E024.format(path=path, reason=f"not UTF-8 at byte {exc.start}")) from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        raise LexiconError(Errors.E024.format(path=path, reason=getattr(exc, "strerror", None) or exc)) from None
    cached = _cache_get(raw)
    if cached is not None:
        return cached, raw.splitlines()
    try:
        data = tomllib.loads(raw)
        _cache_put(raw, data)
    except RecursionError:
        raise LexiconError(Errors.E010.format(path=path, line=1, reason="nested too deeply")) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        reason = getattr(exc, "msg", None) or str(exc).split(" (at")[0]
        raise LexiconError(Errors.E010.format(path=path, line=line, reason=reason)) from None
    return data, raw.splitlines()


def _cache_file(raw: str) -> Path | None:
    """Where the parsed form of a TOML text is kept between runs (``$ATTRIBUTION_CACHE``, else
    ``$XDG_CACHE_HOME/attribution`` or ``~/.cache/attribution``; ``ATTRIBUTION_CACHE=off`` turns it off).
    Keyed by the text's hash, so an edited lexicon is parsed again; stored as JSON, never executed."""
    import hashlib
    import os

    root = os.environ.get("ATTRIBUTION_CACHE")
    if root == "off":
        return None
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "attribution"
    digest = hashlib.blake2b(raw.encode("utf-8"), digest_size=16).hexdigest()
    return base / f"toml-{digest}.json"


def _cache_get(raw: str) -> dict[str, Any] | None:
    import json

    try:
        path = _cache_file(raw)
        if path is None or not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RuntimeError):
        return None  # no cache, or a broken one: parse the TOML
    return data if isinstance(data, dict) else None


def _cache_put(raw: str, data: dict[str, Any]) -> None:
    import json
    import os

    try:
        path = _cache_file(raw)
        if path is None:
            return
        text = json.dumps(data, ensure_ascii=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)  # atomic: a reader sees the whole file or none
    except (OSError, TypeError, ValueError, RuntimeError):
        return  # read-only home, or a value JSON cannot hold (a TOML date): nothing cached, nothing lost


def _line_from_message(message: str) -> int:
    marker = "line "
    if marker in message:
        digits = message.split(marker, 1)[1].split(",")[0].split(")")[0]
        if digits.isdigit():
            return int(digits)
    return 1


_HEADERS: dict[int, tuple[list[str], dict[str, list[int]]]] = {}


def _headers(lines: list[str]) -> dict[str, list[int]]:
    """The 0-based lines of each ``[[table]]`` header in ``lines``, found once per file read (so that
    locating every entry of a 100,000-entry lexicon is linear, not quadratic)."""
    cached = _HEADERS.get(id(lines))
    if cached is not None and cached[0] is lines:
        return cached[1]
    found: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("[["):
            found.setdefault(stripped, []).append(n)
    if len(_HEADERS) > 16:
        _HEADERS.clear()
    _HEADERS[id(lines)] = (lines, found)
    return found


def locate(lines: list[str], table: str, index: int, key: str | None = None) -> int:
    """1-based line of ``key`` in the ``index``-th ``[[table]]`` or in ``[table]`` (or of the header when not
    found). Headers are indexed once per file; the key is looked for in its own table only."""
    header = f"[[{table}]]"
    found = _headers(lines).get(header, [])
    start = found[index] if 0 <= index < len(found) else None
    if start is None:
        for n, line in enumerate(lines):
            if line.strip() in (f"[{table}]", header):
                start = n
                break
    if start is None:
        return 1
    if key is not None:
        for n in range(start + 1, len(lines)):
            stripped = lines[n].strip()
            if stripped.startswith("[") and not stripped.startswith("[\""):
                break
            if stripped.split("=", 1)[0].strip() == key:
                return n + 1
        for n in range(start + 1, len(lines)):  # a sub-table: [table.key] or [[table.key]]
            if lines[n].strip() in (f"[{table}.{key}]", f"[[{table}.{key}]]"):
                return n + 1
    return start + 1


class _Checker:
    """Type checks for one table entry, raising with file and line."""

    def __init__(self, path: Path, lines: list[str], table: str, index: int, entry: Any) -> None:
        self.path, self.lines, self.table, self.index = path, lines, table, index
        self.where = f"[[{table}]] #{index + 1}"
        if not isinstance(entry, dict):
            raise LexiconError(Errors.E013.format(
                path=path, line=locate(lines, table, index), where=self.where, key=table,
                expected="a table", got=entry))
        self.entry: dict[str, Any] = entry

    def line(self, key: str | None = None) -> int:
        return locate(self.lines, self.table, self.index, key)

    def keys(self, required: tuple[str, ...], optional: tuple[str, ...]) -> None:
        allowed = required + optional
        for key in self.entry:
            if key not in allowed:
                raise LexiconError(Errors.E011.format(
                    path=self.path, line=self.line(key), where=self.where, key=key,
                    allowed=", ".join(allowed)))
        for key in required:
            if key not in self.entry:
                raise LexiconError(Errors.E012.format(
                    path=self.path, line=self.line(), where=self.where, key=key))

    def string(self, key: str, default: str = "", *, nonempty: bool = False) -> str:
        value = self.entry.get(key, default)
        if not isinstance(value, str):
            raise LexiconError(Errors.E013.format(
                path=self.path, line=self.line(key), where=self.where, key=key, expected="a string",
                got=value))
        if nonempty and not value.strip():
            raise LexiconError(Errors.E015.format(
                path=self.path, line=self.line(key), where=self.where, key=key))
        return value.strip()

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LexiconError(Errors.E013.format(
                path=self.path, line=self.line(key), where=self.where, key=key,
                expected="a list of strings", got=value))
        if any(not v.strip() for v in value):
            raise LexiconError(Errors.E015.format(
                path=self.path, line=self.line(key), where=self.where, key=key))
        return tuple(v.strip() for v in value)

    def boolean(self, key: str) -> bool:
        value = self.entry.get(key, False)
        if not isinstance(value, bool):
            raise LexiconError(Errors.E013.format(
                path=self.path, line=self.line(key), where=self.where, key=key, expected="true or false",
                got=value))
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.string(key, nonempty=True)
        if value not in allowed:
            raise LexiconError(Errors.E014.format(
                path=self.path, line=self.line(key), where=self.where, key=key,
                allowed=", ".join(allowed), got=value))
        return value


def _entries(data: dict[str, Any], path: Path, lines: list[str], table: str) -> list[_Checker]:
    raw = data.get(table, [])
    if not isinstance(raw, list):
        raise LexiconError(Errors.E013.format(
            path=path, line=locate(lines, table, 0), where=f"[{table}]", key=table,
            expected="an array of tables [[...]]", got=type(raw).__name__))
    return [_Checker(path, lines, table, i, e) for i, e in enumerate(raw)]


# --- the files ------------------------------------------------------------------------------------

SOURCE_KINDS = tuple(k for k in KINDS if k not in ("outlet", "unnamed_source"))


def load_sources(path: Path) -> tuple[SourceEntry, ...]:
    data, lines = read_toml(path)
    _top_level(path, data, lines, {"source": True})
    out: list[SourceEntry] = []
    seen: dict[str, tuple[int, str]] = {}  # folded form -> (index, name) of the entry that defines it
    for c in _entries(data, path, lines, "source"):
        c.keys(("name", "kind"), ("aliases", "role", "country"))
        entry = SourceEntry(
            c.string("name", nonempty=True), c.choice("kind", SOURCE_KINDS), c.strings("aliases"),
            c.string("role"), c.string("country"))
        for form in (entry.name, *entry.aliases):
            key = fold_term(form).lower()
            if key in seen and seen[key][0] != c.index:
                index, name = seen[key]  # located only now: locate() rescans the file
                raise LexiconError(Errors.E016.format(
                    path=path, line=c.line("aliases" if form != entry.name else "name"), where=c.where,
                    term=form, other=f"{path.name}:{locate(lines, 'source', index, 'name')} ({name})"))
            seen[key] = (c.index, entry.name)
        out.append(entry)
    return tuple(out)


def load_places(path: Path) -> tuple[Place, ...]:
    data, lines = read_toml(path)
    _top_level(path, data, lines, {"place": True})
    out = []
    for c in _entries(data, path, lines, "place"):
        c.keys(("name",), ("en", "capital", "adjectives", "aliases"))
        out.append(Place(c.string("name", nonempty=True), c.string("en"), c.string("capital"),
                         c.strings("adjectives"), c.strings("aliases")))
    return tuple(out)


def paradigm(past: str, present: str = "", participle: str = "") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The finite forms and the participles of a sound reporting verb, from its third-person masculine
    singular past (``أظهر``) and present (``يظهر``) and its masculine participle (``مظهر``): the third
    person in every gender and number, except the masculine dual past, which is mostly an accusative
    noun («نقلا عن», «ردا على», «وصفا»). Participles come in the forms that are used adverbially
    («مؤكدا», «مؤكدين»); the feminine is mostly a noun («مناشدة») and is listed by hand where needed.

    Examples:
        >>> forms, participles = paradigm("أظهر", "يظهر", "مظهر")
        >>> forms[:5], forms[5:]
        (('أظهر', 'أظهرت', 'أظهروا', 'أظهرتا', 'أظهرن'), ('يظهر', 'تظهر', 'يظهرون', 'يظهران', 'تظهران', 'يظهرن'))
        >>> participles
        ('مظهرا', 'مظهرين')
    """
    forms = [past, *(past + ending for ending in PAST_ENDINGS)]
    if present:
        stem = present[1:]
        # third person only: a first-person form is no cue in news, and many are common nouns or names
        # (نصف "half", نشيد "anthem", نجيب)
        he, she = PRESENT_THIRD_PERSON
        plural, dual, feminine_plural = PRESENT_ENDINGS
        forms += [he + stem, she + stem, he + stem + plural, he + stem + dual, she + stem + dual,
                  he + stem + feminine_plural]
    parts = tuple(participle + ending for ending in PARTICIPLE_ENDINGS) if participle else ()
    return tuple(dict.fromkeys(forms)), parts


def load_cues(path: Path) -> tuple[tuple[Verb, ...], tuple[Preposition, ...], dict[str, tuple[str, ...]]]:
    data, lines = read_toml(path)
    _top_level(path, data, lines, {"verb": True, "preposition": True, "markers": False})
    verbs = []
    for c in _entries(data, path, lines, "verb"):
        c.keys(("lemma",), ("forms", "past", "present", "participle", "participles", "object", "continuation",
                            "chain", "present_needs_that", "document_subject", "narrative_present"))
        forms, participles = c.strings("forms"), c.strings("participles")
        if "past" in c.entry:
            made, made_participles = paradigm(c.string("past", nonempty=True), c.string("present"),
                                              c.string("participle"))
            forms, participles = (*forms, *made), (*participles, *made_participles)
        elif not forms:
            raise LexiconError(Errors.E012.format(path=path, line=c.line(), where=c.where, key="forms"))
        verbs.append(Verb(c.string("lemma", nonempty=True), forms, participles,
                          c.boolean("object"), c.boolean("continuation"), c.boolean("chain"),
                          c.boolean("present_needs_that"), c.boolean("document_subject"),
                          c.boolean("narrative_present")))
    preps = []
    for c in _entries(data, path, lines, "preposition"):
        c.keys(("lemma", "forms"), ("clitic",))
        preps.append(Preposition(c.string("lemma", nonempty=True), c.strings("forms"), c.string("clitic")))
    markers_raw = data.get("markers", {})
    markers = {}
    if isinstance(markers_raw, dict):
        checker = _Checker(path, lines, "markers", 0, markers_raw)
        keys = ("post", "relative", "auxiliaries", "background", "contrast", "passive", "news_of")
        checker.keys((), keys)
        markers = {k: checker.strings(k) for k in keys}
    return tuple(verbs), tuple(preps), markers


# --- schemas of the plain lexicons (patterns.toml, page.toml) ---------------------------------------

STRINGS = "a list of strings"
STRING = "a string"


@attrs.frozen
class Key:
    """One key of a section: its type (`STRINGS` or `STRING`), whether it must be present,
    the values its items must come from (``choices``) and whether a list may be empty."""

    type: str = STRINGS
    required: bool = True
    choices: tuple[str, ...] = ()
    nonempty: bool = False


@attrs.frozen
class Section:
    """One top-level table: ``[name]``, or ``[[name]]`` when ``array``; its allowed keys in order."""

    keys: dict[str, Key]
    array: bool = False
    required: bool = True

    def header(self, name: str) -> str:
        return f"[[{name}]]" if self.array else f"[{name}]"


def _heads(*keys: str) -> Section:
    return Section({key: Key() for key in keys})


#: What patterns.toml and page.toml may hold. Anything else (a misspelt section, an unknown key, a
#: number where words are expected) is a LexiconError naming the file and line.
SCHEMAS: dict[str, dict[str, Section]] = {
    "patterns.toml": {
        "unnamed": _heads("heads", "qualifiers", "quantifiers"),
        "roles": Section({**_heads("heads", "complements", "titles").keys, "honorifics": Key(required=False)}),
        "bodies": _heads("heads"),
        "media": _heads("heads", "agency_heads"),
        "groups": _heads("heads"),
        "organizations": _heads("heads"),
        "people": _heads("heads"),
        "documents": _heads("heads"),
        "subject_end": _heads("openers", "after_fi"),
        "reference": Section({"words": Key(), "kinds": Key(choices=KINDS, nonempty=True),
                              "match": Key(required=False)}, array=True),
        "stop": _heads("words"),
    },
    "grammar.toml": {
        "clause": _heads("conjunctions", "opens_clause", "fronted", "subordinate", "clause_openers", "in_turn", "negations",
                         "kana", "relatives", "singular_relatives", "lam_particles", "predicate_markers",
                         "preposed_subject_after", "demonstratives", "appositive_pronouns",
                         "topic_particles", "resumptives", "resumptive_antecedents",
                         "discourse_adverbials"),
        "cue": Section({"complementizer": Key(type=STRING, nonempty=True), "complementizer_prefixes": Key(),
                        "object_prepositions": Key(), "object_nouns": Key(), "statement_nouns": Key(), "that": Key(),
                        "saying": Key(), "according": Key(), "numerals": Key(), "adverbials": Key(), "paired": Key(),
                        "content_prepositions": Key(), "that_subject_ends": Key(), "what_said": Key(),
                        "what_said_ends": Key(), "publishing": Key(), "norm_prepositions": Key()}),
        "source": Section({**_heads("name_parts", "name_homographs", "name_homograph_objects", "headed_by",
                                    "name_connectors", "addressees", "genitive_heads", "authoring", "report_heads",
                                    "non_speakers", "definite_officials", "state_adjectives", "issuing", "normative", "place_heads",
                                    "document_owner_prepositions", "issued", "issued_by", "placing_prepositions",
                                    "body_prepositions", "place_prepositions", "allegiance", "allegiance_prepositions",
                                    "armed", "news", "definite_name_openers", "clause_cues", "content_openers",
                                    "qualifier_negations", "pronouns", "pronoun_prepositions",
                                    "body_head_prepositions").keys,
                           "latin_initials": Key(required=False), "ministry": Key(type=STRING, nonempty=True)}),
        "particle": Section({key: Key(type=STRING, nonempty=True) for key in (
            "in", "about", "with", "at", "what", "already", "he", "but", "on_behalf_of", "quoting", "came",
            "was_said")}),
        "check": Section({**_heads("vague_verbs", "vague_reporting", "vague_according", "vague_sources",
                                   "qualifiable_sources", "bare_sources", "reason_verbs", "reason_objects",
                                   "unauthorized", "reason_lacking_objects", "reason_phrases").keys,
                          **{key: Key(type=STRING, nonempty=True)
                             for key in ("reason_negation", "reason_not", "reason_lacking")}}),
        "morphology": _heads("pronoun_suffixes"),
        "terms": _heads("particles", "verb_particles", "opening_verbs", "name_heads", "naming_heads", "mention_heads",
                        "belonging_adjectives", "function_words"),
        "compare": _heads("stop_words", "official_words"),
    },
    "page.toml": {
        "boilerplate": _heads("starts", "contains", "inline"),
        "related": _heads("starts", "counts"),
        "dateline": _heads("starts", "byline"),
        "labels": _heads("words"),
        "credits": Section({**_heads("generic", "copyright", "copyright_owner", "disclaimer").keys,
                            "source_label": Key(type=STRING, nonempty=True)}),
    },
}


def _section_line(lines: list[str], name: str) -> int:
    """1-based line where the top-level ``name`` is defined: its ``[name]``/``[[name]]``/``[name.x]`` header,
    or a ``name = …`` before the first header (1 when not found). Only called to report a problem."""
    header = re.compile(rf"\s*\[\[?\s*(?:{re.escape(name)}|\"{re.escape(name)}\")\s*[\].]")
    in_tables = False
    for n, line in enumerate(lines):
        if header.match(line):
            return n + 1
        stripped = line.strip()
        if stripped.startswith("["):
            in_tables = True
        elif not in_tables and stripped.split("=", 1)[0].strip() == name:
            return n + 1
    return 1


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return repr(value)


def _top_level(path: Path, data: dict[str, Any], lines: list[str], sections: dict[str, bool]) -> None:
    """Every top-level name in ``data`` must be one of ``sections`` (name -> is an array of tables), of
    the right form. Lines are located only when a problem is found."""
    for name, value in data.items():
        if name not in sections:
            raise LexiconError(Errors.E023.format(
                path=path, line=_section_line(lines, name), section=name,
                allowed=", ".join(f"[[{n}]]" if array else f"[{n}]" for n, array in sections.items())))
        array = sections[name]
        if not isinstance(value, list if array else dict):
            raise LexiconError(Errors.E013.format(
                path=path, line=_section_line(lines, name), where="top level", key=name,
                expected=f"an array of tables [[{name}]]" if array else f"a table [{name}]",
                got=_describe(value)))


def _check_plain(path: Path, data: dict[str, Any], lines: list[str], schema: dict[str, Section]) -> None:
    """Check ``data`` (parsed from ``path``) against ``schema``; raise at the first problem.
    Lines are located only when a problem is found."""
    _top_level(path, data, lines, {name: section.array for name, section in schema.items()})
    for name, section in schema.items():
        if name not in data:
            if section.required:
                raise LexiconError(Errors.E012.format(
                    path=path, line=1, where="top level", key=section.header(name)))
            continue
        entries = data[name] if section.array else [data[name]]
        required = tuple(k for k, spec in section.keys.items() if spec.required)
        optional = tuple(k for k, spec in section.keys.items() if not spec.required)
        for index, entry in enumerate(entries):
            c = _Checker(path, lines, name, index, entry)
            if not section.array:
                c.where = section.header(name)
            c.keys(required, optional)
            for key, spec in section.keys.items():
                if key not in c.entry:
                    continue
                if spec.type == STRING:
                    c.string(key, nonempty=spec.nonempty)
                    continue
                values = c.strings(key)
                if spec.nonempty and not values:
                    raise LexiconError(Errors.E013.format(
                        path=path, line=c.line(key), where=c.where, key=key,
                        expected="a non-empty list of strings", got=c.entry[key]))
                for value in c.entry[key]:  # unstripped: the data is returned as read
                    if spec.choices and value not in spec.choices:
                        raise LexiconError(Errors.E014.format(
                            path=path, line=c.line(key), where=c.where, key=key,
                            allowed=", ".join(spec.choices), got=value))


def load_plain(path: Path, schema: dict[str, Section]) -> dict[str, Any]:
    """Read a plain lexicon (patterns.toml, page.toml), check it against ``schema`` and return the parsed
    tables unchanged."""
    data, lines = read_toml(path)
    _check_plain(path, data, lines, schema)
    return data


def load(directory: Path) -> Lexicons:
    """Load and validate every lexicon in ``directory``."""
    verbs, preps, markers = load_cues(directory / "cues.toml")
    return Lexicons(
        sources=load_sources(directory / "sources.toml"),
        places=load_places(directory / "places.toml"),
        verbs=verbs,
        prepositions=preps,
        markers=markers,
        patterns=load_plain(directory / "patterns.toml", SCHEMAS["patterns.toml"]),
        page=load_plain(directory / "page.toml", SCHEMAS["page.toml"]),
        grammar=load_plain(directory / "grammar.toml", SCHEMAS["grammar.toml"]),
    )


def load_builtin() -> Lexicons:
    """The built-in lexicons, read and validated (each call: `attribution.compiled.builtin` keeps them
    compiled)."""
    return load(builtin_dir())


# --- term lexicons (lexicons/terms/*.toml) --------------------------------------------------------

STANCES = ("positive", "neutral", "negative")
#: How a one-word variant inflects (docs/lexicons.md): ``auto`` guesses from the word's shape.
PARADIGMS = ("auto", "noun", "adjective", "verb", "fixed")


@attrs.frozen
class Variant:
    """One way of naming a concept, with its stance toward the referent and its frame."""

    term: str
    stance: str
    frame: str
    concept: str
    suggest: str = ""
    notes: str = ""
    ambiguous: bool = False
    context: tuple[str, ...] = ()
    origin: str = ""  # "file:line"
    homograph: bool = False  # the form without ال is also a verb ("غادر": treacherous / he left)
    not_in: tuple[str, ...] = ()  # phrases holding the term where it is not a term («رئيس تحرير»)
    general: bool = False  # from a file of `scope = "general"`: vocabulary of no one conflict
    paradigm: str = "auto"  # one of PARADIGMS; "fixed" when ``inflect = false``
    reading: bool = False  # another concept's reading of an ambiguous term defined earlier, not a replacement
    #: a marker of what follows it («ما يسمى»): a hit only before a term or quotation marks («ما يسمى
    #: بالاحتباس الحراري» introduces a word)
    before_term: bool = False
    #: nationality adjectives (as in places.toml: «عراقي») of the countries whose story a word of no one
    #: country belongs to: followed in its phrase by another country's adjective it names that country's
    #: group («ميليشيا جيش الرب الأوغندي») and is no hit
    region: tuple[str, ...] = ()

    @property
    def inflect(self) -> bool:
        """Whether forms beyond the one written are matched (the lexicon's ``inflect`` key)."""
        return self.paradigm != "fixed"


@attrs.frozen
class Concept:
    id: str
    label_en: str
    label_ar: str
    description_en: str
    description_ar: str
    variants: tuple[Variant, ...]
    origin: str = ""


@attrs.frozen(eq=False)
class TermLexicon:
    """Concepts from one or more term lexicon files; later files extend or override earlier ones."""

    concepts: tuple[Concept, ...]

    @property
    def variants(self) -> tuple[Variant, ...]:
        return tuple(v for c in self.concepts for v in c.variants)


T = TypeVar("T")


def _collect(problems: list[str] | None, check: Callable[..., T], *args: Any) -> T | None:
    """``check(*args)``; a `LexiconError` it raises goes into ``problems`` when given (else it propagates)."""
    try:
        return check(*args)
    except LexiconError as exc:
        if problems is None:
            raise
        problems.append(str(exc))
        return None


def _concept_id(c: _Checker, path: Path, seen_ids: dict[str, int]) -> str:
    """A concept's id, which no other concept of its file may have."""
    cid = c.string("id", nonempty=True)
    if cid in seen_ids:
        raise LexiconError(Errors.E025.format(path=path, line=c.line("id"), where=c.where, id=cid, other=seen_ids[cid]))
    seen_ids[cid] = c.line("id")
    return cid


def _has_variants(c: _Checker, path: Path, raw: Any) -> None:
    if not isinstance(raw, list) or not raw:
        raise LexiconError(Errors.E013.format(path=path, line=c.line("id"), where=c.where, key="variant",
                                              expected="one or more [[concept.variant]] tables", got=raw))


def load_term_file(path: Path, problems: list[str] | None = None) -> tuple[Concept, ...]:
    """Read and validate one term lexicon; every problem names ``path`` and a line.

    With ``problems``, every problem is appended there and the valid concepts and variants are returned;
    without it, the first problem raises `attribution.errors.LexiconError`.
    """
    data, lines = read_toml(path)
    for key in data:
        if key not in ("concept", "scope"):
            raise LexiconError(Errors.E011.format(path=path, line=_section_line(lines, key), where="top level",
                                                  key=key, allowed="concept, scope"))
    scope = data.get("scope", "regional")
    if scope not in ("general", "regional"):
        raise LexiconError(Errors.E014.format(path=path, line=_section_line(lines, "scope"), where="top level",
                                              key="scope", allowed="general, regional", got=scope))
    general = scope == "general"
    concepts = []
    seen_terms: dict[str, str] = {}
    seen_ids: dict[str, int] = {}
    variant_index = 0
    for c in _entries(data, path, lines, "concept"):
        raw = c.entry.get("variant")
        # a problem in the concept's own keys is reported, and its variants are still checked, not kept
        problems_before = len(problems) if problems is not None else 0
        _collect(problems, c.keys, ("id", "variant"), ("label_en", "label_ar", "description_en", "description_ar"))
        cid = _collect(problems, _concept_id, c, path, seen_ids) or "?"
        _collect(problems, _has_variants, c, path, raw)
        broken = problems is not None and len(problems) > problems_before
        if not isinstance(raw, list):
            continue
        variants: list[Variant] = []
        for n, entry in enumerate(raw):
            variant = _collect(problems, _variant, path, lines, variant_index, entry, cid, n, seen_terms, general)
            variant_index += 1
            if variant is not None:
                variants.append(variant)
        if broken:
            continue
        concepts.append(Concept(cid, c.string("label_en"), c.string("label_ar"), c.string("description_en"),
                                c.string("description_ar"), tuple(variants), f"{path}:{c.line('id')}"))
    return tuple(concepts)


#: The slots a term may hold: ``{nationality}`` stands for every nationality adjective of lexicons/places.toml,
#: agreeing with the word before it («النظام {nationality}» → «النظام الجزائري», «الحكومة {nationality}» →
#: «الحكومة الجزائرية»).
SLOTS = ("nationality",)
#: The slot as written in a term: «النظام {nationality}».
NATIONALITY_SLOT = "{" + SLOTS[0] + "}"
_SLOT = re.compile(r"\{([^{}]*)\}|[{}]")


def _slot_problem(text: str, key: str) -> str:
    """What is wrong with the slots of a term or suggestion, or ``""``."""
    slots = list(_SLOT.finditer(text))
    if not slots:
        return ""
    names = [m.group(1) for m in slots]
    if None in names:
        return _("a brace outside a slot; a slot is written {slot}").format(slot=NATIONALITY_SLOT)
    if any(n not in SLOTS for n in names):
        bad = next(n for n in names if n not in SLOTS)
        return _("unknown slot {slot!r}; the slots are {allowed}").format(
            slot="{" + (bad or "") + "}", allowed=", ".join("{" + s + "}" for s in SLOTS))
    if len(slots) > 1:
        return _("a phrase holds one slot at most")
    words = text.split()
    at = next(i for i, w in enumerate(words) if _SLOT.search(w))
    if words[at] != slots[0].group(0) or (key == "term" and at == 0):
        return _("a slot is a word of its own after the noun it qualifies: NOUN {slot}").format(slot=NATIONALITY_SLOT)
    if at and fold_term(words[at - 1]).endswith(MASCULINE_PLURAL):
        # the adjective is filled in the singular, masculine or feminine: «المعارضين الجزائري» is no Arabic
        return _("a slot follows a singular noun or a plural in {ending}, which its adjective agrees with").format(
            ending=FEMININE_PLURAL)
    return ""


def _misplaced_slot(variant: Variant) -> tuple[str, str, str] | None:
    """``(key, value, problem)`` of the first slot ``variant`` writes wrongly, or None."""
    for key in ("term", "suggest"):
        problem = _slot_problem(getattr(variant, key), key)
        if problem:
            return key, getattr(variant, key), problem
    for key, values in (("not_in", variant.not_in), ("context", variant.context)):
        for value in values:
            if _SLOT.search(value):
                return key, value, _("a slot is filled in `term` and `suggest` only")
    slotted = bool(_SLOT.search(variant.term))
    if _SLOT.search(variant.suggest) and not slotted:
        return "suggest", variant.suggest, _("a slot in `suggest` needs one in `term`")
    if slotted and variant.reading:
        return "term", variant.term, _("a reading holds no slot")
    return None


#: Longest term a lexicon may define (a phrase, not a paragraph).
MAX_TERM_CHARS = 200


def _variant(path: Path, lines: list[str], variant_index: int, entry: Any, cid: str, n: int,
             seen_terms: dict[str, str], general: bool = False) -> Variant:
    v = _Checker(path, lines, "concept.variant", variant_index, entry)
    v.where = f"concept {cid!r}, [[concept.variant]] #{n + 1}"
    v.keys(("term", "stance"), ("frame", "suggest", "notes", "inflect", "paradigm", "ambiguous", "context", "homograph",
                                  "not_in", "reading", "before_term", "region"))
    inflect = v.entry.get("inflect", True)
    if not isinstance(inflect, bool):
        raise LexiconError(Errors.E013.format(path=path, line=v.line("inflect"), where=v.where,
                                              key="inflect", expected="true or false", got=inflect))
    variant = Variant(
        term=v.string("term", nonempty=True), stance=v.choice("stance", STANCES), frame=v.string("frame"),
        concept=cid, suggest=v.string("suggest"), notes=v.string("notes"),
        ambiguous=v.boolean("ambiguous"), context=v.strings("context"),
        origin=f"{path}:{v.line('term')}", homograph=v.boolean("homograph"), general=general,
        not_in=v.strings("not_in"), reading=v.boolean("reading"), before_term=v.boolean("before_term"),
        region=v.strings("region"),
        paradigm=v.choice("paradigm", PARADIGMS) if "paradigm" in v.entry else ("auto" if inflect else "fixed"))
    if not inflect and variant.paradigm != "fixed":
        raise LexiconError(Errors.E013.format(path=path, line=v.line("paradigm"), where=v.where, key="paradigm",
                                              expected='"fixed" (or no paradigm) with inflect = false',
                                              got=variant.paradigm))
    if variant.reading and not variant.ambiguous:
        raise LexiconError(Errors.E013.format(path=path, line=v.line("reading"), where=v.where, key="reading",
                                              expected="true only with ambiguous = true", got=True))
    if variant.ambiguous and not variant.context:
        raise LexiconError(Errors.E018.format(path=path, line=v.line("ambiguous"), where=v.where,
                                              term=variant.term))
    bad = _misplaced_slot(variant)
    if bad:
        key, value, problem = bad
        raise LexiconError(Errors.E032.format(path=path, line=v.line(key), where=v.where, key=key, value=value,
                                              problem=problem))
    for phrase in variant.not_in:
        if fold_term(variant.term).removeprefix(DEFINITE) not in fold_term(phrase):
            raise LexiconError(Errors.E031.format(path=path, line=v.line("not_in"), where=v.where, phrase=phrase,
                                                  term=variant.term))
    if not fold_term(variant.term):
        raise LexiconError(Errors.E015.format(path=path, line=v.line("term"), where=v.where, key="term"))
    if len(variant.term) > MAX_TERM_CHARS:
        raise LexiconError(Errors.E026.format(path=path, line=v.line("term"), where=v.where, n=len(variant.term),
                                              limit=MAX_TERM_CHARS))
    key = fold_term(variant.term)
    if key in seen_terms:
        raise LexiconError(Errors.E016.format(path=path, line=v.line("term"), where=v.where,
                                              term=variant.term, other=seen_terms[key]))
    seen_terms[key] = f"{variant.origin} (concept {cid!r})"
    return variant


def _term_files(path: Path) -> list[Path]:
    try:
        path.stat()
    except RuntimeError:  # a symlink loop (older Pythons)
        raise LexiconError(Errors.E024.format(path=path, reason="symbolic link loop")) from None
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            raise LexiconError(Errors.E024.format(path=path, reason="symbolic link loop")) from None
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
        if not files:
            raise LexiconError(Errors.E017.format(path=path))
        return files
    if not path.exists():
        raise LexiconError(Errors.E019.format(path=path))
    return [path]


def merge_terms(files: list[Path]) -> TermLexicon:
    """Concepts from ``files`` in order. A concept id seen again extends the earlier concept; a term seen
    again (in any concept) is replaced by the later definition, except that a variant marked ``reading``
    adds another concept's reading of an ambiguous term (the text's context words choose between them:
    «المقاومة» of Lebanon and of Yemen). Within one file, a term may appear once."""
    concepts: dict[str, Concept] = {}
    owners: dict[str, list[Variant]] = {}  # folded term -> its variant and its readings
    for path in files:
        for concept in load_term_file(path):
            for v in concept.variants:
                key = fold_term(v.term)
                old = owners.get(key, [])
                if old and all(another_reading(o, v) for o in old):
                    old.append(v)
                    continue
                for o in old:  # a definition that is no reading replaces the term and all its readings
                    prev = concepts[o.concept]
                    concepts[o.concept] = attrs.evolve(prev, variants=tuple(
                        x for x in prev.variants if fold_term(x.term) != key))
                owners[key] = [v]
            if concept.id in concepts:
                prev = concepts[concept.id]
                concepts[concept.id] = attrs.evolve(
                    prev, variants=prev.variants + concept.variants,
                    label_en=concept.label_en or prev.label_en, label_ar=concept.label_ar or prev.label_ar,
                    description_en=concept.description_en or prev.description_en,
                    description_ar=concept.description_ar or prev.description_ar)
            else:
                concepts[concept.id] = concept
    return TermLexicon(tuple(concepts.values()))


def another_reading(old: Variant, new: Variant) -> bool:
    """``new`` is another concept's reading of the ambiguous term ``old``, kept beside it (``reading =
    true``, both ambiguous)."""
    return new.reading and old.ambiguous and new.ambiguous and old.concept != new.concept


def load_terms(extra: Iterable[str | PathLike[str]] = ()) -> TermLexicon:
    """The built-in term lexicons, extended or overridden by ``extra`` files or directories (read each
    call: `attribution.compiled.load` keeps what it compiles from them)."""
    paths = [resolved_path(p) for p in extra]
    files = _term_files(builtin_dir() / "terms")
    for p in paths:
        files += _term_files(Path(p))
    return merge_terms(files)


def file_stamp(path: str | PathLike[str]) -> tuple[tuple[str, int, int], ...]:
    """What identifies the version of a lexicon file or directory: each file's name, size and mtime."""
    p = Path(path)
    try:
        files = sorted(p.glob("*.toml")) if p.is_dir() else [p]
        return tuple((str(f), (st := f.stat()).st_size, st.st_mtime_ns) for f in files)
    except OSError:
        return ()


def resolved_path(p: str | PathLike[str]) -> str:
    """``p`` made absolute, symbolic links followed (a loop is the catalogue's E024)."""
    try:
        return str(Path(p).resolve())
    except (RuntimeError, OSError):  # a symlink loop
        raise LexiconError(Errors.E024.format(path=p, reason="symbolic link loop")) from None

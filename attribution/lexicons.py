"""Load and validate the TOML lexicons into immutable tables.

The built-in lexicons live in ``lexicons/`` (shipped inside the package as ``attribution/lexicons``).
Every problem is reported as a :class:`~attribution.errors.LexiconError` naming the file and line.
A lexicon is data: it is parsed with :mod:`tomllib` and never executed.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import Any

import attrs

from .errors import Errors, LexiconError
from .model import KINDS
from .normalize import fold_term

__all__ = [
    "Lexicons",
    "Place",
    "Preposition",
    "SourceEntry",
    "Verb",
    "builtin_dir",
    "load_builtin",
    "read_toml",
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


@attrs.frozen
class Preposition:
    lemma: str
    forms: tuple[str, ...]
    clitic: str = ""


@attrs.frozen(eq=False)
class Lexicons:
    """Every table the rules use, validated. Compared and hashed by identity: the tables built from
    it are cached per instance."""

    sources: tuple[SourceEntry, ...]
    places: tuple[Place, ...]
    verbs: tuple[Verb, ...]
    prepositions: tuple[Preposition, ...]
    markers: dict[str, tuple[str, ...]] = attrs.field(hash=False)
    patterns: dict[str, Any] = attrs.field(hash=False)
    page: dict[str, Any] = attrs.field(hash=False)


# --- reading and locating -------------------------------------------------------------------------


def read_toml(path: Path) -> tuple[dict[str, Any], list[str]]:
    """Parse ``path``; return the data and its lines (for locating problems)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(Errors.E010.format(path=path, line=1, reason=exc)) from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        reason = getattr(exc, "msg", None) or str(exc).split(" (at")[0]
        raise LexiconError(Errors.E010.format(path=path, line=line, reason=reason)) from None
    return data, raw.splitlines()


def _line_from_message(message: str) -> int:
    marker = "line "
    if marker in message:
        digits = message.split(marker, 1)[1].split(",")[0].split(")")[0]
        if digits.isdigit():
            return int(digits)
    return 1


def locate(lines: list[str], table: str, index: int, key: str | None = None) -> int:
    """1-based line of ``key`` in the ``index``-th ``[[table]]`` (or of the header when not found)."""
    header = f"[[{table}]]"
    seen = -1
    start = None
    for n, line in enumerate(lines):
        if line.strip() == header:
            seen += 1
            if seen == index:
                start = n
                break
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
    out: list[SourceEntry] = []
    seen: dict[str, tuple[int, str]] = {}
    for c in _entries(data, path, lines, "source"):
        c.keys(("name", "kind"), ("aliases", "role", "country"))
        entry = SourceEntry(
            c.string("name", nonempty=True), c.choice("kind", SOURCE_KINDS), c.strings("aliases"),
            c.string("role"), c.string("country"))
        for form in (entry.name, *entry.aliases):
            key = fold_term(form).lower()
            if key in seen and seen[key][0] != c.index:
                raise LexiconError(Errors.E016.format(
                    path=path, line=c.line("aliases" if form != entry.name else "name"), where=c.where,
                    term=form, other=seen[key][1]))
            seen[key] = (c.index, f"{path.name}:{c.line('name')} ({entry.name})")
        out.append(entry)
    return tuple(out)


def load_places(path: Path) -> tuple[Place, ...]:
    data, lines = read_toml(path)
    out = []
    for c in _entries(data, path, lines, "place"):
        c.keys(("name",), ("en", "capital", "adjectives", "aliases"))
        out.append(Place(c.string("name", nonempty=True), c.string("en"), c.string("capital"),
                         c.strings("adjectives"), c.strings("aliases")))
    return tuple(out)


def paradigm(past: str, present: str = "", participle: str = "") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The finite forms and the participles of a sound reporting verb, from its third-person masculine
    singular past (``أظهر``) and present (``يظهر``) and its masculine participle (``مظهر``). Each form
    appears once (the first-person present of a form IV verb is its past).

    Examples:
        >>> forms, participles = paradigm("أظهر", "يظهر", "مظهر")
        >>> forms[:6], forms[6:]
        (('أظهر', 'أظهرت', 'أظهروا', 'أظهرا', 'أظهرتا', 'أظهرن'), ('يظهر', 'تظهر', 'يظهرون', 'يظهران', 'تظهران', 'يظهرن', 'نظهر'))
        >>> participles
        ('مظهرا', 'مظهرة', 'مظهرين', 'مظهرتين', 'مظهرون')
    """
    forms = [past, past + "ت", past + "وا", past + "ا", past + "تا", past + "ن"]
    if present:
        stem = present[1:]
        forms += ["ي" + stem, "ت" + stem, "ي" + stem + "ون", "ي" + stem + "ان", "ت" + stem + "ان", "ي" + stem + "ن",
                  "ن" + stem, "أ" + stem]
    parts = (participle + "ا", participle + "ة", participle + "ين", participle + "تين", participle + "ون") \
        if participle else ()
    return tuple(dict.fromkeys(forms)), parts


def load_cues(path: Path) -> tuple[tuple[Verb, ...], tuple[Preposition, ...], dict[str, tuple[str, ...]]]:
    data, lines = read_toml(path)
    verbs = []
    for c in _entries(data, path, lines, "verb"):
        c.keys(("lemma",), ("forms", "past", "present", "participle", "participles", "object", "continuation",
                            "chain"))
        forms, participles = c.strings("forms"), c.strings("participles")
        if "past" in c.entry:
            made, made_participles = paradigm(c.string("past", nonempty=True), c.string("present"),
                                              c.string("participle"))
            forms, participles = (*forms, *made), (*participles, *made_participles)
        elif not forms:
            raise LexiconError(Errors.E012.format(path=path, line=c.line(), where=c.where, key="forms"))
        verbs.append(Verb(c.string("lemma", nonempty=True), forms, participles,
                          c.boolean("object"), c.boolean("continuation"), c.boolean("chain")))
    preps = []
    for c in _entries(data, path, lines, "preposition"):
        c.keys(("lemma", "forms"), ("clitic",))
        preps.append(Preposition(c.string("lemma", nonempty=True), c.strings("forms"), c.string("clitic")))
    markers_raw = data.get("markers", {})
    markers = {}
    if isinstance(markers_raw, dict):
        checker = _Checker(path, lines, "markers", 0, markers_raw)
        keys = ("post", "relative", "auxiliaries", "background", "contrast")
        checker.keys((), keys)
        markers = {k: checker.strings(k) for k in keys}
    return tuple(verbs), tuple(preps), markers


def _load_plain(path: Path) -> dict[str, Any]:
    data, lines = read_toml(path)
    for table, value in data.items():
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            for key, words in item.items():
                if isinstance(words, list) and not all(isinstance(w, str) and w.strip() for w in words):
                    raise LexiconError(Errors.E013.format(
                        path=path, line=locate(lines, table, i, key), where=f"[{table}]", key=key,
                        expected="a list of non-empty strings", got=words))
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
        patterns=_load_plain(directory / "patterns.toml"),
        page=_load_plain(directory / "page.toml"),
    )


@lru_cache(maxsize=1)
def load_builtin() -> Lexicons:
    """The built-in lexicons (loaded once per process)."""
    return load(builtin_dir())


# --- term lexicons (lexicons/terms/*.toml) --------------------------------------------------------

STANCES = ("positive", "neutral", "negative")


@attrs.frozen
class Variant:
    """One way of naming a concept, with its stance toward the referent and its frame."""

    term: str
    stance: str
    frame: str
    concept: str
    suggest: str = ""
    notes: str = ""
    inflect: bool = True
    ambiguous: bool = False
    context: tuple[str, ...] = ()
    origin: str = ""  # "file:line"


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


def load_term_file(path: Path, problems: list[str] | None = None) -> tuple[Concept, ...]:
    """Read and validate one term lexicon; every problem names ``path`` and a line.

    With ``problems``, every problem is appended there and the valid concepts and variants are returned;
    without it, the first problem raises :class:`~attribution.errors.LexiconError`.
    """
    data, lines = read_toml(path)
    for key in data:
        if key != "concept":
            raise LexiconError(Errors.E011.format(path=path, line=locate(lines, key, 0), where="top level",
                                                  key=key, allowed="concept"))
    concepts = []
    seen_terms: dict[str, str] = {}
    variant_index = 0
    for c in _entries(data, path, lines, "concept"):
        raw = c.entry.get("variant")
        count = len(raw) if isinstance(raw, list) else 0
        try:
            c.keys(("id", "variant"), ("label_en", "label_ar", "description_en", "description_ar"))
            cid = c.string("id", nonempty=True)
            if not isinstance(raw, list) or not raw:
                raise LexiconError(Errors.E013.format(path=path, line=c.line("id"), where=c.where, key="variant",
                                                      expected="one or more [[concept.variant]] tables", got=raw))
        except LexiconError as exc:
            if problems is None:
                raise
            problems.append(str(exc))
            variant_index += count
            continue
        variants: list[Variant] = []
        for entry in raw:
            try:
                variant = _variant(path, lines, variant_index, entry, cid, len(variants), seen_terms)
            except LexiconError as exc:
                if problems is None:
                    raise
                problems.append(str(exc))
                continue
            finally:
                variant_index += 1
            variants.append(variant)
        concepts.append(Concept(cid, c.string("label_en"), c.string("label_ar"), c.string("description_en"),
                                c.string("description_ar"), tuple(variants), f"{path}:{c.line('id')}"))
    return tuple(concepts)


def _variant(path: Path, lines: list[str], variant_index: int, entry: Any, cid: str, n: int,
             seen_terms: dict[str, str]) -> Variant:
    v = _Checker(path, lines, "concept.variant", variant_index, entry)
    v.where = f"concept {cid!r}, [[concept.variant]] #{n + 1}"
    v.keys(("term", "stance"), ("frame", "suggest", "notes", "inflect", "ambiguous", "context"))
    inflect = v.entry.get("inflect", True)
    if not isinstance(inflect, bool):
        raise LexiconError(Errors.E013.format(path=path, line=v.line("inflect"), where=v.where,
                                              key="inflect", expected="true or false", got=inflect))
    variant = Variant(
        term=v.string("term", nonempty=True), stance=v.choice("stance", STANCES), frame=v.string("frame"),
        concept=cid, suggest=v.string("suggest"), notes=v.string("notes"), inflect=inflect,
        ambiguous=v.boolean("ambiguous"), context=v.strings("context"),
        origin=f"{path}:{v.line('term')}")
    if variant.ambiguous and not variant.context:
        raise LexiconError(Errors.E018.format(path=path, line=v.line("ambiguous"), where=v.where,
                                              term=variant.term))
    if not fold_term(variant.term):
        raise LexiconError(Errors.E015.format(path=path, line=v.line("term"), where=v.where, key="term"))
    key = fold_term(variant.term)
    if key in seen_terms:
        raise LexiconError(Errors.E016.format(path=path, line=v.line("term"), where=v.where,
                                              term=variant.term, other=seen_terms[key]))
    seen_terms[key] = f"{variant.origin} (concept {cid!r})"
    return variant


def _term_files(path: Path) -> list[Path]:
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
    again (in any concept) is replaced by the later definition. Within one file, a term may appear once."""
    concepts: dict[str, Concept] = {}
    owner: dict[str, str] = {}  # folded term -> concept id
    for path in files:
        for concept in load_term_file(path):
            for v in concept.variants:
                key = fold_term(v.term)
                old = owner.get(key)
                if old is not None:
                    prev = concepts[old]
                    concepts[old] = attrs.evolve(prev, variants=tuple(
                        x for x in prev.variants if fold_term(x.term) != key))
                owner[key] = concept.id
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


def load_terms(extra: tuple[str | PathLike[str], ...] = ()) -> TermLexicon:
    """The built-in term lexicons, extended or overridden by ``extra`` files or directories."""
    return _load_terms(tuple(str(Path(p).resolve()) for p in extra))


@lru_cache(maxsize=16)
def _load_terms(extra: tuple[str, ...]) -> TermLexicon:
    files = _term_files(builtin_dir() / "terms")
    for p in extra:
        files += _term_files(Path(p))
    return merge_terms(files)

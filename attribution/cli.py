"""Command line: argument parsing and exit codes only; the work is delegated.

Exit codes: 0 success, 2 usage or input errors (each a one-line message; other files still run).
Messages and help are in the language `attribution.i18n` picks: ``--lang``, then the environment
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), then ``lang`` in ``.attribution.toml``.
"""

from __future__ import annotations

import argparse
import contextvars
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import AttributionError, Errors, InputError, UsageError
from .i18n import LANGUAGES, N_, _, environ_language, ngettext, set_language
from .inputs import read_input

__all__ = ["main"]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class _RawFormatter(_Formatter, argparse.RawDescriptionHelpFormatter):
    pass


#: argparse's own messages for a usage error, in the catalogue so that they read in the language too
#: (a message a newer Python words differently is shown as argparse has it).
ARGPARSE_MESSAGES = (
    N_("unrecognized arguments: %s"), N_("the following arguments are required: %s"),
    N_("expected one argument"), N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("invalid %(type)s value: %(value)r"),
)


class _Parser(argparse.ArgumentParser):
    """argparse in the reader's language: its usage prefix, headings, ``-h``, error line and messages."""

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        # argparse looks its messages up through its module's ``_`` (the standard gettext domain)
        saved = vars(argparse)["_"]
        setattr(argparse, "_", _)  # noqa: B010  the module attribute argparse reads, not ours
        try:
            return super().parse_known_args(args, namespace)
        finally:
            setattr(argparse, "_", saved)  # noqa: B010

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=_("show this help message and exit"))
        self.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                          help=_("the language of messages and reports (default: LANGUAGE, LC_ALL, LC_MESSAGES "
                                 "or LANG, then lang in .attribution.toml, then en); codes, rule ids and "
                                 "machine-readable fields are the same in every language"))

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = _Parser(prog="attribution", description=_("Who speaks, and in which words, in Arabic news."))
    ap.add_argument("--version", action="version", version=f"attribution {__version__}",
                    help=_("show the version and exit"))
    sub = ap.add_subparsers(dest="command", required=True)
    an = sub.add_parser("annotate", help=_("annotate articles: regions, sentences, speakers"))
    an.add_argument("files", nargs="+", metavar="INPUT",
                    help=_("text files, directories (*.txt, *.md, *.html, recursively), .jsonl files (also "
                         ".jsonl.gz, .jsonl.bz2, .jsonl.xz), or - for stdin"))
    an.add_argument("--format", choices=("json", "text", "parquet"), default="json")
    an.add_argument("--jobs", type=int, default=1, metavar="N", help=_("annotate in N processes (order is kept)"))
    an.add_argument("--out", metavar="PATH", help=_("write here (JSONL file, or a directory for parquet)"))
    an.add_argument("--resume", action="store_true",
                    help=_("skip ids already in --out (annotated or failed) and append the rest"))
    an.add_argument("--force", action="store_true", help=_("replace an existing --out instead of refusing"))
    an.add_argument("--outlet", help=_("the publishing outlet (overrides what the page shows)"))
    an.add_argument("--explain", action="store_true",
                    help=_("with --format text: name the grammar rule that gave each sentence its speaker"))
    an.add_argument("--bidi", choices=("auto", "always", "never"), default="auto",
                    help=_("with --format text: wrap Arabic runs in bidi isolates (U+2067 ... U+2069) so a terminal "
                         "keeps them right-to-left; auto (default): only when writing to a terminal, not to a "
                         "pipe or --out file"))
    an.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                    help=_("a term lexicon file or directory that extends or overrides the built-in ones (repeatable)"))
    cmp = sub.add_parser("compare", help=_("compare several outlets' articles on one story"))
    cmp.add_argument("files", nargs="+", metavar="FILE",
                     help=_("the articles of one story; with --stories, the corpus (files, directories, JSONL "
                            "raw or annotated by `attribution annotate`)"))
    cmp.add_argument("--format", choices=("markdown", "html", "json", "csv"), default=None,
                     help=_("default: markdown, or html with --stories"))
    cmp.add_argument("--out", metavar="PATH", help=_("write the report here instead of standard output (with "
                                                     "--stories: the directory for one report per story and the index)"))
    cmp.add_argument("--stories", metavar="STORIES.jsonl",
                     help=_("compare every story of this file (`attribution stories`) that two or more outlets "
                            "covered, and write an index ranked by how much the outlets differ"))
    cmp.add_argument("--jobs", type=int, default=1, metavar="N", help=_("with --stories: annotate in N processes"))
    cmp.add_argument("--outlet", action="append", default=[], metavar="FILE=NAME",
                     help=_("name the outlet of FILE (repeatable)"))
    cmp.add_argument("--all-regions", action="store_true",
                     help=_("count teasers and page debris too (default: headline and body only)"))
    cmp.add_argument("--lexicon", action="append", default=[], metavar="PATH")
    st = sub.add_parser("stories", help=_("group a corpus's articles into stories across outlets (JSONL)"))
    st.add_argument("inputs", nargs="+", metavar="CORPUS",
                    help=_("raw documents as annotate takes them (files, directories, .jsonl[.gz|.bz2|.xz], -) or "
                           "the JSONL that annotate --format json wrote"))
    st.add_argument("--window", type=float, default=2, metavar="DAYS",
                    help=_("an article joins a story at most DAYS after its first article (default: %(default)s)"))
    st.add_argument("--min-outlets", type=int, default=1, metavar="N",
                    help=_("write only stories told by N outlets or more (default: %(default)s, every story)"))
    st.add_argument("--threshold", type=float, default=0.20, metavar="COSINE",
                    help=_("how alike an article and a story must be to join (default: %(default)s)"))
    st.add_argument("--jobs", type=int, default=1, metavar="N", help=_("read and annotate in N processes"))
    st.add_argument("--out", metavar="PATH", help=_("write stories.jsonl here instead of standard output"))
    st.add_argument("--outlet", help=_("the outlet of documents that name none"))
    st.add_argument("--lexicon", action="append", default=[], metavar="PATH",
                    help=_("a term lexicon file or directory that extends the built-in ones (repeatable)"))
    pr = sub.add_parser("profiles", help=_("outlet profiles week by week: speakers, chains, own-voice terms"))
    pr.add_argument("files", nargs="+", metavar="INPUT",
                    help=_("the corpus: files, directories, JSONL (also .jsonl.gz …) raw or annotated by "
                           "`attribution annotate`"))
    pr.add_argument("--out", metavar="DIR",
                    help=_("write outlets.csv, speakers.csv, terms.csv and profiles.html here"))
    pr.add_argument("--stories", metavar="STORIES.jsonl",
                    help=_("align the quotes of each story across outlets to count the chains each drops"))
    pr.add_argument("--format", choices=("csv", "parquet"), default="csv",
                    help=_("parquet: the tables as Parquet files too (needs pyarrow)"))
    pr.add_argument("--jobs", type=int, default=1, metavar="N", help=_("annotate raw documents in N processes"))
    pr.add_argument("--lexicon", action="append", default=[], metavar="PATH")
    ck = sub.add_parser(
        "check", help=_("lint editorial drafts (.txt, .md, .html) for house style"),
        formatter_class=_RawFormatter,
        description=_("Lint editorial drafts for house style: loaded terms, vague or anonymous sourcing, naming, "
                    "distancing.\nEach file uses the nearest .attribution.toml (or pyproject.toml with "
                    "[tool.attribution])\nat or above it, unless --config names one."),
        epilog=_("""exit status:
  0  no unsuppressed finding at or above --fail-level (findings below it may be shown)
  1  at least one unsuppressed finding at or above --fail-level, shown or not
  2  a usage, configuration or input error (one line on stderr naming the file;
     the other files are still checked and their findings printed)

standard input:
  attribution check - < draft.txt                    plain text, reported as "-"
  attribution check - --stdin-filename news/a.md     read as Markdown, reported as news/a.md,
                                                     with the configuration and excludes of news/a.md

examples:
  attribution check drafts/                          every .md, .markdown, .txt, .html, .htm below it
  attribution check --min-level warning --fail-level warning draft.md
  attribution check --show-config drafts/a.md        the configuration that applies, and its file"""))
    ck.add_argument("files", nargs="*", metavar="FILE",
                    help=_("drafts to check: files (any name; .md/.markdown and .html/.htm are read as Markdown and "
                         "HTML, anything else as plain text), directories (their .md, .markdown, .txt, .html and "
                         ".htm files, recursively, skipping hidden folders and node_modules, venv, site-packages), "
                         "or - for standard input"))
    ck.add_argument("--config", metavar="PATH",
                    help=_(".attribution.toml or pyproject.toml to use for every file, instead of the nearest one"))
    ck.add_argument("--format", choices=("text", "json", "sarif"), default="text",
                    help=_("text: one finding a line (path:line:column: level rule message) and a summary; json: "
                         "every finding with offsets, suppressed ones marked; sarif: SARIF 2.1.0 for "
                         "code-scanning tools (default: %(default)s)"))
    ck.add_argument("--fail-level", choices=("info", "warning", "error"), default="error",
                    help=_("exit 1 when an unsuppressed finding is at this level or above (default: %(default)s)"))
    ck.add_argument("--min-level", choices=("info", "warning", "error"), default="info",
                    help=_("show only findings at this level or above, in every format; --fail-level still "
                         "counts the hidden ones (default: %(default)s)"))
    ck.add_argument("--stdin-filename", metavar="PATH",
                    help=_("with -, read standard input as this file: its suffix picks the reader, its path names "
                         "the findings and finds the configuration (and its excludes)"))
    ck.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                    help=_("colour the text format: auto colours a terminal, unless NO_COLOR is set (FORCE_COLOR "
                         "colours a pipe too) (default: %(default)s)"))
    ck.add_argument("--show-config", action="store_true",
                    help=_("print the configuration that applies to each FILE (or the current folder) and the file "
                         "it comes from, then exit"))
    lx = sub.add_parser("lexicon", help=_("validate or list term lexicons"))
    lsub = lx.add_subparsers(dest="lexicon_command", required=True)
    val = lsub.add_parser("validate", help=_("check term lexicon files; every problem with file and line"))
    val.add_argument("paths", nargs="+", metavar="PATH")
    li = lsub.add_parser("list", help=_("print concepts and variants"))
    li.add_argument("--lexicon", action="append", default=[], metavar="PATH")
    return ap


def _lexicon(args: argparse.Namespace) -> int:
    from .lexicons import Variant, _term_files, another_reading, load_term_file, load_terms

    if args.lexicon_command == "validate":
        from .normalize import fold_term

        status = 0
        owners: dict[str, Variant] = {}  # a term claimed by two files is a problem too (but for a reading)
        for name in args.paths:
            try:
                files = _term_files(Path(name))
            except AttributionError as exc:
                print(f"attribution: {exc}", file=sys.stderr)
                status = 1
                continue
            for f in files:
                problems: list[str] = []
                try:
                    concepts = load_term_file(f, problems)
                except AttributionError as exc:  # the file is not TOML at all
                    problems.append(str(exc))
                    concepts = ()
                for c in concepts:
                    for v in c.variants:
                        key = fold_term(v.term)
                        old = owners.get(key)
                        if old is not None and not old.origin.startswith(f"{f}:") and not another_reading(old, v):
                            problems.append(Errors.E016.format(
                                path=f, line=v.origin.rsplit(":", 1)[1], where=f"concept {c.id!r}", term=v.term,
                                other=f"{old.origin} (concept {old.concept!r})"))
                        owners.setdefault(key, v)
                for problem in problems:
                    print(problem, file=sys.stderr)
                n = sum(len(c.variants) for c in concepts)
                if problems:
                    status = 1
                    print(f"{f}: " + ngettext("{n} problem", "{n} problems", len(problems)).format(n=len(problems)))
                else:
                    print(f"{f}: " + _("ok ({concepts} concepts, {variants} variants)").format(
                        concepts=len(concepts), variants=n))
        return status
    lexicon = load_terms(tuple(args.lexicon))
    for c in lexicon.concepts:
        print(f"{c.id}: {c.label_en}" + (f" / {c.label_ar}" if c.label_ar else ""))
        for v in c.variants:
            extra = f" -> {v.suggest}" if v.suggest else ""
            flag = " [ambiguous]" if v.ambiguous else ""
            print(f"  {v.stance:8} {v.frame or '-':18} {v.term}{extra}{flag}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from .check import exit_code, render_findings, run_check, show_config, use_color

    files = list(args.files)
    if args.stdin_filename is not None and not files:
        files = ["-"]  # as ruff does: --stdin-filename alone reads standard input
    elif args.stdin_filename is not None and "-" not in files:
        raise UsageError(Errors.E044.format(path=args.stdin_filename))
    if args.show_config:
        from .check import config_for

        names = [args.stdin_filename if f == "-" and args.stdin_filename else f for f in files] or ["."]
        for warning in dict.fromkeys(w for name in names for w in config_for(name, args.config).warnings):
            print("attribution: " + _("warning: {warning}").format(warning=warning), file=sys.stderr)
        sys.stdout.write("\n".join(show_config(name, args.config) for name in names))
        return 0
    if not files:
        raise UsageError(Errors.E043)
    run = run_check(files, args.config, stdin_filename=args.stdin_filename)
    for warning in run.warnings:
        print("attribution: " + _("warning: {warning}").format(warning=warning), file=sys.stderr)
    color = args.format == "text" and use_color(args.color, sys.stdout)
    sys.stdout.write(render_findings(run.findings, args.format, min_level=args.min_level, files=run.files,
                                     excluded=run.excluded, color=color))
    for err in run.errors:
        print(f"attribution: {err}", file=sys.stderr)
    return 2 if run.errors else exit_code(run.findings, args.fail_level)


def _corpus_run(args: argparse.Namespace, command: str) -> tuple[Any, Any, list[int]]:
    """The warning and failure reporters of a corpus command, and the exit status they set."""
    status = [0]

    def warn(message: str) -> None:
        print("attribution: " + _("warning: {warning}").format(warning=message), file=sys.stderr)

    def failed(f: Any) -> None:
        print(f"attribution: {f.error}", file=sys.stderr)
        status[0] = 2 if f.unreadable else max(status[0], 1)

    if not args.out:
        raise UsageError(Errors.E092.format(command=command))
    return warn, failed, status


def _compare_stories(args: argparse.Namespace) -> int:
    from .model import REGION_KINDS
    from .storycompare import write_story_comparisons

    warn, failed, status = _corpus_run(args, "compare --stories")
    regions = REGION_KINDS if args.all_regions else ("headline", "body")
    scores = write_story_comparisons(args.files, args.stories, Path(args.out), args.format or "html", jobs=args.jobs,
                                     lexicons=args.lexicon, regions=regions, warn=warn, failed=failed)
    print("attribution: " + ngettext("{n} story compared in {out}", "{n} stories compared in {out}",
                                     len(scores)).format(n=len(scores), out=args.out), file=sys.stderr)
    return status[0]


def _profiles(args: argparse.Namespace) -> int:
    from .profiles import write_profiles

    _warn, failed, status = _corpus_run(args, "profiles")
    p = write_profiles(args.files, Path(args.out), stories=args.stories, parquet=args.format == "parquet",
                       jobs=args.jobs, lexicons=args.lexicon, failed=failed)
    n = sum(r["articles"] for r in p.outlets)
    print("attribution: " + ngettext("{n} article profiled in {out}", "{n} articles profiled in {out}",
                                     n).format(n=n, out=args.out), file=sys.stderr)
    return status[0]


def _compare(args: argparse.Namespace) -> int:
    import attrs

    if args.stories:
        return _compare_stories(args)
    if args.format is None:
        args.format = "markdown"

    from . import annotate
    from .compare import compare
    from .model import REGION_KINDS
    from .report import render

    names: dict[str, str] = {}
    for item in args.outlet:
        # FILE is one of the files given (a file name may hold "="), the longest that fits
        path = max((f for f in args.files if item.startswith(f + "=")), key=len, default=None)
        name = item[len(path) + 1:] if path is not None else ""
        if path is None or not name.strip():
            known = path is not None or "=" not in item
            print(f"attribution: {Errors.E022.format(item=item) if known else Errors.E027.format(item=item)}",
                  file=sys.stderr)
            return 2
        names[path] = name.strip()
    articles, labels, status = [], [], 0
    for name in args.files:
        try:
            text = read_input(name)
        except InputError as exc:
            print(f"attribution: {exc}", file=sys.stderr)
            status = 2
            continue
        article = annotate(text, outlet=names.get(name), lexicons=args.lexicon)
        articles.append(attrs.evolve(article, path=name))
        labels.append(names.get(name))
    if not articles:
        return 2
    regions = REGION_KINDS if args.all_regions else ("headline", "body")
    report = render(compare(articles, names=labels, regions=regions, lexicons=args.lexicon), args.format)
    if args.out:
        try:
            Path(args.out).write_text(report, encoding="utf-8")
        except OSError as exc:
            print(f"attribution: {Errors.E055.format(path=args.out, reason=exc.strerror or exc)}", file=sys.stderr)
            return 2
    else:
        sys.stdout.write(report)
    return status


class _Progress:
    """Count, rate and ETA on standard error when it is a terminal; silent otherwise."""

    def __init__(self, total: int | None) -> None:
        import time

        self.on = sys.stderr.isatty()
        self.total, self.done, self.t0, self.clock = total, 0, time.monotonic(), time.monotonic

    def step(self) -> None:
        self.done += 1
        if not self.on:
            return
        elapsed = max(self.clock() - self.t0, 1e-9)
        rate = self.done / elapsed
        eta = f", ETA {int((self.total - self.done) / rate)}s" if self.total and rate > 0 else ""
        of = f"/{self.total}" if self.total else ""
        sys.stderr.write(f"\r{self.done}{of} documents, {rate:.1f}/s{eta}   ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.on and self.done:
            sys.stderr.write("\n")


def _count(inputs: list[str]) -> int | None:
    """How many documents the inputs hold, when that is cheap to know (not for standard input)."""
    from .corpus import SUFFIXES, is_jsonl, open_jsonl

    total = 0
    for name in inputs:
        p = Path(name)
        if name == "-":
            return None
        if p.is_dir():
            total += sum(1 for x in p.rglob("*") if x.is_file() and x.suffix.lower() in SUFFIXES)
        elif is_jsonl(p) and p.is_file():
            try:
                with open_jsonl(p, binary=True) as fh:
                    total += sum(1 for line in fh if line.strip())
            except Exception:  # unreadable or damaged: reported when its documents are read
                return None
        else:
            total += 1
    return total


def _out_problem(path: Path, fmt: str, resume: bool, force: bool) -> str | None:
    """Why ``--out path`` cannot be written (a directory, a missing parent, no permission, an existing file
    that would be replaced), or ``None``."""
    if fmt == "parquet":
        return None  # a directory of tables, checked by its writer
    if path.is_dir():
        return Errors.E055.format(path=path, reason=_("is a directory"))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        return Errors.E055.format(path=path, reason=f"no directory {parent}")
    if path.exists() and not resume and not force and path.stat().st_size > 0:
        return Errors.E056.format(path=path)
    if not os.access(path if path.exists() else parent, os.W_OK):
        return Errors.E055.format(path=path, reason="permission denied")
    return None


def _repair_and_read_ids(path: Path) -> set[str]:
    """The ids an earlier run wrote to ``path`` (annotated or failed: neither is redone, so nothing is
    written twice), after cutting a last line that an interruption tore, wherever it was cut."""
    with path.open("r+b") as fh:
        size = fh.seek(0, 2)
        end = size
        while end > 0:  # back from the end, a block at a time, to the last newline
            fh.seek(max(0, end - 65536))
            block = fh.read(end - max(0, end - 65536))
            cut = block.rfind(b"\n")
            if cut >= 0:
                end = end - len(block) + cut + 1
                break
            end -= len(block)
        if end < size:
            fh.truncate(end)  # a torn last line: its document is redone
    done: set[str] = set()
    with path.open("rb") as lines:  # streamed: an output of millions of lines is not held in memory
        for raw in lines:
            doc_id = _id_of(raw)
            if doc_id is not None:
                done.add(doc_id)
    return done


def _id_of(raw: bytes) -> str | None:
    """The id of one JSON line, or ``None`` for a line that is no JSON object with an id."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    return str(obj["id"]) if isinstance(obj, dict) and "id" in obj else None


def _lock(fh: Any) -> bool:
    """Take an exclusive lock on the open output file; ``False`` when another run holds it."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return True
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _annotate(args: argparse.Namespace) -> int:
    from .corpus import Document, Failure, Line, annotate_pairs, document_json, iter_documents, json_line
    from .render import render_text

    done: set[str] = set()
    if args.resume and not args.out:
        print(f"attribution: {Errors.E052}", file=sys.stderr)
        return 2
    if args.resume and args.format == "parquet":
        print(f"attribution: {Errors.E058}", file=sys.stderr)
        return 2
    if args.out:
        problem = _out_problem(Path(args.out), args.format, args.resume, args.force)
        if problem is not None:
            print(f"attribution: {problem}", file=sys.stderr)
            return 2
    if args.resume and Path(args.out).exists():
        done = _repair_and_read_ids(Path(args.out))
    writer = None
    if args.format == "parquet":
        if not args.out:
            print(f"attribution: {Errors.E053}", file=sys.stderr)
            return 2
        from .parquet import ParquetTables  # E070 without pyarrow, reported by main()

        writer = ParquetTables(Path(args.out))
    sink: Any = None  # a binary stream: lines arrive encoded
    if args.out and writer is None:
        sink = open(args.out, "ab")  # noqa: SIM115  closed below; appended to, or emptied once locked
        if not _lock(sink):
            sink.close()
            print(f"attribution: {Errors.E057.format(path=args.out)}", file=sys.stderr)
            return 2
        if not args.resume:
            sink.truncate(0)
    stdout = sys.stdout.buffer
    status, failed, skipped, n = 0, 0, 0, 0
    progress = _Progress(_count(args.files))
    input_errors: list[str] = []

    def documents() -> Iterator[Document | Failure | Line]:
        nonlocal skipped
        for doc in iter_documents(args.files, parse=False):
            if isinstance(doc, Failure) and doc.unreadable:
                input_errors.append(doc.error)  # an unreadable file: reported on stderr
                print(f"attribution: {doc.error}", file=sys.stderr, flush=True)
                continue
            if done and doc.id in done:
                skipped += 1
                continue
            yield doc

    convert = json_line if args.format == "json" else None
    bidi = args.bidi == "always" or (args.bidi == "auto" and not args.out and sys.stdout.isatty())
    interrupted = False
    try:
        for doc, result in annotate_pairs(documents(), args.jobs, args.outlet, tuple(args.lexicon),
                                          convert=convert):
            n += 1
            progress.step()
            if convert is not None:
                bad, data = result
                failed += bad
            elif isinstance(result, Failure):
                failed += 1
                data = (json.dumps(document_json(doc, result), ensure_ascii=False) + "\n").encode("utf-8")
            elif writer is not None:
                writer.add(result, doc.id, {"date": doc.date, "url": doc.url} if isinstance(doc, Document) else None)
                continue
            else:
                data = (render_text(result, doc.id, explain=args.explain, bidi=bidi) + "\n\n").encode("utf-8")
            if sink is not None:
                sink.write(data)
                if n % 64 == 0:
                    sink.flush()  # --resume redoes a line an interruption cuts short
            else:
                stdout.write(data)
                stdout.flush()
    except KeyboardInterrupt:
        interrupted = True
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        print(f"attribution: {Errors.E055.format(path=args.out or '-', reason=exc.strerror or exc)}",
              file=sys.stderr)
        return 2
    finally:
        progress.close()
        if sink is not None:
            sink.close()
        if writer is not None:
            writer.close()
    if interrupted:
        hint = (_("run again with --resume --out {path} to go on").format(path=args.out)
                if args.out and args.format == "json" else _("nothing after them was written"))
        print(f"attribution: {Errors.E059.format(n=n, hint=hint)}", file=sys.stderr)
        return 130
    if failed or skipped or progress.on or (n > 1 and args.out):
        print("attribution: " + (_("{n} annotated, {failed} failed, {skipped} skipped (already in {path})").format(
            n=n, failed=failed, skipped=skipped, path=args.out) if skipped else
            _("{n} annotated, {failed} failed").format(n=n, failed=failed)), file=sys.stderr)
    if input_errors:
        status = 2
    elif failed:
        status = 1
    return status


def _flag_language(argv: Sequence[str]) -> str | None:
    """``--lang`` as given on the command line (read before the parser is built, so its help is translated)."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    return None


def _config_language(args: argparse.Namespace | None) -> str | None:
    """``lang`` of the configuration that applies: for ``check``, the first file's (or ``--config``); else the
    current folder's."""
    from .check import config_for

    try:
        if args is not None and args.command == "check":
            files = [args.stdin_filename if f == "-" and args.stdin_filename else f for f in args.files]
            return config_for(files[0] if files else ".", args.config).lang
        return config_for(".").lang
    except AttributionError:  # a broken configuration is reported where it is used
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line in a context of its own, so the language it picks stays there."""
    return contextvars.copy_context().run(_main, sys.argv[1:] if argv is None else list(argv))


def _main(argv: Sequence[str]) -> int:
    flag = _flag_language(argv)
    given = flag or environ_language()  # else the configuration's, known once the files are
    set_language(given or _config_language(None) or LANGUAGES[0])
    ap = _parser()
    args = ap.parse_args(argv)
    if not given:
        set_language(_config_language(args) or LANGUAGES[0])
    if args.command == "annotate" and args.outlet is not None and not args.outlet.strip():
        ap.error(Errors.E020)
    status = 0
    if getattr(args, "jobs", 1) < 1:
        ap.error(_("--jobs must be at least 1"))
    try:
        if args.command == "lexicon":
            return _lexicon(args)
        if args.command == "compare":
            return _compare(args)
        if args.command == "profiles":
            return _profiles(args)
        if args.command == "check":
            return _check(args)
        from .compiled import load

        load(getattr(args, "lexicon", ()))  # a bad lexicon is a usage error before any file; compiled once here
        if args.command == "stories":
            from .stories import run

            return run(args)
        status = _annotate(args)
    except AttributionError as exc:
        print(f"attribution: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return status
    except KeyboardInterrupt:
        print("attribution: " + _("interrupted"), file=sys.stderr)
        return 130
    return status


if __name__ == "__main__":
    raise SystemExit(main())

"""Command line: argument parsing and exit codes only; the work is delegated.

Exit codes: 0 success, 2 usage or input errors (each a one-line message; other files still run).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import AttributionError, Errors, InputError

__all__ = ["main", "read_input"]


def read_input(name: str) -> str:
    """The text of file ``name`` (``-`` for stdin); an :class:`InputError` says what is wrong with it."""
    if name == "-":
        data = sys.stdin.buffer.read()
        path = "<stdin>"
    else:
        p = Path(name)
        path = name
        if p.is_dir():
            raise InputError(Errors.E002.format(path=path))
        if not p.exists():
            raise InputError(Errors.E001.format(path=path))
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(Errors.E005.format(path=path, reason=exc.strerror or exc)) from None
    if b"\x00" in data[:8192]:
        raise InputError(Errors.E004.format(path=path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003.format(path=path, offset=exc.start)) from None
    return text  # a BOM stays: offsets point into the file as it is


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    ap = argparse.ArgumentParser(prog="attribution", description="Who speaks, and in which words, in Arabic news.")
    ap.add_argument("--version", action="version", version=f"attribution {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    an = sub.add_parser("annotate", help="annotate articles: regions, sentences, speakers")
    an.add_argument("files", nargs="+", metavar="FILE", help="text files, or - for standard input")
    an.add_argument("--format", choices=("json", "text"), default="json")
    an.add_argument("--outlet", help="the publishing outlet (overrides what the page shows)")
    return ap


def _annotate(args: argparse.Namespace) -> Iterator[tuple[str | None, str | None]]:
    from . import annotate
    from .jsonio import to_json
    from .render import render_text

    for name in args.files:
        try:
            text = read_input(name)
        except InputError as exc:
            yield None, str(exc)
            continue
        article = annotate(text, outlet=args.outlet)
        if args.format == "json":
            data = to_json(article)
            data["path"] = name
            yield json.dumps(data, ensure_ascii=False), None
        else:
            yield render_text(article, name) + "\n", None


def main(argv: Sequence[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    if args.outlet is not None and not args.outlet.strip():
        ap.error(Errors.E020)
    status = 0
    try:
        for out, err in _annotate(args):
            if err is not None:
                print(f"attribution: {err}", file=sys.stderr)
                status = 2
            else:
                print(out, flush=True)
    except AttributionError as exc:
        print(f"attribution: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return status
    return status


if __name__ == "__main__":
    raise SystemExit(main())

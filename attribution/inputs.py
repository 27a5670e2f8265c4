"""Reading one input: a file or standard input, as exact text (a BOM and CRLF kept, so offsets point
into the file as it is), with a one-line error from the catalogue when it cannot be read."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .errors import Errors, InputError

__all__ = ["MAX_CHARS", "lone_surrogate", "read_input"]

#: The most characters one document may hold: annotating keeps about 45 bytes per character in memory,
#: so ten million characters cost about 450 MB; a larger input is refused with E006, not swapped.
MAX_CHARS = 10_000_000


_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in ``text`` (a JSON "\\ud800" escape or a Python str
    built by hand; no UTF-8 file holds one), or ``None``."""
    m = _SURROGATE.search(text)
    return None if m is None else m.start()


def read_input(name: str) -> str:
    """The text of file ``name`` (``-`` for stdin); an `InputError` says what is wrong with it."""
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
    if len(data) > 4 * MAX_CHARS:  # more than any UTF-8 text of MAX_CHARS characters: no need to decode it
        raise InputError(Errors.E006.format(path=path, n=len(data), limit=MAX_CHARS).replace("characters", "bytes", 1))
    if b"\x00" in data[:8192]:
        raise InputError(Errors.E004.format(path=path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E003.format(path=path, offset=exc.start)) from None
    if len(text) > MAX_CHARS:
        raise InputError(Errors.E006.format(path=path, n=len(text), limit=MAX_CHARS))
    return text  # a BOM stays: offsets point into the file as it is

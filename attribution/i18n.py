"""Messages in the reader's language: English or Arabic, from gettext catalogues.

Every string a user reads (a check finding, a rule's description, a report heading or column, a
command-line message or error) is written in English in the code, marked with ``_()`` (translated where
it is used) or ``N_()`` (marked where it is defined, translated later), and looked up in the catalogue
``attribution/locale/<lang>/LC_MESSAGES/attribution.mo`` of the active language with the standard
library's `gettext`. Codes (E001, W043), rule ids, JSON keys, SARIF and CSV field names never change;
only the prose does.

The language is, in order: the one set with `use_language` (the command line's ``--lang``), the first
of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that names a language (``ar_SA.UTF-8`` is
Arabic; ``C`` and ``POSIX`` name none), the ``lang`` of ``.attribution.toml``, and English.

The catalogues are edited as ``.po`` files and compiled to ``.mo`` with Babel (``python3 dev.py
i18n`` extracts, updates and compiles); at run time only the standard library reads them.

Examples:
    >>> from attribution.i18n import _, language, use_language
    >>> with use_language("ar"):
    ...     language(), _("positive")
    ('ar', 'إيجابي')
    >>> language({"LANG": "C.UTF-8"}), language({"LANG": "ar_SA.UTF-8"}, config="en")
    ('en', 'ar')
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources

__all__ = ["DOMAIN", "LANGUAGES", "N_", "Message", "_", "environ_language", "language", "ngettext",
           "pgettext", "set_language", "use_language"]

#: The languages with a catalogue; the first is the default.
LANGUAGES = ("en", "ar")
DOMAIN = "attribution"
_chosen: ContextVar[str | None] = ContextVar("attribution_language", default=None)
_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")


def _code(value: str) -> str:
    """``ar_SA.UTF-8`` → ``ar``; ``C.UTF-8`` → ``c``."""
    return value.split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0].strip().lower()


def environ_language(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment asks for, as gettext reads it (``LANGUAGE``, a colon-separated
    list, first; then the first set of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), if it is one of
    `LANGUAGES`; ``None`` when none is set, or the locale is ``C``/``POSIX`` or another language."""
    env = os.environ if environ is None else environ
    for item in env.get("LANGUAGE", "").split(":"):
        if _code(item) in LANGUAGES:
            return _code(item)
    for var in _ENV:
        if env.get(var):
            code = _code(env[var])
            return code if code in LANGUAGES else None
    return None


def language(environ: Mapping[str, str] | None = None, config: str | None = None) -> str:
    """The active language: the one set by `use_language`/`set_language`, else the environment's, else
    ``config`` (``lang`` in ``.attribution.toml``), else English."""
    return _chosen.get() or environ_language(environ) or (config if config in LANGUAGES else None) or LANGUAGES[0]


def set_language(lang: str | None) -> None:
    """Use ``lang`` (one of `LANGUAGES`) from now on in this context; ``None`` goes back to the environment."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    _chosen.set(lang)


@contextmanager
def use_language(lang: str | None) -> Iterator[str]:
    """Use ``lang`` inside the ``with`` block (``None``: leave the choice as it is)."""
    if lang is None:
        yield language()
        return
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {lang!r}")
    token = _chosen.set(lang)
    try:
        yield lang
    finally:
        _chosen.reset(token)


@cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (shipped in the package)."""
    path = resources.files("attribution").joinpath("locale", lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with path.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    except FileNotFoundError:
        return gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the active language."""
    return catalogue(language()).gettext(message)


def pgettext(context: str, message: str) -> str:
    """``message`` in the active language, where ``context`` tells two English uses of one word apart."""
    return catalogue(language()).pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form (Arabic has six) of a message about ``n`` things, in the active language."""
    return catalogue(language()).ngettext(singular, plural, n)


class Message(str):
    """A catalogue message marked where it is defined (`N_`) and translated where it is used: when it is
    formatted (``.format(...)``, an f-string) or turned into a string (``str()``, an exception's text)."""

    __slots__ = ()

    def __str__(self) -> str:
        return _(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def format(self, *args: object, **kwargs: object) -> str:
        return str(self).format(*args, **kwargs)


def N_(message: str) -> Message:
    """Mark ``message`` for the catalogue without translating it yet."""
    return Message(message)

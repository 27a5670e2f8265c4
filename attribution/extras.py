"""Optional dependencies. The core (annotate, check, compare, tables, the command line) needs only
``regex`` and ``attrs``; spaCy, pandas, pyarrow and Dask come with extras:

* ``attribution[spacy]``: `attribution.pipeline` and the spaCy components
* ``attribution[pandas]``: ``Tables.to_pandas()`` and ``Comparison.to_frame()``
* ``attribution[parquet]``: ``attribution annotate --format parquet``
* ``attribution[dask]``: `attribution.dask`

A feature whose dependency is missing raises `attribution.errors.MissingExtraError` (E070),
which names the extra to install.
"""

from __future__ import annotations

from .errors import Errors, MissingExtraError

__all__ = ["missing_extra"]


def missing_extra(exc: ModuleNotFoundError, what: str, extra: str) -> MissingExtraError:
    """The catalogue error for ``exc``, raised while importing what ``what`` needs from ``extra``.

    Examples:
        >>> from attribution.extras import missing_extra
        >>> print(missing_extra(ModuleNotFoundError(name="pandas"), "Tables.to_pandas()", "pandas"))
        E070 Tables.to_pandas() needs pandas, which is not installed: pip install "attribution[pandas]"
    """
    module = (exc.name or str(exc)).partition(".")[0]
    error = MissingExtraError(Errors.E070.format(what=what, module=module, extra=extra))
    error.name = module
    return error

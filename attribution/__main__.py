"""``python -m attribution``: the same command line as ``attribution``."""

from __future__ import annotations

if __name__ == "__main__":
    import sys

    from .cli import main

    sys.exit(main())

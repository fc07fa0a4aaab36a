"""Command-line entry: print the parse of one file as JSON or as indented text.

The Django command `kechuang plan parse FILE --format json|text` and `python -m kechuang.plans.parser`
both end up here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import ParseError
from .pipeline import parse_document
from .render import format_text


def cli_main(argv: list[str] | None = None) -> int:
    """Parse FILE and print it; exit status 2 with the user-facing message when it cannot be parsed."""
    ap = argparse.ArgumentParser(prog="python -m kechuang.plans.parser", description=__doc__)
    ap.add_argument("file", type=Path)
    ap.add_argument("--format", choices=("json", "text"), default="json")
    args = ap.parse_args(argv)
    try:
        doc = parse_document(args.file.read_bytes(), args.file.name)
    except ParseError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_text(doc))
    return 0

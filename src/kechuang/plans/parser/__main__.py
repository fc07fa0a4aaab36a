"""`python -m kechuang.plans.parser FILE --format json|text` — print the parse of one file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import ParseError, format_text, parse_document


def cli_main(argv: list[str] | None = None) -> int:
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


if __name__ == "__main__":
    sys.exit(cli_main())

"""`python -m kechuang.plans.parser FILE --format json|text` — print the parse of one file."""

import sys

from .cli import cli_main

sys.exit(cli_main())

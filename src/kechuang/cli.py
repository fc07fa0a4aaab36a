"""The ``kechuang`` command: Django's management commands under one name.

``kechuang serve``, ``kechuang demo-data``, ``kechuang backup FILE`` … are management commands of the
apps; a hyphen in the command name is accepted for an underscore, so both spellings work.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kechuang.config.settings")
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "kechuang"
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()

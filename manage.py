#!/usr/bin/env python
"""Django's manage.py, for developers used to it; `kechuang` is the same command."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from kechuang.cli import main

if __name__ == "__main__":
    main()

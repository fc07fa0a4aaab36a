"""Pure-Python rules of the S&T programme projects module.

Nothing here imports Django: views, the API, the CLI and background tasks all call these functions with
plain dataclasses, so the rules are tested fast and behave the same everywhere.
"""

"""Work-plan document parser: file bytes → plans with outline, targets and responsibilities.

Pure Python (no Django), so the CLI, web views and background tasks share it and tests run fast::

    from kechuang.plans.parser import parse_document
    doc = parse_document(data, "2024年工作要点.docx")
    doc.to_dict()
"""

from __future__ import annotations

from .cli import cli_main
from .errors import (
    DamagedFileError,
    EmptyFileError,
    EncodingError,
    NoOutlineError,
    NoTextLayerError,
    ParseError,
    UnsupportedFormatError,
)
from .model import OutlineNode, ParsedDocument, Responsibility, Target, WorkPlan
from .pipeline import parse_document, parse_text
from .render import format_text

__all__ = [
    "DamagedFileError",
    "EmptyFileError",
    "EncodingError",
    "NoOutlineError",
    "NoTextLayerError",
    "OutlineNode",
    "ParseError",
    "ParsedDocument",
    "Responsibility",
    "Target",
    "UnsupportedFormatError",
    "WorkPlan",
    "cli_main",
    "format_text",
    "parse_document",
    "parse_text",
]

"""Where each target's sentence stands in the source text, for the review page's highlighting."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    target_ids: tuple[int, ...] = ()


def locate(text: str, needles: list[tuple[int, str, str]]) -> list[Segment]:
    """Split ``text`` into plain and highlighted segments.

    ``needles`` are (target id, evidence, quote): the evidence span is highlighted where it can be found
    inside the quote's occurrence, else the quote, else nothing (the target still shows in the outline).
    Overlapping highlights merge and carry every target id they cover.
    """
    marks: list[tuple[int, int, int]] = []
    for target_id, evidence, quote in needles:
        span = _find(text, evidence, quote)
        if span:
            marks.append((span[0], span[1], target_id))
    if not marks:
        return [Segment(text)] if text else []
    marks.sort()
    merged: list[tuple[int, int, list[int]]] = []
    for start, end, tid in marks:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), [*last[2], tid])
        else:
            merged.append((start, end, [tid]))
    segments: list[Segment] = []
    cursor = 0
    for start, end, ids in merged:
        if start > cursor:
            segments.append(Segment(text[cursor:start]))
        segments.append(Segment(text[start:end], tuple(ids)))
        cursor = end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return segments


def _find(text: str, evidence: str, quote: str) -> tuple[int, int] | None:
    if quote:
        at = text.find(quote)
        if at >= 0:
            inner = quote.find(evidence) if evidence else -1
            if inner >= 0:
                return at + inner, at + inner + len(evidence)
            return at, at + len(quote)
    if evidence:
        at = text.find(evidence)
        if at >= 0:
            return at, at + len(evidence)
    return None

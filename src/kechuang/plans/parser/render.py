"""Human-readable rendering of a parse: the outline indented, targets listed under their items."""

from __future__ import annotations

from .model import OutlineNode, ParsedDocument, Target


def format_target(t: Target) -> str:
    value = f"{t.value:g}" if t.value_max is None else f"{t.value:g}–{t.value_max:g}"
    extras = [
        x
        for x in (
            t.kind,
            t.firmness if t.firmness != "plain" else "",
            t.recurrence if t.recurrence != "once" else "",
            str(t.year or ""),
        )
        if x
    ]
    action = f"{t.action} " if t.action else ""
    return f"◎ {action}{t.metric} {t.comparator} {value} {t.unit}  [{', '.join(extras)}]"


def _node_lines(node: OutlineNode, depth: int) -> list[str]:
    pad = "  " * depth
    lines = [f"{pad}{node.number}{node.heading}".rstrip()]
    r = node.responsibility
    if r is not None:
        parts = [
            f"{label}: {'、'.join(names)}"
            for label, names in (("persons", r.persons), ("lead", r.lead), ("support", r.support))
            if names
        ]
        if r.deadline:
            parts.append(f"deadline: {r.deadline}")
        lines.append(f"{pad}  ⚑ " + "; ".join(parts))
    lines += [f"{pad}  {format_target(t)}" for t in node.targets]
    for child in node.children:
        lines += _node_lines(child, depth + 1)
    return lines


def format_text(doc: ParsedDocument) -> str:
    """The parse as indented text, for the CLI's --format text."""
    lines: list[str] = []
    for i, plan in enumerate(doc.plans, 1):
        year = plan.year or ""
        period = f" {plan.period[0]}–{plan.period[1]}" if plan.period else ""
        title = plan.title or "(untitled)"
        lines.append(f"== Plan {i}: {title} [{plan.issuer or '-'} {year}{period}]".rstrip())
        lines += [f"  {format_target(t)}" for t in plan.targets]
        for node in plan.outline:
            lines += _node_lines(node, 1)
        n = len(plan.all_targets())
        lines.append(f"   ({n} target{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"

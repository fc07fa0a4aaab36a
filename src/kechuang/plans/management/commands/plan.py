"""`kechuang plan parse FILE` (no database) and `kechuang plan import FILE` (one transaction)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from kechuang.plans import parser


class Command(BaseCommand):
    help = "Parse a work-plan document (parse) or parse and store it (import)."

    def add_arguments(self, parser_) -> None:
        sub = parser_.add_subparsers(dest="action", required=True)
        parse = sub.add_parser("parse", help="Print the parsed structure; touches no database.")
        parse.add_argument("file", type=Path)
        parse.add_argument("--format", choices=["json", "text"], default="json")
        imp = sub.add_parser("import", help="Parse and store as draft plans, in one transaction.")
        imp.add_argument("file", type=Path)
        imp.add_argument("--user", default="", help="The planner importing it (default: the first bureau admin).")
        imp.add_argument("--confirm", action="store_true", help="Confirm the plans at once, skipping review.")

    def handle(self, *args, action: str, file: Path, **options) -> None:
        if not file.is_file():
            raise CommandError(f"No file at {file}.")
        data = file.read_bytes()
        if action == "parse":
            self._parse(data, file.name, options["format"])
        else:
            self._import(data, file.name, options["user"], options["confirm"])

    def _parse(self, data: bytes, name: str, fmt: str) -> None:
        try:
            document = parser.parse_document(data, name)
        except parser.ParseError as exc:
            raise CommandError(str(exc)) from exc
        if fmt == "json":
            self.stdout.write(json.dumps(document.to_dict(), ensure_ascii=False, indent=1))
        else:
            self.stdout.write(parser.format_text(document))

    def _import(self, data: bytes, name: str, username: str, confirm: bool) -> None:
        from kechuang.core.models import User
        from kechuang.plans import services

        user = (User.objects.filter(username=username).first() if username else
                User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first())
        if user is None:
            raise CommandError(f"No user {username!r}." if username else "No administrator: create one with "
                               "`kechuang createadmin NAME` or pass --user.")
        try:
            plans = services.plan_import(actor=user, document=services.parse_upload(data=data, filename=name))
            if confirm:
                for plan in plans:
                    services.plan_confirm(actor=user, plan=plan)
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError("; ".join(getattr(exc, "messages", [str(exc)]))) from exc
        for plan in plans:
            self.stdout.write(f"#{plan.pk} {plan.title} ({plan.period_label}): {plan.items.count()} items, "
                              f"{plan.targets.count()} targets, "
                              f"{sum(i.responsibilities.count() for i in plan.items.all())} responsibilities "
                              f"[{plan.get_status_display()}]")

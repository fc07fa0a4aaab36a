import getpass

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from kechuang.core.models import Organisation
from kechuang.core.roles import OrgKind, Role
from kechuang.core.services import user_create


class Command(BaseCommand):
    help = "Create a bureau administrator (a superuser with the bureau admin role)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="Read from the terminal when omitted.")

    def handle(self, *args, username: str, email: str, password: str | None, **options) -> None:
        if password is None:
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        bureau = Organisation.objects.filter(kind=OrgKind.BUREAU).order_by("pk").first()
        try:
            user_create(actor=None, username=username, password=password, organisation=bureau,
                        roles=[Role.BUREAU_ADMIN], email=email, is_superuser=True)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(self.style.SUCCESS(f"Bureau administrator {username} created."))

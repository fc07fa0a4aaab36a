from django.core.management.base import BaseCommand

from kechuang.core.demo import DEMO_PASSWORD, load_demo_data


class Command(BaseCommand):
    help = "Load generated demo data (a city bureau, its units, enterprises and users); safe to run twice."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--enterprises", type=int, default=300)

    def handle(self, *args, enterprises: int, **options) -> None:
        created, logins = load_demo_data(enterprises=enterprises)
        self.stdout.write("Demo data loaded." if created else "Demo data already present; nothing added.")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for login in logins:
            self.stdout.write(f"  {login.username:<13} {login.role:<18} {login.organisation}")

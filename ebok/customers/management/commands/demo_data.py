from datetime import date

from django.core.management.base import BaseCommand, CommandError

from ebok.customers.demo.run import generate

TABLE_NAMES = {
    "customer": "customers",
    "point": "service points",
    "meter": "meters",
    "reading": "readings",
    "invoice": "invoices",
    "line": "invoice lines",
    "payment": "payments",
    "announcement": "announcements",
    "document": "documents",
}


class Command(BaseCommand):
    help = (
        "Fill the database with demo customers and years of their history (service points, "
        "meters, readings, invoices, payments), announcements and documents. Safe to run again: "
        "each run replaces what earlier runs made, deterministically from the seed (the same "
        "arguments on the same day give the same data). Demo customers are marked with the "
        "external id 'demo:<number>' and kept by number, so their accounts survive; everything "
        "below them is deleted and made anew, and demo customers beyond --customers are deleted. "
        "Existing customers with the demo's numbers (001234-001238, then 000001, 000002, ...) "
        "are taken over. Customer 001234, Jan Węgrowski, always owes exactly 60,00 zł."
    )

    def add_arguments(self, parser):
        parser.add_argument("--customers", type=int, default=200, help="How many (default 200).")
        parser.add_argument("--years", type=int, default=3, help="Years of history (default 3).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            help="The day the history ends, YYYY-MM-DD (default: today).",
        )

    def handle(self, *args, customers, years, seed, today, **options):
        if customers < 1 or years < 1:
            raise CommandError("--customers and --years must be at least 1.")
        verbose = options["verbosity"] > 1 or customers > 5000
        report = generate(
            customers=customers,
            years=years,
            seed=seed,
            today=today,
            progress=self.stdout.write if verbose else lambda message: None,
        )
        counts = ", ".join(f"{report.rows[table]:,} {name}" for table, name in TABLE_NAMES.items())
        self.stdout.write(f"Demo data in {report.seconds:.1f} s: {counts}.")

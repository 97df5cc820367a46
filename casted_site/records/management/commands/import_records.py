from django.core.management.base import BaseCommand, CommandError

from casted_site.records.records_io import ImportFileError, import_records, record_kinds


class Command(BaseCommand):
    help = "Create or update records (matched by slug) from a CSV or JSON file, reporting each row."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .json file, UTF-8")
        parser.add_argument("--kind", required=True, choices=sorted(record_kinds()))
        parser.add_argument("--dry-run", action="store_true", help="report what would happen, write nothing")

    def handle(self, *args, file, kind, dry_run, **options):
        try:
            report = import_records(file, kind, dry_run=dry_run)
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        styles = {"created": self.style.SUCCESS, "updated": self.style.SUCCESS, "refused": self.style.ERROR}
        for number, outcome, message in report:
            self.stdout.write(styles.get(outcome, str)(f"row {number}: {outcome}: {message}"))
        totals = {
            outcome: sum(1 for _n, o, _m in report if o == outcome)
            for outcome in ("created", "updated", "unchanged", "refused")
        }
        summary = ", ".join(f"{count} {outcome}" for outcome, count in totals.items())
        self.stdout.write(("Dry run, nothing written: " if dry_run else "") + summary + ".")
        if totals["refused"]:  # exits 1, so that a script or a cron job notices
            raise CommandError(
                f"{totals['refused']} row(s) refused; the others were {'checked' if dry_run else 'imported'}."
            )

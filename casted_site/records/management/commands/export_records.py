import sys

from django.core.management.base import BaseCommand

from casted_site.records.records_io import export_records, record_kinds


class Command(BaseCommand):
    help = "Write every record of a kind as CSV or JSON, in the format import_records reads."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=sorted(record_kinds()))
        parser.add_argument("--format", choices=["csv", "json"], help="default: from the output file's name, else csv")
        parser.add_argument("--output", "-o", help="a file to write; default: standard output")

    def handle(self, *args, kind, format, output, **options):
        file_format = format or ("json" if output and output.lower().endswith(".json") else "csv")
        if output:
            with open(output, "w", encoding="utf-8", newline="") as handle:
                count = export_records(kind, handle, file_format)
            self.stderr.write(f"Wrote {count} {kind} to {output}.")
        else:
            export_records(kind, sys.stdout, file_format)

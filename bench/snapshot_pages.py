"""Write the HTML of every public page a crawl reaches (both languages, listings with their filters, search) to a
folder, one file per URL, so that two versions of the code can be compared byte for byte:

    cd <checkout> && DJANGO_SETTINGS_MODULE=casted_site.settings.test python <this file> /tmp/pages-before
    diff -r /tmp/pages-before /tmp/pages-after

It builds a fresh SQLite database in a temporary folder with the initial content, then crawls it in-process."""

import os
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casted_site.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/snapshot.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

# When the content was loaded (feeds' dates): differs between two loads, not between two versions of the code.
LOAD_TIME = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00")
START = ["/en/", "/zh-hans/", "/en/search/?q=policy", "/zh-hans/search/?q=科技政策", "/zh-hans/search/?q=合作"]
LIMIT = 600


def main(out):
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_initial_content", verbosity=0)
    call_command("update_index", verbosity=0)
    client = Client(HTTP_HOST="localhost")
    seen, queue = set(), list(START)
    out.mkdir(parents=True, exist_ok=True)
    while queue and len(seen) < LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        name = quote(url, safe="") or "root"
        body = response.content if response.status_code == 200 else str(response.status_code).encode()
        (out / name).write_bytes(LOAD_TIME.sub(b"<load time>", body))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for href in re.findall(r'href="([^"#]+)"', response.content.decode()):
            href = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(href)
            if parts.netloc not in ("", "localhost") or not parts.path.startswith(("/en/", "/zh-hans/")):
                continue
            queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    print(f"{len(seen)} URLs written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))

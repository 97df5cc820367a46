"""Benchmark the site as production serves it: production settings, gunicorn with 2 workers on loopback, wrk
as the load generator. Every public page type in both languages, uncached and from the page cache, with a static
file as the ceiling. Prints requests per second, p50 and p99 latency, errors, HTML bytes and queries per page as a
table, and writes the same as JSON.

    .venv/bin/python bench/run.py                       # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1/bench .venv/bin/python bench/run.py
    .venv/bin/python bench/run.py --duration 10 --connections 4 --json bench/results.json
    .venv/bin/python bench/run.py --scale 10000,2000,5000     # with synthetic records added first
    .venv/bin/python bench/run.py --compare cdf93b8 --churn   # beside an older commit; pages under publish churn
    .venv/bin/python bench/run.py --staff                     # also the admin pages staff work in, logged in

--compare REV serves a git worktree of REV the same way, on a database of its own (a file, or a new PostgreSQL
database named after the one given, with _before), and measures each page on both servers one after the other,
so that both see the same machine at the same moment. --churn sends 50 clients for
60 s over every URL a crawl of the site finds, while a page is published every 5 s, with the page cache on and off.

Needs wrk (apt-get install wrk), and Redis as production does (REDIS_URL, default redis://127.0.0.1:6379/7). The
database it is given is migrated and loaded with the initial content."""

import argparse
import contextlib
import json
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")

PAGES = [
    ("home", "/{lang}/"),
    ("projects", "/{lang}/projects/"),
    ("projects, filtered", "/{lang}/projects/?status=completed&partner=oecd"),
    ("project", "/{lang}/projects/phd-career-survey/"),
    ("partners", "/{lang}/partners/"),
    ("partners, filtered", "/{lang}/partners/?kind=research-institute&relationship=mou"),
    ("partner", "/{lang}/partners/oecd/"),
    ("MOUs", "/{lang}/mous/"),
    ("MOU", "/{lang}/mous/mou-nistep/"),
    ("events", "/{lang}/events/"),
    ("events, filtered", "/{lang}/events/?when=past&kind=forum"),
    ("event", "/{lang}/events/china-us-innovation-conference/"),
    ("search", "/{lang}/search/?q={query}"),
    ("search, common word", "/{lang}/search/?q={common}"),
    ("calendar feed", "/{lang}/events/calendar/"),
    # The sections that start empty, with their labelled samples imported (prepare: examples/*.csv).
    ("news", "/{lang}/news/"),
    ("news item", "/{lang}/news/example-delegation-visit/"),
    ("publications", "/{lang}/publications/"),
    ("publications, filtered", "/{lang}/publications/?type=report&partner=oecd"),
    ("publication", "/{lang}/publications/example-report/"),
    ("citation file (BibTeX)", "/{lang}/publications/example-report/cite.bib"),
    # The sample conference (prepare: load_example_conference).
    ("conference with programme", "/{lang}/events/sample-forum-2nd-edition/"),
    ("conference calendar file", "/{lang}/events/sample-forum-2nd-edition/ical/"),
    ("event series", "/{lang}/events/series/sample-forum-series/"),
]
# The samples of the sections that start empty, imported into the bench's database (see their pages above).
SAMPLES = [("news", "examples/news.csv"), ("publications", "examples/publications.csv")]
# The admin pages staff meet daily, as a moderator logged in (never cached): {partners} and {oecd} are page ids.
STAFF_PAGES = [
    ("admin: dashboard", "/admin/"),
    ("admin: partners in the explorer", "/admin/pages/{partners}/"),
    ("admin: editing a partner", "/admin/pages/{oecd}/edit/"),
    ("admin: missing translations", "/admin/reports/missing-translations/"),
    ("admin: translations out of date", "/admin/reports/stale-translations/"),
    ("admin: import", "/admin/records/import/"),
]
STAFF_SESSION = """
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from partners.models import PartnerIndexPage, PartnerPage
user, _ = get_user_model().objects.get_or_create(username="bench-moderator", defaults={"is_superuser": True})
client = Client()
client.force_login(user)
print(client.cookies["sessionid"].value, PartnerIndexPage.objects.get().pk, PartnerPage.objects.get(slug_en="oecd").pk)
"""
SEARCH_QUERIES = {"en": "policy", "zh-hans": "%E7%A7%91%E6%8A%80%E6%94%BF%E7%AD%96"}  # 科技政策
COMMON_WORDS = {"en": "research", "zh-hans": "%E7%A0%94%E7%A9%B6"}  # 研究: in every synthetic project at scale
SITE_WIDE = [("sitemap index", "/sitemap.xml"), ("sitemap, first page", "/sitemap-pages.xml")]

# Queries per page with the data caches filled, as most requests find them, and the queries and time of the first
# request after a publish, which empties them (in-process, one request, no load).
QUERY_COUNTER = """
import sys, time, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
try:
    from casted_site.caching.page_cache import invalidate_page_cache
except ImportError:  # a commit from before casted_site split by job (--compare)
    from casted_site.core.page_cache import invalidate_page_cache
client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
for path in sys.argv[1:]:
    client.get(path)  # warm Wagtail's site caches, as a running server has them
    invalidate_page_cache()
    with CaptureQueriesContext(connection) as after_publish:
        start = time.perf_counter()
        client.get(path)
        after_publish_ms = (time.perf_counter() - start) * 1000
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    print(path, response.status_code, len(queries), len(response.content), len(after_publish), f"{after_publish_ms:.1f}")
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, root=ROOT):
    subprocess.run([PYTHON, "manage.py", *args], cwd=root, env=env, check=True, capture_output=True)  # noqa: S603


def wait_for(port, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"gunicorn did not start on port {port}")


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310 (loopback http)
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return response.read().decode()


def answers(url):
    """Whether the page is there (an older checkout, --compare, may not have a section yet)."""
    try:
        fetch(url)
    except urllib.error.HTTPError:
        return False
    return True


def run_wrk(url, duration, connections, script=None, cookie=None):
    extra = ["-s", str(script)] if script else []
    extra += ["-H", f"Cookie: sessionid={cookie}"] if cookie else []
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-H", "X-Forwarded-Proto: https"]
    output = subprocess.run([*command, *extra, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))

    def percentile(name):
        match = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)\b", output)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    # Errors of each kind wrk tells apart: answers that are not 2xx or 3xx, and connect, read, write and timeout
    # socket errors (a timeout: no answer within wrk's 2 s).
    kinds = {"non_2xx_3xx": 0, "connect": 0, "read": 0, "write": 0, "timeout": 0}
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        kinds["non_2xx_3xx"] = int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        kinds.update(zip(("connect", "read", "write", "timeout"), map(int, match.groups()), strict=True))
    return {
        "rps": rps,
        "p50_ms": percentile("50"),
        "p99_ms": percentile("99"),
        "errors": sum(kinds.values()),
        "error_kinds": {kind: n for kind, n in kinds.items() if n},
        "requests": requests,
    }


LIGHTHOUSE_PAGES = ["/{lang}/", "/{lang}/partners/", "/{lang}/projects/phd-career-survey/"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def run_lighthouse(base):
    """Lighthouse scores (0-100) and first-visit bytes, with Debian's Chromium; installs lighthouse into bench/."""
    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=ROOT / "bench", check=True)  # noqa: S607
    scores = []
    for lang in ("en", "zh-hans"):
        for template in LIGHTHOUSE_PAGES:
            path = template.format(lang=lang)
            for _attempt in range(3):  # Chromium now and then fails to start on a loaded machine
                result = subprocess.run(  # noqa: S603
                    [
                        str(binary),
                        base + path,
                        "--output=json",
                        "--quiet",
                        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                        '--extra-headers={"X-Forwarded-Proto": "https"}',
                        "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking "
                        "--disable-component-update --disable-sync",
                    ],
                    env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                    capture_output=True,
                    text=True,
                )
                if result.returncode == 0:
                    break
            if result.returncode != 0:  # reported as such, and the rest of the run is kept
                scores.append({"path": path, "error": result.stderr.strip()[-300:]})
                continue
            report = json.loads(result.stdout)
            row = {"path": path}
            row.update({name: round(report["categories"][name]["score"] * 100) for name in LIGHTHOUSE_CATEGORIES})
            row["first_visit_bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
            scores.append(row)
    return scores


class Server:
    def __init__(self, env, cache_seconds, root=ROOT):
        self.port, self.root = free_port(), root
        self.env = {**env, "PAGE_CACHE_SECONDS": str(cache_seconds)}

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                GUNICORN,
                "casted_site.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=self.root,
            env=self.env,
        )
        wait_for(self.port)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)


def targets():
    for lang in ("en", "zh-hans"):
        for name, path in PAGES:
            yield f"{name} ({lang})", path.format(lang=lang, query=SEARCH_QUERIES[lang], common=COMMON_WORDS[lang])
    yield from SITE_WIDE


PUBLISHER = """
import sys, time, django
django.setup()
from wagtail.models import Page
record = Page.objects.live().filter(depth=4).order_by("path").first().specific
deadline, published = time.time() + float(sys.argv[1]), 0
while time.time() < deadline:
    time.sleep(float(sys.argv[2]))
    record.save_revision().publish()
    published += 1
print(published)
"""


def staff_targets(env, root=ROOT):
    """A logged-in moderator's session, and the staff pages with their ids."""
    output = subprocess.run(  # noqa: S603
        [PYTHON, "-c", STAFF_SESSION], cwd=root, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    session, partners, oecd = output[-3:]
    return session, [(name, path.format(partners=partners, oecd=oecd)) for name, path in STAFF_PAGES]


def staff_page_opens(base, path, session):
    """The page answers 200 to the session, not a redirect to the login page (nor a 404 on an older commit)."""
    request = urllib.request.Request(  # noqa: S310 (loopback http)
        base + path, headers={"X-Forwarded-Proto": "https", "Cookie": f"sessionid={session}"}
    )
    try:
        with urllib.request.urlopen(request) as answer:  # noqa: S310
            return answer.status == 200 and urlsplit(answer.url).path == path
    except urllib.error.HTTPError:
        return False


def prepare(env, root, args):
    """Migrate, load and index the database of the checkout at root, and collect its static files."""
    if not args.skip_setup:
        manage(env, "migrate", "--noinput", root=root)
        manage(env, "load_initial_content", root=root)
        for kind, sample in SAMPLES:
            if (root / sample).exists():  # an older checkout (--compare) may not have the section
                manage(env, "import_records", "--kind", kind, sample, root=root)
        if (root / "examples" / "conference.json").exists():
            manage(env, "load_example_conference", root=root)
        manage(env, "update_index", root=root)
    manage(env, "collectstatic", "--noinput", root=root)


def measure_queries(env, root, pages):
    counts = subprocess.run(  # noqa: S603
        [PYTHON, "-c", QUERY_COUNTER, *(path for _name, path in pages)],
        cwd=root,
        env={**env, "PAGE_CACHE_SECONDS": "0"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    return {line.split()[0]: line.split()[1:] for line in counts if line.strip()}


def crawl(base, limit=400):
    """Every page of the site's own that links lead to from both home pages, up to limit (listings' filter and
    page links included), as paths."""
    seen, queue = [], ["/en/", "/zh-hans/"]
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        try:
            html = fetch(base + path)
        except (urllib.error.URLError, UnicodeDecodeError):
            continue
        for href in re.findall(r'href="(/(?:en|zh-hans)/[^"#]*)"', html):
            queue.append(href.replace("&amp;", "&"))
    return seen


def run_churn(env, root, paths, cache_seconds, seconds=60, clients=50, publish_every=5):
    """wrk over every path in turn while another process publishes a record every publish_every seconds."""
    script = Path(tempfile.mkdtemp(prefix="casted-churn-")) / "churn.lua"
    quoted = ", ".join(json.dumps(path) for path in paths)
    script.write_text(CHURN_SCRIPT.replace("PATHS", quoted), encoding="utf-8")
    with Server(env, cache_seconds=cache_seconds, root=root) as base:
        for path in paths:  # a running site's workers have served every page before: warm them as the page runs do
            fetch(base + path)
        publisher = subprocess.Popen(  # noqa: S603
            [PYTHON, "-c", PUBLISHER, str(seconds), str(publish_every)],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        result = run_wrk(base, seconds, clients, script)
        published = int(publisher.communicate(timeout=60)[0].strip() or 0)
    return {"cache": cache_seconds > 0, "clients": clients, "seconds": seconds, "published": published, **result}


CHURN_SCRIPT = """-- Every crawled path in turn, for the churn run of bench/run.py.
local paths = { PATHS }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], { ["X-Forwarded-Proto"] = "https" })
end
"""


def database_beside(url, workdir):
    """A database of its own for the checkout compared: a file beside this one's, or on PostgreSQL a new database
    on the same server, named after this one with _before (made anew)."""
    if url.startswith("sqlite"):
        return f"sqlite:///{workdir / 'before.sqlite3'}"
    import psycopg2
    from psycopg2 import sql

    server, _slash, name = url.rpartition("/")
    before = f"{name.split('?')[0]}_before"
    connection = psycopg2.connect(f"{server}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(before)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(before)))
    connection.close()
    return f"{server}/{before}"


def worktree(revision, workdir):
    """A checkout of revision beside this one (git worktree), removed again at exit."""
    import atexit

    folder = workdir / f"before-{revision}"
    subprocess.run(["git", "worktree", "add", "--detach", str(folder), revision], cwd=ROOT, check=True)  # noqa: S603,S607
    atexit.register(lambda: subprocess.run(["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT))  # noqa: S603,S607
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page (default 10)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections (default 4)")
    parser.add_argument("--json", default=str(ROOT / "bench" / "results.json"), help="where to write the JSON")
    parser.add_argument("--skip-setup", action="store_true", help="the database is migrated and loaded already")
    parser.add_argument(
        "--lighthouse",
        action="store_true",
        help="also score home, a listing and a detail page in both languages with Lighthouse (npm, Debian's Chromium)",
    )
    parser.add_argument(
        "--soak",
        action="store_true",
        help="also run 50 concurrent clients for 60 s against a mix of pages (bench/mix.lua), with the page cache",
    )
    parser.add_argument(
        "--scale",
        metavar="PROJECTS,PARTNERS,EVENTS[,NEWS,PUBLICATIONS]",
        help="add synthetic records first, e.g. 10000,2000,5000,3000,3000 (generate_scale_content; takes minutes)",
    )
    parser.add_argument("--compare", metavar="REV", help="measure a git worktree of REV beside this checkout")
    parser.add_argument(
        "--churn",
        action="store_true",
        help="also run 50 clients for 60 s over every crawled URL while a page is published every 5 s (needs Redis)",
    )
    parser.add_argument("--churn-seconds", type=int, default=60, help="how long each churn run lasts (default 60)")
    parser.add_argument("--staff", action="store_true", help="also the admin pages staff work in, logged in")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    redis_host = urlsplit(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7"))
    try:
        socket.create_connection((redis_host.hostname, redis_host.port or 6379), timeout=1).close()
    except OSError:
        raise SystemExit(
            f"Redis does not answer at {redis_host.netloc}: production runs with it, so does the bench."
        ) from None

    workdir = Path(tempfile.mkdtemp(prefix="casted-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "casted_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "ERROR",
        # Production shares Redis between its workers (without it, it caches nothing): so does the bench, under keys
        # of this run's own.
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7"),
        "REDIS_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",
        # Loopback has no TLS proxy: requests carry X-Forwarded-Proto, and what cannot (Lighthouse's own
        # robots.txt fetch) must not be redirected to an https that is not there.
        "SECURE_SSL_REDIRECT": "false",
    }
    database = env["DATABASE_URL"].split("@")[-1]
    print(f"Database: {database}", file=sys.stderr)
    prepare(env, ROOT, args)
    if args.scale:
        projects, partners, events, news, publications = (args.scale.split(",") + ["0", "0"])[:5]
        print(
            f"Adding {projects} projects, {partners} partners, {events} events, {news} news items and "
            f"{publications} publications…",
            file=sys.stderr,
        )
        manage(
            env,
            "generate_scale_content",
            *("--projects", projects, "--partners", partners, "--events", events),
            *("--news", news, "--publications", publications),
            "--allow-real-content",
        )
    before = None
    if args.compare:
        before_env = {
            **env,
            "DATABASE_URL": database_beside(env["DATABASE_URL"], workdir),
            "STATIC_ROOT": str(workdir / "before-static"),
            "REDIS_KEY_PREFIX": f"bench-before-{secrets.token_hex(4)}",  # older commits ignore it: a database of its own
            "REDIS_URL": env["REDIS_URL"].rsplit("/", 1)[0] + "/8",
        }
        before = {"revision": args.compare, "root": worktree(args.compare, workdir), "env": before_env}
        prepare(before_env, before["root"], argparse.Namespace(skip_setup=False))

    pages = list(targets())
    measured = measure_queries(env, ROOT, pages)

    results = []
    with contextlib.ExitStack() as servers:
        base = servers.enter_context(Server(env, cache_seconds=0))
        before_base = before and servers.enter_context(Server(before["env"], cache_seconds=0, root=before["root"]))
        home = fetch(base + "/en/")
        stylesheet = re.search(r'href="(/static/css/site\.[^"]+\.css)"', home).group(1)
        static = run_wrk(base + stylesheet, args.duration, args.connections)
        for name, path in pages:
            status, queries, size, queries_after_publish, ms_after_publish = measured[path]
            row = {
                "page": name,
                "path": path,
                "status": int(status),
                "queries": int(queries),
                "html_bytes": int(size),
                "after_publish": {"queries": int(queries_after_publish), "ms": float(ms_after_publish)},
            }
            row["uncached"] = run_wrk(base + path, args.duration, args.connections)
            if before and answers(before_base + path):
                row["before"] = {"uncached": run_wrk(before_base + path, args.duration, args.connections)}
            results.append(row)
        staff = []
        if args.staff:
            session, staff_pages = staff_targets(env)
            before_staff = staff_targets(before["env"], before["root"]) if before else None
            for index, (name, path) in enumerate(staff_pages):
                if not staff_page_opens(base, path, session):
                    raise SystemExit(f"{path}: the staff session does not open it")
                wrk = run_wrk(base + path, args.duration, args.connections, cookie=session)
                row = {"page": name, "path": path, **wrk}
                before_session, before_path = (before_staff[0], before_staff[1][index][1]) if before else (None, None)
                if before and staff_page_opens(before_base, before_path, before_session):
                    row["before"] = run_wrk(
                        before_base + before_path, args.duration, args.connections, cookie=before_session
                    )
                staff.append(row)
    with contextlib.ExitStack() as servers:
        base = servers.enter_context(Server(env, cache_seconds=600))
        before_base = before and servers.enter_context(Server(before["env"], cache_seconds=600, root=before["root"]))
        for row in results:
            fetch(base + row["path"])  # the first request fills the cache
            row["cached"] = run_wrk(base + row["path"], args.duration, args.connections)
            if "before" in row:
                fetch(before_base + row["path"])
                row["before"]["cached"] = run_wrk(before_base + row["path"], args.duration, args.connections)
        soak = run_wrk(base, 60, 50, ROOT / "bench" / "mix.lua") if args.soak else None
        lighthouse = run_lighthouse(base) if args.lighthouse else None
        paths = crawl(base) if args.churn else []
    churn = None
    if args.churn:
        # Publishing happens in another process: the servers share its cache, as production's do (Redis).
        churn_env = env
        churn = {
            "urls": len(paths),
            "runs": [
                run_churn(churn_env, ROOT, paths, cache_seconds, seconds=args.churn_seconds)
                for cache_seconds in (600, 0)
            ],
        }

    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "database": database.split("?")[0] if "sqlite" not in database else "SQLite",
        "synthetic_records": synthetic_records(env),
        "load": f"wrk -t2 -c{args.connections} -d{args.duration}s, gunicorn 2 sync workers, production settings",
        "compared_with": args.compare,
        "static_file": {"path": stylesheet, **static},
        "pages": results,
        "staff_pages": staff,
        "soak": soak and {"clients": 50, "seconds": 60, "mix": "bench/mix.lua", **soak},
        "churn": churn,
        "lighthouse": lighthouse,
    }
    Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(report)


def synthetic_records(env):
    """How many records generate_scale_content added to the database benchmarked (here or beforehand)."""
    count = (
        "from wagtail.models import Page; print(Page.objects.filter(depth=4, slug_en__startswith='synthetic-').count())"
    )
    return int(
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", "shell", "-c", count], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        .stdout.strip()
        .splitlines()[-1]  # the shell may print its automatic imports first
    )


def print_table(report):
    print(f"{report['date']} · {report['machine']} · {report['database']} · {report['load']}")
    print("after a publish: the first request's queries and time, in-process, with the data caches empty")
    header = f"{'page':32} {'queries':>7} {'bytes':>7} {'uncached rps':>12} {'p50 ms':>7} {'p99 ms':>7} {'cached rps':>10} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} {'after publish':>13}"
    print(header)
    print("-" * len(header))
    for row in report["pages"]:
        uncached, cached, first = row["uncached"], row["cached"], row["after_publish"]
        print(
            f"{row['page']:32} {row['queries']:>7} {row['html_bytes']:>7} {uncached['rps']:>12.0f} "
            f"{uncached['p50_ms']:>7.1f} {uncached['p99_ms']:>7.1f} {cached['rps']:>10.0f} {cached['p50_ms']:>7.1f} "
            f"{cached['p99_ms']:>7.1f} {uncached['errors'] + cached['errors']:>6} "
            f"{first['queries']:>3} q {first['ms']:>5.0f} ms"
        )
    static = report["static_file"]
    print(
        f"{'static file (ceiling)':32} {'':>7} {'':>7} {static['rps']:>12.0f} {static['p50_ms']:>7.1f} {static['p99_ms']:>7.1f}"
    )
    for row in report.get("staff_pages") or []:
        beside = (
            f"   before: {row['before']['rps']:.0f} rps, p50 {row['before']['p50_ms']:.1f} ms"
            if "before" in row
            else ""
        )
        print(
            f"{row['page']:32} {'':>7} {'':>7} {row['rps']:>12.0f} {row['p50_ms']:>7.1f} {row['p99_ms']:>7.1f} "
            f"{'(logged in, never cached)':>26} {row['errors']:>6}{beside}"
        )
    if report.get("compared_with"):
        print(f"beside {report['compared_with']}, measured one after the other (requests per second, this / before):")
        for row in report["pages"]:
            before = row.get("before")
            if before is None:
                print(f"  {row['page']:32} (not in {report['compared_with']})")
                continue
            print(
                f"  {row['page']:32} uncached {row['uncached']['rps']:>6.0f} / {before['uncached']['rps']:>6.0f} "
                f"= {row['uncached']['rps'] / before['uncached']['rps']:.2f}   cached {row['cached']['rps']:>6.0f} / "
                f"{before['cached']['rps']:>6.0f} = {row['cached']['rps'] / before['cached']['rps']:.2f}"
            )
    for run in (report.get("churn") or {}).get("runs", []):
        print(
            f"churn, page cache {'on' if run['cache'] else 'off'}: {run['clients']} clients for {run['seconds']} s over "
            f"{report['churn']['urls']} URLs, {run['published']} publishes: {run['rps']:.0f} req/s, p50 "
            f"{run['p50_ms']:.1f} ms, p99 {run['p99_ms']:.1f} ms, {run['requests']} requests, {run['errors']} errors "
            f"{run['error_kinds'] or ''}"
        )
    if report.get("soak"):
        soak = report["soak"]
        print(
            f"soak: 50 clients for 60 s on a mix of pages (page cache on): {soak['rps']:.0f} req/s, "
            f"p50 {soak['p50_ms']:.1f} ms, p99 {soak['p99_ms']:.1f} ms, {soak['requests']} requests, {soak['errors']} errors"
        )
    for row in report.get("lighthouse") or []:
        if "error" in row:
            print(f"lighthouse {row['path']:38} failed: {row['error']}")
            continue
        print(
            f"lighthouse {row['path']:38} performance {row['performance']:>3}, accessibility {row['accessibility']:>3}, "
            f"best practices {row['best-practices']:>3}, SEO {row['seo']:>3}, first visit {row['first_visit_bytes']:,.0f} B"
        )


if __name__ == "__main__":
    main()

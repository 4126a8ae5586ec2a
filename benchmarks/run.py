#!/usr/bin/env python3
"""Benchmark payscrape against trafilatura on generated heavy pages (see benchmarks/README.md).

One command, one page set, one table::

    .venv/bin/python benchmarks/make_pages.py && .venv/bin/python benchmarks/run.py

Rows (all on the same pages, in the same run):

  (a) ``trafilatura.extract(html)``, default options            in-process, 1 core
  (b) ``payscrape.normalise(html)`` only                         in-process, 1 core
  (c) ``payscrape.extract(html)``, pipeline warmed up first      in-process, 1 core
  (d) ``payscrape extract DIR -o out.jsonl -j 1``               CLI subprocess, wall clock
  (e) ``payscrape extract DIR -o out.jsonl -j 2``               CLI subprocess, wall clock

Each in-process row runs in a fresh child Python process of its own, so that its peak RSS
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``, read in that child) belongs to that row only;
the timed loop starts after imports and a warm-up call on the first page. CLI rows are timed
around the subprocess (startup included) and their peak RSS is
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` read in a fresh wrapper process whose only
child is the CLI: the high-water mark of the largest single process of the run (with ``-j 2``
the parent or one worker, whichever was larger; not the sum). CLI startup is reported
separately by timing the same command on a directory holding one page.

Options: ``--profile`` runs cProfile over the in-process ``extract`` loop and prints the top 25
entries by cumulative time; ``--scaling`` runs the CLI (-j 1) over the N-page set and the
4N-page set and reports each peak RSS and their ratio; ``--limit M`` uses only the first M pages
for every row (still identical pages for all rows); ``--rows`` picks rows (e.g. ``--rows ac``).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import importlib
import io
import json
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # benchmarks/ is not a package
make_pages = importlib.import_module("make_pages")

ROWS = {
    "a": "trafilatura.extract (defaults)",
    "b": "payscrape.normalise only",
    "c": "payscrape.extract, 1 core",
    "d": "CLI extract -j 1",
    "e": "CLI extract -j 2",
}
IN_PROCESS = {"a": "trafilatura", "b": "normalise", "c": "extract"}

# The wrapper whose only child is the measured command: its RUSAGE_CHILDREN is that run's alone.
WRAPPER = r"""
import json, os, resource, subprocess, sys, tempfile, time
def busy():
    try:
        with open("/proc/stat") as fh:
            v = [int(x) for x in fh.readline().split()[1:9]]
        return (sum(v) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None
def hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
b0 = busy()
t0 = time.perf_counter()
log = tempfile.TemporaryFile()
proc = subprocess.Popen(sys.argv[1:], stdout=log, stderr=subprocess.STDOUT)
parent_kb = None
while proc.poll() is None:  # the CLI parent's own high-water mark (sampled: a lower bound)
    parent_kb = hwm(proc.pid) or parent_kb
    try:
        proc.wait(timeout=0.05)
    except subprocess.TimeoutExpired:
        pass
seconds = time.perf_counter() - t0
b1 = busy()
log.seek(0)
output = log.read()
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = ru.ru_utime + ru.ru_stime
print(json.dumps({"seconds": seconds, "rc": proc.returncode, "maxrss_kb": ru.ru_maxrss, "cpu": cpu,
                  "parent_hwm_kb": parent_kb,
                  "other_cpu": None if b0 is None else max(0.0, b1 - b0 - cpu),
                  "stderr": output.decode("utf-8", "replace")[-2000:]}))
"""


def wait_for_quiet(limit: float, threshold: float = 0.25, window: float = 2.0) -> float | None:
    """Wait (at most ``limit`` s) for a ``window`` in which other processes use < ``threshold``
    cores; return the load seen in the last window (None without /proc/stat)."""
    deadline = time.monotonic() + limit
    while True:
        b0 = cpu_busy_seconds()
        time.sleep(window)
        b1 = cpu_busy_seconds()
        if b0 is None or b1 is None:
            return None
        load = (b1 - b0) / window
        if load < threshold or time.monotonic() >= deadline:
            return load


def cpu_busy_seconds() -> float | None:
    """Busy CPU seconds of the whole machine so far (all cores; /proc/stat, Linux only)."""
    try:
        with open("/proc/stat") as fh:
            v = [int(x) for x in fh.readline().split()[1:9]]
        return (sum(v) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")  # minus idle and iowait
    except (OSError, ValueError):
        return None


# ---------------------------------------------------------------------------------------------
# page sets
# ---------------------------------------------------------------------------------------------

def page_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in (".html", ".htm"))


def ensure_pages(directory: Path, n: int, seed: int, generate: bool) -> list[Path]:
    if generate and not make_pages.pages_ok(directory, n, seed):
        print(f"generating {n} pages into {directory} ...", flush=True)
        make_pages.write_pages(directory, n, seed)
    files = page_files(directory) if directory.is_dir() else []
    if not files:
        sys.exit(f"run.py: no pages in {directory}; run benchmarks/make_pages.py first")
    return files


def subset_dir(files: list[Path], tmp: Path, name: str) -> Path:
    """A directory of symlinks to exactly these pages (for the CLI)."""
    d = tmp / name
    d.mkdir()
    for f in files:
        (d / f.name).symlink_to(f.resolve())
    return d


# ---------------------------------------------------------------------------------------------
# in-process rows (each in a fresh child process)
# ---------------------------------------------------------------------------------------------

def worker(variant: str, directory: Path, limit: int | None) -> None:
    """Child-process body: time one in-process variant and print a JSON result."""
    files = page_files(directory)[:limit]
    texts = [f.read_bytes().decode("utf-8") for f in files]
    if variant == "trafilatura":
        import trafilatura
        fn = trafilatura.extract
    else:
        import payscrape
        fn = payscrape.normalise if variant == "normalise" else payscrape.extract
    fn(texts[0])  # warm-up: imports, pipeline and vocabulary build, regex compilation
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    errors = 0
    busy0 = cpu_busy_seconds()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    for html in texts:
        try:
            fn(html)
        except Exception:  # noqa: BLE001 - count, don't stop
            errors += 1
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    busy1 = cpu_busy_seconds()
    other = None if busy0 is None or busy1 is None else max(0.0, busy1 - busy0 - cpu)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "other_cpu": other, "pages": len(texts),
                      "errors": errors,
                      "rss_before_kb": rss_before,
                      "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def run_in_process(variant: str, directory: Path, limit: int | None) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_worker", variant,
           "--pages", str(directory)] + (["--limit", str(limit)] if limit else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return {"failed": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else
                f"exit {proc.returncode}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------------------------------------
# CLI rows
# ---------------------------------------------------------------------------------------------

def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("payscrape")
    return [str(script)] if script.exists() else [sys.executable, "-m", "payscrape"]


def run_cli(directory: Path, out: Path, jobs: int) -> dict:
    cmd = cli_command() + ["extract", str(directory), "-o", str(out), "-j", str(jobs), "-q"]
    proc = subprocess.run([sys.executable, "-c", WRAPPER] + cmd, capture_output=True, text=True,
                          check=False)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    rows = errors = 0
    if out.exists():
        with out.open(encoding="utf-8") as fh:
            for line in fh:
                rows += 1
                errors += json.loads(line).get("error") is not None
    result.update(rows=rows, errors=errors)
    if result["rc"] not in (0, 1):
        result["failed"] = f"exit {result['rc']}: {result['stderr'].strip()[-300:]}"
    return result


# ---------------------------------------------------------------------------------------------
# reporting
# ---------------------------------------------------------------------------------------------

def versions() -> str:
    """Package versions from their metadata: nothing is imported, so this process stays small.

    (Children inherit their parent's RSS high-water mark through fork+exec on Linux, so the
    parent of the measured processes must not load payscrape or trafilatura itself.)
    """
    from importlib.metadata import PackageNotFoundError, version

    out = [f"python {platform.python_version()}"]
    for dist in ("payscrape", "trafilatura", "spacy", "lxml", "lxml_html_clean"):
        try:
            out.append(f"{dist} {version(dist)}")
        except PackageNotFoundError:
            out.append(f"{dist} not installed")
    return ", ".join(out)


def git_state() -> str:
    """The commit measured, and whether src/ has uncommitted changes (payscrape is installed
    editable, so the working tree is what runs)."""
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE.parent, check=True,
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "src"], cwd=HERE.parent,
                               check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "git: unknown"
    return f"commit {rev}" + (" + uncommitted changes in src/" if dirty else "")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f}"


def print_table(results: dict[str, dict], n: int, total_bytes: int,
                startup: dict[int, dict]) -> None:
    head = (f"{'row':<34} {'pages':>5} {'wall s':>7} {'CPU s':>7} {'pages/s':>8} {'MB/s':>6} "
            f"{'ms/page':>8} {'peak RSS MB':>11} {'other load':>10}")
    print(head)
    print("-" * len(head))

    def other(r: dict) -> str:
        o = r.get("other_cpu")
        return "?" if o is None else f"{o / r['seconds']:.2f} cores"

    for key, label in ROWS.items():
        if key not in results:
            continue
        r = results[key]
        name = f"({key}) {label}"
        if "failed" in r:
            print(f"{name:<34} FAILED: {r['failed']}")
            continue
        s = r["seconds"]
        print(f"{name:<34} {n:>5} {s:>7.2f} {r['cpu']:>7.2f} {n / s:>8.2f} "
              f"{total_bytes / 1e6 / s:>6.2f} "
              f"{1000 * s / n:>8.1f} {mb(r['maxrss_kb']):>11} {other(r):>10}")
    for jobs, r in startup.items():
        name = f"  startup: CLI -j {jobs} on 1 page"
        if "failed" in r:
            print(f"{name:<34} FAILED: {r['failed']}")
        else:
            print(f"{name:<34} {1:>5} {r['seconds']:>7.2f} {r['cpu']:>7.2f} "
                  f"{'':>8} {'':>6} {'':>8} "
                  f"{mb(r['maxrss_kb']):>11} {other(r):>10}")
    print()
    print("wall s: timed loop (a-c, after imports and a warm-up page) or whole subprocess (d, e:")
    print("  startup included). CPU s: user+sys of the loop / of all CLI processes (workers too).")
    print("peak RSS: (a-c) ru_maxrss of RUSAGE_SELF in a fresh child process per row "
          "(RSS before the")
    print("  loop: " + ", ".join(f"({k}) {mb(results[k]['rss_before_kb'])} MB" for k in IN_PROCESS
                                if k in results and "failed" not in results[k]) + ");")
    print("  (d, e) ru_maxrss of RUSAGE_CHILDREN in a wrapper whose only child is the CLI: the")
    print("  largest single process (with -j 2 the parent or one worker, not their sum).")
    print("other load: average CPU cores used by other processes on the machine during the row")
    print("  (/proc/stat busy time minus the row's own CPU time); above ~0.2 the figures are "
          "noisy.")


def summarise(results: dict[str, dict], n: int, startup: dict[int, dict]) -> None:
    ok = {k: r for k, r in results.items() if "failed" not in r}
    print()
    if "a" in ok and "c" in ok:
        ratio = ok["a"]["seconds"] / ok["c"]["seconds"]
        cpu_ratio = ok["a"]["cpu"] / ok["c"]["cpu"]
        print(f"payscrape.extract / trafilatura.extract, pages/s on one core: {ratio:.2f}x wall "
              f"({cpu_ratio:.2f}x by CPU time; "
              f"{'payscrape faster' if ratio > 1 else 'payscrape slower'})")
    if "b" in ok and "c" in ok:
        print(f"normalise as a share of payscrape.extract time: "
              f"{ok['b']['seconds'] / ok['c']['seconds']:.0%} wall, "
              f"{ok['b']['cpu'] / ok['c']['cpu']:.0%} CPU")
    if "d" in ok and "e" in ok:
        print(f"CLI -j 2 / -j 1 speed-up, wall clock incl. startup: "
              f"{ok['d']['seconds'] / ok['e']['seconds']:.2f}x")
        s1, s2 = startup.get(1, {}), startup.get(2, {})
        if "seconds" in s1 and "seconds" in s2 and n > 1:
            # the 1-page run holds startup plus one page: subtract it to get the steady state
            r1 = (n - 1) / max(1e-9, ok["d"]["seconds"] - s1["seconds"])
            r2 = (n - 1) / max(1e-9, ok["e"]["seconds"] - s2["seconds"])
            print(f"CLI steady state (minus the 1-page run): -j 1 {r1:.2f} pages/s, -j 2 {r2:.2f} "
                  f"pages/s, speed-up {r2 / r1:.2f}x")
    noisy = [k for k, r in ok.items() if r.get("other_cpu") is not None
             and r["other_cpu"] / r["seconds"] > 0.2]
    if noisy:
        print(f"WARNING: other processes kept the CPUs busy during row(s) {', '.join(noisy)}; "
              "wall-clock figures there are pessimistic (compare CPU s, or rerun on a quiet "
              "machine, e.g. with --wait-quiet 300)")
    for k, r in ok.items():
        if r.get("errors"):
            print(f"note: row ({k}) had {r['errors']} pages that raised or became error rows")
        if k in ("d", "e") and r.get("rows") != n:
            print(f"note: row ({k}) wrote {r.get('rows')} rows for {n} pages")


def profile(files: list[Path], top: int = 25) -> None:
    import payscrape

    texts = [f.read_bytes().decode("utf-8") for f in files]
    payscrape.extract(texts[0])  # warm-up outside the profile
    prof = cProfile.Profile()
    prof.enable()
    for html in texts:
        try:
            payscrape.extract(html)
        except payscrape.PayscrapeError:
            pass
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    print(f"\ncProfile of payscrape.extract over {len(texts)} pages (top {top} by cumulative time; "
          f"profiling overhead inflates the totals)")
    text = buf.getvalue()
    print(text[text.find("   ncalls"):].rstrip() if "   ncalls" in text else text)


def scaling(n: int, seed: int, out_dir: Path, generate: bool, tmp: Path,
            jobs_list: list[int]) -> None:
    big_dir = make_pages.scaled_dir(out_dir)
    small = ensure_pages(out_dir, n, seed, generate)
    big = ensure_pages(big_dir, make_pages.SCALING_FACTOR * n, seed, generate)
    k = make_pages.SCALING_FACTOR
    print(f"\nmemory scaling: CLI extract over {len(small)} and {len(big)} pages. peak RSS = "
          "RUSAGE_CHILDREN of a wrapper whose only child is the CLI (largest single process);")
    print("parent HWM = VmHWM of the CLI's own (parent) process, sampled every 50 ms.")
    for jobs in jobs_list:
        res = []
        for name, files, d in (("N", small, out_dir), (f"{k}N", big, big_dir)):
            size = sum(f.stat().st_size for f in files)
            r = run_cli(d, tmp / f"scaling-{name}-j{jobs}.jsonl", jobs)
            if "failed" in r:
                print(f"  -j {jobs} {name}: FAILED: {r['failed']}")
                break
            res.append(r)
            parent = mb(r["parent_hwm_kb"]) if r.get("parent_hwm_kb") else "?"
            print(f"  -j {jobs} {name:>3}: {len(files):>5} pages {size / 1e6:6.1f} MB "
                  f"{r['seconds']:7.2f} s "
                  f"{len(files) / r['seconds']:6.2f} pages/s  peak RSS {mb(r['maxrss_kb'])} MB  "
                  f"parent HWM {parent} MB  other load {r['other_cpu'] / r['seconds']:.2f} cores  "
                  f"({r['rows']} rows, {r['errors']} errors)")
        if len(res) == 2:
            line = (f"  -j {jobs} ratio {k}N / N: peak RSS "
                    f"{res[1]['maxrss_kb'] / res[0]['maxrss_kb']:.2f}")
            if res[0].get("parent_hwm_kb") and res[1].get("parent_hwm_kb"):
                line += f", parent HWM {res[1]['parent_hwm_kb'] / res[0]['parent_hwm_kb']:.2f}"
            print(line + f"  (1.00 = flat; {k}.00 = grows with the input)")


# ---------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=Path, default=make_pages.DEFAULT_OUT,
                    help="page directory (default benchmarks/pages/, generated if missing)")
    ap.add_argument("--n", type=int, default=make_pages.DEFAULT_N,
                    help="pages in the generated set")
    ap.add_argument("--seed", type=int, default=make_pages.DEFAULT_SEED)
    ap.add_argument("--limit", type=int, default=None,
                    help="use only the first M pages (for every row)")
    ap.add_argument("--rows", default="abcde", help="which rows to run (default abcde)")
    ap.add_argument("--profile", action="store_true",
                    help="also cProfile the in-process extract loop, print the top 25 cumulative")
    ap.add_argument("--scaling", action="store_true",
                    help="also run the CLI over the N and 4N page sets and compare peak RSS")
    ap.add_argument("--scaling-jobs", default="1,2", metavar="J,J",
                    help="worker counts for --scaling (default 1,2)")
    ap.add_argument("--no-table", action="store_true",
                    help="skip the table (with --profile/--scaling)")
    ap.add_argument("--wait-quiet", type=float, default=0.0, metavar="SECONDS",
                    help="before each row, wait up to SECONDS for the machine to be idle "
                         "(other processes < 0.25 cores); for shared machines")
    ap.add_argument("--_worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args._worker:
        worker(args._worker, args.pages, args.limit)
        return 0

    # a custom --pages directory is used as it is; the default one is (re)generated to match
    generate = args.pages.resolve() == make_pages.DEFAULT_OUT.resolve() or not args.pages.exists()
    files = ensure_pages(args.pages, args.n, args.seed, generate)[:args.limit]
    n = len(files)
    total = sum(f.stat().st_size for f in files)
    manifest = args.pages / "MANIFEST.json"
    digest = json.loads(manifest.read_text())["sha256"][:16] if manifest.exists() else "-"
    print(f"payscrape benchmark  {dt.datetime.now().isoformat(timespec='seconds')}")
    print(f"machine: {cpu_model()}, {os.cpu_count()} cores; {versions()}")
    print(f"code: {git_state()}")
    print(f"pages: {n} from {args.pages} ({total / 1e6:.1f} MB, {total / n / 1e3:.1f} KB/page; "
          f"set sha256 {digest})\n", flush=True)

    tmp = Path(tempfile.mkdtemp(prefix="payscrape-bench-"))
    try:
        if not args.no_table:
            whole = args.limit is None or args.limit >= len(page_files(args.pages))
            use_dir = args.pages if whole else subset_dir(files, tmp, "subset")
            one_dir = subset_dir(files[:1], tmp, "one")
            results: dict[str, dict] = {}
            startup: dict[int, dict] = {}
            for key in args.rows:
                if key not in ROWS:
                    continue
                if args.wait_quiet:
                    load = wait_for_quiet(args.wait_quiet)
                    if load is not None and load >= 0.25:
                        print(f"  machine still busy ({load:.2f} cores) after "
                              f"{args.wait_quiet:.0f} s", file=sys.stderr)
                print(f"  running ({key}) {ROWS[key]} ...", file=sys.stderr, flush=True)
                if key in IN_PROCESS:
                    results[key] = run_in_process(IN_PROCESS[key], args.pages, args.limit)
                else:
                    jobs = 1 if key == "d" else 2
                    startup[jobs] = run_cli(one_dir, tmp / f"one-j{jobs}.jsonl", jobs)
                    results[key] = run_cli(use_dir, tmp / f"out-j{jobs}.jsonl", jobs)
            print_table(results, n, total, startup)
            summarise(results, n, startup)
        if args.scaling:
            scaling(args.n, args.seed, args.pages, generate, tmp,
                    [int(j) for j in args.scaling_jobs.split(",")])
        if args.profile:  # last: it loads payscrape into this process (see versions())
            profile(files)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

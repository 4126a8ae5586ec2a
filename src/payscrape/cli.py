"""Command line: ``payscrape extract | evaluate | train-classifier | normalise``.

Exit codes: 0 success; 1 some pages became error rows (``extract``) or a metric fell below
its floor (``evaluate --check``); 2 bad usage or unreadable arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

EXIT_OK, EXIT_PAGE_ERRORS, EXIT_USAGE = 0, 1, 2


def _fmt_for(output: str, fmt: str | None) -> str:
    if fmt:
        return fmt
    if output.endswith(".csv"):
        return "csv"
    if output.endswith(".parquet"):
        return "parquet"
    return "jsonl"


def cmd_extract(args: argparse.Namespace) -> int:
    from .batch import Summary, UsageError, format_summary, run
    from .config import Config

    fmt = _fmt_for(args.output, args.format)
    missing = [p for p in args.inputs if p != "-" and not Path(p).exists()]
    if missing:
        print(f"no such input: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    cfg = Config(spacy_model=args.model, page_type_model=args.page_type_model)
    tty = sys.stderr.isatty() and not args.quiet
    t0 = time.perf_counter()

    def progress(s: Summary) -> None:
        rate = s.pages / max(1e-9, time.perf_counter() - t0)
        print(f"\r{s.pages} pages  {rate:.1f} pages/s  {s.errors} errors",
              end="", file=sys.stderr, flush=True)

    try:
        summary = run(args.inputs, args.output, fmt=fmt, jobs=args.jobs, resume=args.resume,
                      config=cfg, progress=progress if tty else None)
    except UsageError as exc:  # e.g. --resume with CSV output, parquet without pyarrow
        print(f"payscrape extract: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if tty:
        print(file=sys.stderr)
    if not args.quiet:
        print(format_summary(summary), file=sys.stderr if args.output == "-" else sys.stdout)
    return EXIT_PAGE_ERRORS if summary.errors else EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import check_floors, evaluate, format_report, metrics

    scores = evaluate(args.root)
    values = metrics(scores)
    if args.json:
        print(json.dumps(values, indent=2, sort_keys=True))
    else:
        print(format_report(scores, verbose=args.verbose))
    if args.check:
        floors = json.loads(Path(args.check).read_text("utf-8"))
        failed = check_floors(values, floors)
        for f in failed:
            print(f"BELOW FLOOR {f}", file=sys.stderr)
        return EXIT_PAGE_ERRORS if failed else EXIT_OK
    return EXIT_OK


def cmd_train(args: argparse.Namespace) -> int:
    from .training import report, train_from_dir

    model, result = train_from_dir(args.labelled, cv=not args.no_cv)
    model.save(args.output)
    print(report(result))
    print(f"model written to {args.output}")
    return EXIT_OK


def cmd_normalise(args: argparse.Namespace) -> int:
    from .normalise import normalise

    data = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
    doc = normalise(data)
    if args.blocks:
        for b in doc.blocks:
            print(f"{b.kind:<10} {b.level} {doc.block_text(b)}")
    else:
        print(doc.text)
    for step in doc.explanations:
        print(f"# {step.step}: {step.detail} (x{step.count})", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="payscrape", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="extract records from pages, directories or dumps")
    e.add_argument("inputs", nargs="+",
                   help="files, directories, .jsonl and .warc(.gz) dumps, or - for stdin")
    e.add_argument("-o", "--output", default="-",
                   help="output path (.jsonl, .csv, .parquet) or - (stdout)")
    e.add_argument("--format", choices=("jsonl", "csv", "parquet"), default=None)
    e.add_argument("-j", "--jobs", type=int, default=1, help="worker processes")
    e.add_argument("--resume", action="store_true", help="skip pages already in the output")
    e.add_argument("--model", default=None, help="an installed spaCy pipeline to use")
    e.add_argument("--page-type-model", default=None, help="a page-type model JSON")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress or summary")
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser("evaluate", help="score extraction against *.expected.json golden files")
    v.add_argument("root", nargs="?", default="fixtures")
    v.add_argument("--json", action="store_true", help="print metrics as JSON")
    v.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    v.add_argument("--check", metavar="FLOORS", help="exit 1 if a metric is below its floor")
    v.set_defaults(func=cmd_evaluate)

    t = sub.add_parser("train-classifier", help="train a page-type model on labelled pages")
    t.add_argument("labelled", help="directory of pages with *.expected.json holding page_type")
    t.add_argument("-o", "--output", required=True, help="model JSON to write")
    t.add_argument("--no-cv", action="store_true", help="skip the cross-validation report")
    t.set_defaults(func=cmd_train)

    n = sub.add_parser("normalise", help="print a page's normalised text")
    n.add_argument("input")
    n.add_argument("--blocks", action="store_true")
    n.set_defaults(func=cmd_normalise)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # pragma: no cover
        return EXIT_OK
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

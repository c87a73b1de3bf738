"""Command line: `python -m iacc2016 <command>`. Each command exits non-zero with a clear
message on bad input, never with a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import paths
from .errors import DataValidationError


def _data_dir(args) -> Path:
    return Path(args.data) if getattr(args, "data", None) else paths.data_dir()


def _articles_dir(args) -> Path | None:
    arg = getattr(args, "articles", None)
    return Path(arg) if arg else paths.articles_dir()


def cmd_validate(args) -> int:
    from .validate import validate

    data_dir, articles = _data_dir(args), _articles_dir(args)
    if articles is not None and not articles.is_dir():
        print(f"validate: article folder {articles} does not exist", file=sys.stderr)
        return 2
    problems = validate(data_dir, articles, use_frictionless=not args.no_frictionless)
    for p in problems:
        print(p, file=sys.stderr)
    where = (
        "with the articles"
        if articles
        else "without the articles: no article folder, so snippets, quotes and hashes were not checked"
    )
    if problems:
        print(f"validate: {len(problems)} problem(s) ({where})", file=sys.stderr)
        return 1
    print(f"validate: data package is valid ({where})")
    return 0


def cmd_features(args) -> int:
    from . import features

    articles = _articles_dir(args)
    if articles is None or not articles.is_dir():
        message = "features: no article folder (set IACC_ARTICLES_DIR or place the articles in ../shared/seeds)"
        if args.if_available:
            print(message + "; skipped, committed term counts kept")
            return 0
        print(message, file=sys.stderr)
        return 2
    changed = features.write(_data_dir(args), articles)
    print("features: " + (f"updated {', '.join(changed)}" if changed else "up to date"))
    return 0


def cmd_datadict(args) -> int:
    from . import datadict

    target = datadict.write(_data_dir(args))
    print(f"datadict: wrote {paths.display_path(target)}")
    return 0


def cmd_browser(args) -> int:
    from . import browser

    return browser.ensure(allow_install=not args.no_install)


def cmd_sync(args) -> int:
    from .notebook_sync import update_notebook_from_py

    for nb in args.notebooks:
        if update_notebook_from_py(Path(nb)):
            print(f"sync: {Path(nb).name} updated from {Path(nb).with_suffix('.py').name}")
    return 0


def cmd_execute(args) -> int:
    from . import execute

    return execute.main(args.notebooks)


def cmd_nbval(args) -> int:
    import subprocess

    from .execute import nbval_command

    extra = ("--collect-only",) if args.collect_only else ()
    return subprocess.call(nbval_command(args.notebooks, workers=args.workers, extra=extra), cwd=paths.repo_root())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="iacc2016", description="Build steps of the Alibaba-IACC 2016 collection.")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check the data package (and the articles, when present)")
    v.add_argument("--data", help="data folder (default: data/ or $IACC_DATA_DIR)")
    v.add_argument("--articles", help="article folder (default: $IACC_ARTICLES_DIR or ../shared/seeds)")
    v.add_argument("--no-frictionless", action="store_true", help="skip the Frictionless pass")
    v.set_defaults(func=cmd_validate)
    f = sub.add_parser("features", help="derive hashes, word counts and term counts from the articles")
    f.add_argument("--data")
    f.add_argument("--articles")
    f.add_argument("--if-available", action="store_true", help="skip quietly when there is no article folder")
    f.set_defaults(func=cmd_features)
    d = sub.add_parser("datadict", help="regenerate data/README.md from datapackage.json")
    d.add_argument("--data")
    d.set_defaults(func=cmd_datadict)
    b = sub.add_parser("browser", help="make sure a Chromium is available for static chart images")
    b.add_argument("--no-install", action="store_true")
    b.set_defaults(func=cmd_browser)
    s = sub.add_parser("sync-notebooks", help="carry each notebook's .py source into its .ipynb")
    s.add_argument("notebooks", nargs="+")
    s.set_defaults(func=cmd_sync)
    e = sub.add_parser("execute", help="re-execute notebooks in place (atomically)")
    e.add_argument("notebooks", nargs="+")
    e.set_defaults(func=cmd_execute)
    n = sub.add_parser("nbval", help="strict nbval over notebooks (the regression run of make test)")
    n.add_argument("notebooks", nargs="+")
    n.add_argument("--workers", type=int, default=1, help="parallel workers (whole notebooks each)")
    n.add_argument("--collect-only", action="store_true", help="collect without running (for benchmarks)")
    n.set_defaults(func=cmd_nbval)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DataValidationError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"{args.command}: stopped; nothing was written", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not bad input: say so in one line
        if os.environ.get("IACC_DEBUG"):
            raise
        print(
            f"{args.command}: internal error ({exc.__class__.__name__}: {exc}); "
            "this is a bug, please report it (IACC_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())

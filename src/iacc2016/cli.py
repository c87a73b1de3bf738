"""Command line: `python -m iacc2016 <command>`. Each command exits non-zero with a clear
message on bad input, never with a traceback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import settings
from .data.problems import DataValidationError


def _data_dir(args) -> Path:
    return Path(args.data) if getattr(args, "data", None) else settings.data_dir()


def _articles_dir(args) -> Path | None:
    if getattr(args, "no_articles", False):
        return None
    arg = getattr(args, "articles", None)
    return Path(arg) if arg else settings.articles_dir()


def cmd_validate(args) -> int:
    from .data.validate import validate
    from .derive import features

    data_dir, articles = _data_dir(args), _articles_dir(args)
    if articles is not None and not articles.is_dir():
        print(f"validate: article folder {articles} does not exist", file=sys.stderr)
        return 2
    problems = validate(data_dir, articles)
    if articles is not None and not problems:  # derived files are compared once the data is sound
        problems += features.stale(data_dir, articles)
    for p in problems:
        print(p, file=sys.stderr)
    where = (
        "with the articles"
        if articles
        else "without the articles: snippets, quotes and hashes were not checked"
        + ("" if args.no_articles else " (no article folder)")
    )
    if problems:
        print(f"validate: {len(problems)} problem(s) ({where})", file=sys.stderr)
        return 1
    print(f"validate: data package is valid ({where})")
    return 0


def cmd_features(args) -> int:
    from .derive import features

    articles = _articles_dir(args)
    if articles is None or not articles.is_dir():
        message = f"features: no article folder (set {settings.ARTICLES_ENV} or place the articles in ../shared/seeds)"
        if args.if_available:
            print(message + "; skipped, committed term counts kept")
            return 0
        print(message, file=sys.stderr)
        return 2
    if args.check:
        problems = features.stale(_data_dir(args), articles)
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            print(f"features: {len(problems)} derived file(s) stale; run make features", file=sys.stderr)
            return 1
        print("features: derived files are up to date")
        return 0
    changed = features.write(_data_dir(args), articles)
    print("features: " + (f"updated {', '.join(changed)}" if changed else "up to date"))
    return 0


def cmd_datadict(args) -> int:
    from .data import datadict

    target = datadict.write(_data_dir(args))
    print(f"datadict: wrote {settings.display_path(target)}")
    return 0


def cmd_browser(args) -> int:
    from .present import browser

    return browser.ensure(allow_install=not args.no_install)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="iacc2016", description="Build steps of the Alibaba-IACC 2016 collection.")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check the data package (and the articles, when present)")
    v.add_argument("--data", help=f"data folder (default: data/ or ${settings.DATA_ENV})")
    v.add_argument("--articles", help=f"article folder (default: ${settings.ARTICLES_ENV} or ../shared/seeds)")
    v.add_argument("--no-articles", action="store_true", help="skip the checks against the article folder")
    v.set_defaults(func=cmd_validate)
    f = sub.add_parser("features", help="derive hashes, word counts and term counts from the articles")
    f.add_argument("--data")
    f.add_argument("--articles")
    f.add_argument("--if-available", action="store_true", help="skip quietly when there is no article folder")
    f.add_argument("--check", action="store_true", help="write nothing; exit 1 when a derived file is stale")
    f.set_defaults(func=cmd_features)
    d = sub.add_parser("datadict", help="regenerate data/README.md from datapackage.json")
    d.add_argument("--data")
    d.set_defaults(func=cmd_datadict)
    b = sub.add_parser("browser", help="make sure a Chromium is available for static chart images")
    b.add_argument("--no-install", action="store_true")
    b.set_defaults(func=cmd_browser)
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
    except OSError as exc:  # the machine, not the data: a read-only folder, a full disk
        where = settings.display_path(Path(exc.filename)) if exc.filename else "a file"
        print(f"{args.command}: cannot write or read {where} ({exc.strerror}); nothing was changed", file=sys.stderr)
        return 4
    except Exception as exc:  # a bug, not bad input: say so in one line
        if settings.debug_requested():
            raise
        print(
            f"{args.command}: internal error ({exc.__class__.__name__}: {exc}); "
            f"this is a bug, please report it ({settings.DEBUG_ENV}=1 shows the traceback)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())

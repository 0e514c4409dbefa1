"""The policy command line, shared by `python -m trustline.policy` and `trustline policy`.

check FILE...                 validate; errors name the line; exit 2 on any error
explain FILE --type R2 --category release_date --document judicial_warrant [facts]
diff OLD NEW                  every (type, category, document) cell whose decision changes
table FILE                    the whole decision table as CSV, one cell a line
"""

from __future__ import annotations

import argparse
import csv
from contextlib import redirect_stderr, redirect_stdout
from typing import TextIO

from .deciding import decide
from .errors import PolicyFileInvalid
from .loader import check, load_policy
from .model import Policy, Request
from .table import Change, decision_table, diff
from .vocabulary import (
    CATEGORIES,
    DECISIONS,
    DOCUMENTS,
    REQUEST_TYPES,
    REQUESTER_AGENCIES,
    SIDE_EFFECTS,
)

USAGE_ERROR = 2


def main(argv: list[str], stdout: TextIO, stderr: TextIO) -> int:
    parser = _parser()
    # argparse writes usage and help to sys.stdout/sys.stderr; point those at ours.
    with redirect_stdout(stdout), redirect_stderr(stderr):
        try:
            args = parser.parse_args(argv)
        except SystemExit as exit_:
            return exit_.code if isinstance(exit_.code, int) else USAGE_ERROR
    try:
        if args.command == "check":
            return _check(args.files, stdout, stderr)
        if args.command == "explain":
            return _explain(args, stdout)
        if args.command == "table":
            return _table(args.file, stdout)
        return _diff(args.old, args.new, args.side_effects, stdout)
    except PolicyFileInvalid as invalid:
        for error in invalid.errors:
            print(error, file=stderr)
        return USAGE_ERROR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="trustline policy", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    checking = commands.add_parser(
        "check",
        help="validate policy files",
        epilog=vocabulary_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    checking.add_argument("files", nargs="+", metavar="FILE")
    explaining = commands.add_parser("explain", help="decide one request and say why")
    explaining.add_argument("file", metavar="FILE")
    explaining.add_argument("--type", required=True, help="request type, R1–R11")
    explaining.add_argument("--category", required=True, help="information category")
    explaining.add_argument("--document", default="none", help="document kind")
    explaining.add_argument("--verified", action="store_true", help="a supervisor verified it")
    explaining.add_argument("--public", action="store_true", help="already public")
    explaining.add_argument("--consent", action="store_true", help="written consent on file")
    explaining.add_argument("--listed-conviction", action="store_true")
    explaining.add_argument("--purpose", default="", help="the requester's stated purpose")
    explaining.add_argument("--immigration-purpose", action="store_true")
    explaining.add_argument("--requester", default="", help="requesting agency type")
    differing = commands.add_parser("diff", help="cells whose decision changes")
    differing.add_argument("old", metavar="OLD")
    differing.add_argument("new", metavar="NEW")
    differing.add_argument(
        "--side-effects", action="store_true", help="also list cells whose side effects change"
    )
    tabling = commands.add_parser("table", help="the decision of every cell, as CSV")
    tabling.add_argument("file", metavar="FILE")
    return parser


def vocabulary_help() -> str:
    """Every value a policy file may use, for the reader writing one (the same closed
    sets that validation checks against)."""
    lines = ["values a policy file may use:", "  request types:"]
    lines += [f"    {code:<5} {meaning}" for code, meaning in REQUEST_TYPES.items()]
    lines.append("  information categories:")
    lines += [f"    {name}" for name in CATEGORIES]
    lines.append("  documents:")
    lines += [f"    {name}" for name in DOCUMENTS]
    lines.append("  decisions:")
    lines += [f"    {name}" for name in DECISIONS]
    lines.append("  requesting agencies:")
    lines += [f"    {name}" for name in REQUESTER_AGENCIES]
    lines.append("  side effects:")
    lines += [f"    {name:<22} {meaning}" for name, meaning in SIDE_EFFECTS.items()]
    return "\n".join(lines)


def _check(files: list[str], stdout: TextIO, stderr: TextIO) -> int:
    failed = False
    for path in files:
        errors = check(path)
        for error in errors:
            print(error, file=stderr)
        if errors:
            failed = True
            continue
        policy = load_policy(path)
        print(f"{path}: ok, {len(policy.rules)} rules, version {policy.version}", file=stdout)
    return USAGE_ERROR if failed else 0


def _explain(args: argparse.Namespace, stdout: TextIO) -> int:
    policy = load_policy(args.file)
    request = Request(
        type=args.type,
        category=args.category,
        document=args.document,
        verified_judicial=args.verified,
        public=args.public,
        consent=args.consent,
        listed_conviction=args.listed_conviction,
        stated_purpose=args.purpose,
        immigration_purpose=args.immigration_purpose,
        requester=args.requester,
    )
    decision = decide(request, policy)
    rows = [
        ("outcome", decision.outcome),
        ("decision", decision.decision),
        ("rule", decision.rule_id),
        ("citation", decision.citation),
        ("effective", decision.effective or "-"),
        ("reason", decision.reason),
        *(("why", note) for note in decision.notes),
        ("side effects", _effects(decision.side_effects)),
        ("policy", f"{policy.name} {policy.version}"),
    ]
    for label, value in rows:
        print(f"{label + ':':<14}{value}", file=stdout)
    return 0


def _effects(effects: tuple[str, ...]) -> str:
    if not effects:
        return "none"
    return "; ".join(f"{effect} ({SIDE_EFFECTS.get(effect, '?')})" for effect in effects)


def _diff(old_path: str, new_path: str, side_effects: bool, stdout: TextIO) -> int:
    old, new = load_policy(old_path), load_policy(new_path)
    changes = diff(old, new, side_effects=side_effects)
    print(f"{_label(old)} -> {_label(new)}: {len(changes)} cells change", file=stdout)
    for change in changes:
        print(f"{' '.join(change.cell)}: {_change(change, side_effects)}", file=stdout)
    return 0


def _change(change: Change, side_effects: bool) -> str:
    old, new = change.old, change.new
    text = f"{old.decision} [{old.rule_id}] -> {new.decision} [{new.rule_id}]"
    if side_effects and old.effects != new.effects:
        text += f"; side effects {old.effects} -> {new.effects}"
    return text


def _table(path: str, stdout: TextIO) -> int:
    writer = csv.writer(stdout, lineterminator="\n")
    writer.writerow(["type", "category", "document", "decision", "rule"])
    for cell, decided in decision_table(load_policy(path)).items():
        writer.writerow([*cell, decided.decision, decided.rule_id])
    return 0


def _label(policy: Policy) -> str:
    return f"{policy.name} ({policy.version[:12]})"

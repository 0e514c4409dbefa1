"""The `trustline` console command: Django's manage.py under the project's name.

A wrong setting, an unreachable database, a bad file or a wrong argument is the
operator's to fix, not a bug: it is said in one line, without a stack trace, with exit
status 2 (TRUSTLINE_DEBUG=1 shows the trace). Help needs no setting at all.
"""

from __future__ import annotations

import os
import secrets
import sys

EXPECTED_FAILURE = 2
SECRETS = ("TRUSTLINE_SECRET_KEY", "TRUSTLINE_RECEIPT_PEPPER")


def wants_help(args: list[str]) -> bool:
    return not args or args[0] == "help" or any(a in ("-h", "--help") for a in args)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["policy"]:
        # The policy tools are pure Python and run offline, on a counsel's laptop: they
        # need none of the server's settings or secrets.
        from trustline.policy.cli import main as policy

        sys.exit(policy(args[1:], sys.stdout, sys.stderr))
    if wants_help(args) and not any(os.environ.get(name) for name in SECRETS):
        # Printing help signs, seals and stores nothing, but the settings refuse to load
        # without secrets; this process gets random ones that die with it.
        for name in SECRETS:
            os.environ[name] = secrets.token_urlsafe(48)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustline.settings")
    sys.exit(run(args))


def run(args: list[str]) -> int:
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError

    debug = os.environ.get("TRUSTLINE_DEBUG") == "1"
    try:
        execute_from_command_line(["trustline", *args])
    except SystemExit as done:
        # Django ends a CommandError (a bad file, an unknown name) with status 1.
        if done.code is None or isinstance(done.code, int):
            return EXPECTED_FAILURE if done.code == 1 else (done.code or 0)
        print(done.code, file=sys.stderr)
        return EXPECTED_FAILURE
    except ImproperlyConfigured as wrong:
        if debug:
            raise
        print(f"trustline: {wrong}", file=sys.stderr)
        return EXPECTED_FAILURE
    except (OperationalError, ProgrammingError) as unreachable:
        if debug:
            raise
        first_line = str(unreachable).strip().splitlines()[0] if str(unreachable).strip() else ""
        if "no such table" in first_line or first_line.startswith("relation "):
            print(
                f"trustline: the database has no tables yet ({first_line}):"
                " run `trustline migrate` first.",
                file=sys.stderr,
            )
            return EXPECTED_FAILURE
        if isinstance(unreachable, ProgrammingError):
            raise  # not the operator's: a query that is wrong
        print(
            f"trustline: the database cannot be opened ({first_line}). Check DATABASE_URL,"
            " or for SQLite that TRUSTLINE_VAR_DIR exists and is writable.",
            file=sys.stderr,
        )
        return EXPECTED_FAILURE
    return 0


if __name__ == "__main__":
    main()

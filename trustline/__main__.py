"""The `trustline` console command: Django's manage.py under the project's name.

A wrong setting or an unreachable database is the operator's to fix, not a bug: it is
said in one line, without a stack trace (TRUSTLINE_DEBUG=1 shows the trace).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["policy"]:
        # The policy tools are pure Python and run offline, on a counsel's laptop: they
        # need none of the server's settings or secrets.
        from trustline.policy.cli import main as policy

        sys.exit(policy(args[1:], sys.stdout, sys.stderr))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trustline.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(["trustline", *args])
    except ImproperlyConfigured as wrong:
        if os.environ.get("TRUSTLINE_DEBUG") == "1":
            raise
        sys.exit(f"trustline: {wrong}")
    except OperationalError as unreachable:
        if os.environ.get("TRUSTLINE_DEBUG") == "1":
            raise
        first_line = str(unreachable).strip().splitlines()[0] if str(unreachable).strip() else ""
        sys.exit(
            f"trustline: the database cannot be opened ({first_line}). Check DATABASE_URL,"
            " or for SQLite that TRUSTLINE_VAR_DIR exists and is writable."
        )


if __name__ == "__main__":
    main()

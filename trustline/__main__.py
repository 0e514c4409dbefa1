"""The `trustline` console command: Django's manage.py under the project's name."""

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
    from django.core.management import execute_from_command_line

    execute_from_command_line(["trustline", *args])


if __name__ == "__main__":
    main()

"""`python -m trustline.policy check|explain|diff|table ...`"""

from __future__ import annotations

import os
import sys

from .cli import main

if __name__ == "__main__":
    try:
        status = main(sys.argv[1:], sys.stdout, sys.stderr)
        sys.stdout.flush()
    except BrokenPipeError:
        # `... diff A B | head` closed the pipe early; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)

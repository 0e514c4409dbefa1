"""`trustline serve`: gunicorn with production settings.

The access log names no client: no address, no user agent, no referrer.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.core.wsgi import get_wsgi_application

ACCESS_LOG_FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


def forwarded_allow_ips() -> str:
    """Whose X-Forwarded-* headers gunicorn believes: nobody's unless the site runs behind
    a proxy (TRUSTLINE_BEHIND_PROXY), else a local request saying "https" would be
    treated as secure. Behind a proxy, loopback unless TRUSTLINE_FORWARDED_ALLOW_IPS
    names the proxy."""
    if settings.SECURE_PROXY_SSL_HEADER is None:
        return ""
    return os.environ.get("TRUSTLINE_FORWARDED_ALLOW_IPS", "127.0.0.1")


class Command(BaseCommand):
    help = "Serve Trustline with gunicorn (production settings)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("TRUSTLINE_BIND", "127.0.0.1:8000"))
        parser.add_argument(
            "--workers",
            type=int,
            # Requests are CPU-bound (templates, the firewall): one worker per core plus
            # one to cover database waits measured best on 2 cores (docs/benchmarks.md).
            default=int(os.environ.get("TRUSTLINE_WORKERS", (os.cpu_count() or 1) + 1)),
        )
        parser.add_argument(
            "--timeout", type=int, default=int(os.environ.get("TRUSTLINE_TIMEOUT", 30))
        )
        parser.add_argument("--no-collectstatic", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        from gunicorn.app.base import BaseApplication

        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        # The same application as trustline/wsgi.py, with the settings this command
        # already runs under: an app does not import the project module above it.
        application = get_wsgi_application()

        config = {
            "bind": options["bind"],
            "workers": options["workers"],
            "timeout": options["timeout"],
            "graceful_timeout": 10,
            "keepalive": 5,
            "max_requests": 5000,
            "max_requests_jitter": 500,
            "accesslog": "-",
            "access_log_format": ACCESS_LOG_FORMAT,
            "errorlog": "-",
            "forwarded_allow_ips": forwarded_allow_ips(),
            # gunicorn's control socket sits in the home folder by default, so a second
            # `trustline serve` on the machine fought the first for it; nothing uses it.
            "control_socket_disable": True,
        }

        class Server(BaseApplication):  # type: ignore[misc]
            def load_config(self) -> None:
                for key, value in config.items():
                    self.cfg.set(key, value)

            def load(self) -> Any:
                return application

        Server().run()

"""The anchor: the smallest Django app doing the reporter journey's three requests.

GET a form with a CSRF token, POST it (one INSERT), GET a receipt page. No firewall,
no audit trail, no receipt hashing: the framework's ceiling on this machine, run
beside Trustline in the same benchmark (benchmarks/load.py --anchor).
Served with: gunicorn benchmarks.anchor_app:application
"""

from __future__ import annotations

import os
import secrets

import django
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import path
from django.utils.html import escape

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ["TRUSTLINE_SECRET_KEY"],
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.sessions"],
    MIDDLEWARE=[
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
    ],
    CSRF_USE_SESSIONS=True,
    DATABASES={
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("ANCHOR_DB", "trustline_anchor"),
            "USER": "postgres",
            "HOST": "127.0.0.1",
            "CONN_MAX_AGE": 60,
        }
    },
)
django.setup()

from django.db import connection  # noqa: E402

FORM = (
    "<!doctype html><form method=post action=/en/report/>"
    '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
    '<input type="hidden" name="submission" value="{token}">'
    '<textarea name="narrative"></textarea><button>Send</button></form>'
)


def report_form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO anchor_report (narrative, receipt) VALUES (%s, %s)",
                [request.POST.get("narrative", ""), secrets.token_hex(10)],
            )
        request.session["receipt"] = secrets.token_hex(10)
        return redirect("/en/report/receipt/")
    return HttpResponse(FORM.format(csrf=get_token(request), token=secrets.token_urlsafe(24)))


def receipt(request: HttpRequest) -> HttpResponse:
    value = escape(request.session.get("receipt", ""))
    return HttpResponse(f'<p class="receipt" id="receipt">{value}</p>')


urlpatterns = [path("en/report/", report_form), path("en/report/receipt/", receipt)]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

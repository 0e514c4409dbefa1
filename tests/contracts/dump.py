"""Everything the database holds, as text, for contract tests to search."""

from __future__ import annotations

import re
import subprocess

from django.contrib.sessions.models import Session
from django.db import connection

from trustline.cases.models import Note
from trustline.intake.models import Message, Report
from trustline.vault import crypto
from trustline.vault.fields import SealedTextField

SEALED = re.compile(rb"v1:[A-Za-z0-9+/=]+")


def dump() -> bytes:
    """The whole database as its own tool dumps it: pg_dump on PostgreSQL (from its own
    connection, so only committed rows), the sqlite3 dump otherwise."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        command = ["pg_dump", "--no-owner", "-h", db["HOST"] or "127.0.0.1", "-U", db["USER"]]
        command += ["-p", str(db["PORT"] or 5432), db["NAME"]]
        return subprocess.run(command, check=True, capture_output=True).stdout  # noqa: S603
    connection.ensure_connection()
    raw = connection.connection
    return "\n".join(raw.iterdump()).encode()


def opened_in(dumped: bytes, report: Report) -> list[str]:
    """Every sealed value in a dump that the report's key opens, opened: what someone
    holding the key (an officer's wrap, the recovery shares) would read in it."""
    key = report.vault_key()
    assert key is not None, "open the report first"
    # Each kind of content is bound to its field and report (the models' own contexts).
    holders: list[Report | Message | Note] = [report, Message(report=report), Note(report=report)]
    contexts = [
        holder.vault_context(field.name)
        for holder in holders
        for field in type(holder)._meta.concrete_fields
        if isinstance(field, SealedTextField)
    ]
    opened = []
    for sealed in SEALED.findall(dumped):
        for context in contexts:
            try:
                opened.append(crypto.open_text(key, sealed.decode(), context))
            except crypto.CannotOpen:
                continue
    return opened


def database_text() -> str:
    chunks: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - names come from introspection
            for row in cursor.fetchall():
                chunks.extend(str(value) for value in row)
    # Session rows are encoded; read them as the application would.
    for session in Session.objects.all():
        chunks.append(str(session.get_decoded()))
    return "\n".join(chunks)


def column_names() -> list[tuple[str, str]]:
    columns = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                columns.append((table, column.name))
    return columns

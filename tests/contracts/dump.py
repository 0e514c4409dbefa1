"""Everything the database holds, as text, for contract tests to search."""

from __future__ import annotations

from django.contrib.sessions.models import Session
from django.db import connection


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

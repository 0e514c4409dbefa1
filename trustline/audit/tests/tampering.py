"""What an insider with direct database access does to the trail, in plain SQL: the
application itself cannot edit or delete an event. `reseal_head` is what only an
insider who also holds the server's secret key can do."""

from __future__ import annotations

from django.db import connection

from trustline.audit.models import GENESIS, AuditEvent, AuditHead
from trustline.audit.services import head_seal


def raw(sql: str, *params: str | int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def rehash_from(first_id: int) -> None:
    """Hide an edit: compute every later link and hash again, move the head along."""
    prev = AuditEvent.objects.get(id=first_id - 1).hash if first_id > 1 else GENESIS
    for event in AuditEvent.objects.filter(id__gte=first_id).order_by("id"):
        event.prev_hash = prev
        prev = event.compute_hash()
        raw(
            "UPDATE audit_auditevent SET prev_hash = %s, hash = %s WHERE id = %s",
            event.prev_hash,
            prev,
            event.id,
        )
    raw("UPDATE audit_audithead SET last_hash = %s", prev)
    reseal_head()


def reseal_head() -> None:
    """Seal the head as it now stands, with the server's secret key."""
    last_id, last_hash = AuditHead.objects.values_list("last_id", "last_hash").get(pk=1)
    raw("UPDATE audit_audithead SET seal = %s", head_seal(last_id, last_hash))

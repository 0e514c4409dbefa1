"""Who may see and do what at the records desk. Views never decide this themselves.

Records custodians and supervisors work the desk; auditors read it and change
nothing; everybody else (intake, investigators, IT) sees nothing of it. Not found
and not allowed look the same (RequestNotFound).
"""

from __future__ import annotations

from django.db.models import QuerySet

from trustline.disclosures.models import OutsideRequest
from trustline.roles import AUDITOR, RECORDS, SUPERVISOR, Actor, has_role

DESK_ROLES = frozenset({RECORDS, SUPERVISOR})
READER_ROLES = DESK_ROLES | {AUDITOR}


class RequestNotFound(Exception):
    """No such outside request, or not one this user may open."""


class NotAllowed(Exception):
    """The user may see the request but not do this to it."""


def may_read(user: Actor) -> bool:
    return has_role(user, *READER_ROLES)


def may_act(user: Actor) -> bool:
    return has_role(user, *DESK_ROLES)


def may_verify(user: Actor) -> bool:
    return has_role(user, SUPERVISOR)


def visible_requests(user: Actor) -> QuerySet[OutsideRequest]:
    if not may_read(user):
        return OutsideRequest.objects.none()
    return OutsideRequest.objects.all()


def get_request_for_user(user: Actor, request_id: int) -> OutsideRequest:
    """The only way a desk view or service loads an outside request."""
    found = visible_requests(user).filter(pk=request_id).first()
    if found is None:
        raise RequestNotFound
    return found


def get_request_to_act_on(user: Actor, request_id: int) -> OutsideRequest:
    """The request, locked for a change; NotAllowed for a reader who may not act."""
    found = get_request_for_user(user, request_id)
    if not may_act(user):
        raise NotAllowed("records desk")
    return OutsideRequest.objects.select_for_update().get(pk=found.pk)

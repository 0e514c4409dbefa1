"""The public figures of the records desk, counted from its decisions.

Only counts leave this module. A count above zero and below the small-count
threshold is shown as "fewer than N", so a figure cannot point at one person.
Every request counted here has its `disclosure.log` and `disclosure.decide` audit
events (OutsideRequest.audit_event_id, Decision.audit_event_id).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from trustline.disclosures.labels import OUTCOME_LABELS
from trustline.disclosures.models import Decision, OutsideRequest
from trustline.policy.vocabulary import REQUEST_TYPES
from trustline.screening.models import WithheldTally

MONTHS = range(1, 13)
# A column that counts a subset of the others (overrides are also declines or releases).
NOT_SUMMED = frozenset({"override"})
ESCALATED = OutsideRequest.Status.ESCALATED


@dataclass(frozen=True)
class Table:
    """Counts per month (rows 1-12) and column; `columns` keeps a stable order."""

    title: str
    columns: list[str]
    counts: dict[tuple[int, str], int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, column: str) -> str:
        return self.labels.get(column, column)

    def cell(self, month: int, column: str) -> int:
        return self.counts.get((month, column), 0)

    def year_total(self, column: str) -> int:
        return sum(self.cell(month, column) for month in MONTHS)

    def month_total(self, month: int) -> int:
        return sum(self.cell(month, c) for c in self.columns if c not in NOT_SUMMED)


@dataclass(frozen=True)
class Detainers:
    received: int
    declined: int
    honored: int
    other: int


@dataclass(frozen=True)
class Figures:
    year: int
    threshold: int
    tables: list[Table]
    detainers: Detainers
    withheld: Table

    @property
    def monthly_totals(self) -> list[int]:
        return [self.tables[0].month_total(month) for month in MONTHS]

    @property
    def total(self) -> int:
        return sum(self.monthly_totals)


def overall_outcome(outcomes: set[str]) -> str:
    """One word per request: released if anything was, counsel next, then the rest."""
    for outcome in ("release", "route_to_counsel", "decline"):
        if outcome in outcomes:
            return outcome
    return "not_collected" if outcomes else "decline"


def shown(count: int, threshold: int | None = None) -> str:
    limit = settings.TRUSTLINE_SMALL_COUNT if threshold is None else threshold
    if 0 < count < limit:
        return _("fewer than %(n)d") % {"n": limit}
    return str(count)


def figures_for(year: int) -> Figures:
    rows = [_row(outside) for outside in _requests_in(year)]
    by_type, by_agency, by_decision = (
        Counter[tuple[int, str]](),
        Counter[tuple[int, str]](),
        Counter[tuple[int, str]](),
    )
    detainers: Counter[str] = Counter()
    for month, rtype, agency, outcome, override in rows:
        by_type[(month, rtype)] += 1
        by_agency[(month, agency)] += 1
        by_decision[(month, outcome)] += 1
        if override:
            by_decision[(month, "override")] += 1
        if rtype == "R1":
            detainers[outcome] += 1
    tables = [
        Table(
            _("Requests by type"),
            _present(by_type, list(REQUEST_TYPES)),
            dict(by_type),
            _type_labels(),
        ),
        Table(
            _("Requests by requesting agency"),
            _present(by_agency, [code for code, _label in AGENCIES]),
            dict(by_agency),
            {code: str(label) for code, label in AGENCIES},
        ),
        Table(
            _("Requests by decision"),
            _present(by_decision, DECISION_ORDER),
            dict(by_decision),
            _decision_labels(),
        ),
    ]
    received = sum(detainers.values())
    return Figures(
        year=year,
        threshold=settings.TRUSTLINE_SMALL_COUNT,
        tables=tables,
        detainers=Detainers(
            received=received,
            declined=detainers["decline"],
            honored=detainers["release"],
            other=received - detainers["decline"] - detainers["release"],
        ),
        withheld=_withheld(year),
    )


DECISION_ORDER = ["decline", "release", "route_to_counsel", "not_collected", "override"]
AGENCIES = OutsideRequest.AgencyType.choices


def _type_labels() -> dict[str, str]:
    return {code: f"{code} {label}" for code, label in REQUEST_TYPES.items()}


def _decision_labels() -> dict[str, str]:
    labels = {code: str(label) for code, label in OUTCOME_LABELS.items()}
    labels["override"] = _("of which escalated to counsel (override)")
    return labels


def _present(counts: Counter[tuple[int, str]], order: list[str]) -> list[str]:
    """Every column of the vocabulary, so an empty one still reads "0"."""
    seen = {column for _month, column in counts}
    return [*order, *sorted(seen - set(order))]


def _requests_in(year: int) -> list[OutsideRequest]:
    zone = timezone.get_current_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=zone)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=zone)
    current = Prefetch(
        "decisions", queryset=Decision.objects.filter(current=True).only("request", "outcome")
    )
    return list(
        OutsideRequest.objects.filter(received_at__gte=start, received_at__lt=end)
        .only("received_at", "request_type", "agency_type", "status")
        .prefetch_related(current)
    )


def _row(outside: OutsideRequest) -> tuple[int, str, str, str, bool]:
    month = timezone.localtime(outside.received_at).month
    outcome = overall_outcome({d.outcome for d in outside.decisions.all()})
    return month, outside.request_type, outside.agency_type, outcome, outside.status == ESCALATED


def _withheld(year: int) -> Table:
    tallies = WithheldTally.objects.filter(month__year=year)
    counts = {(t.month.month, t.category): t.count for t in tallies}
    columns = sorted({category for _month, category in counts})
    return Table(_("Spans withheld by the firewall"), columns, counts)

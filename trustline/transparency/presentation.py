"""Figures as rows of shown strings (small counts suppressed), for every format."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.dates import MONTHS_3
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from trustline.transparency.charts import bar_chart
from trustline.transparency.figures import MONTHS, Figures, Table, shown


@dataclass(frozen=True)
class ShownTable:
    title: str
    header: list[str]
    rows: list[list[str]]  # first cell the month, or "Year" for the last row


def month_name(month: int) -> str:
    """The month's short name in the page's language."""
    return str(MONTHS_3[month]).capitalize()


def shown_table(table: Table, threshold: int) -> ShownTable:
    """One row per month and a year row; a total column sums the month."""
    rows = [
        [
            month_name(month),
            *(shown(table.cell(month, c), threshold) for c in table.columns),
            shown(table.month_total(month), threshold),
        ]
        for month in MONTHS
    ]
    year = [shown(table.year_total(c), threshold) for c in table.columns]
    total = sum(table.month_total(month) for month in MONTHS)
    rows.append([_("Year"), *year, shown(total, threshold)])
    header = [_("Month"), *map(table.label, table.columns), _("Total")]
    return ShownTable(table.title, header, rows)


def detainer_rows(figures: Figures) -> list[list[str]]:
    d, n = figures.detainers, figures.threshold
    return [
        [_("Received"), shown(d.received, n)],
        [_("Declined"), shown(d.declined, n)],
        [_("Honored"), shown(d.honored, n)],
        [_("Other (sent to counsel)"), shown(d.other, n)],
    ]


def none_received(figures: Figures) -> str:
    """The statement Illinois asks for, when it is true."""
    if figures.detainers.received:
        return ""
    return _("No immigration detainer (hold) requests were received in %(year)d.") % {
        "year": figures.year
    }


def monthly_chart(figures: Figures) -> SafeString:
    totals = figures.monthly_totals
    return bar_chart(
        _("Outside requests per month, %(year)d") % {"year": figures.year},
        [month_name(month) for month in MONTHS],
        [shown(n, figures.threshold) for n in totals],
        [n if n >= figures.threshold else 0 for n in totals],
    )


def context_for(figures: Figures) -> dict[str, object]:
    return {
        "figures": figures,
        "tables": [shown_table(table, figures.threshold) for table in figures.tables],
        "withheld": shown_table(figures.withheld, figures.threshold),
        "detainers": detainer_rows(figures),
        "none_received": none_received(figures),
        "chart": monthly_chart(figures),
        "total": shown(figures.total, figures.threshold),
    }

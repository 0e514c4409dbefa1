"""The annual transparency report as HTML (inline SVG chart), CSV or PDF.

The same suppressed figures as the public page; `render(year, fmt)` returns bytes.
"""

from __future__ import annotations

import csv
import io

from django.template.loader import render_to_string

from trustline.intake.models import AgencyProfile
from trustline.transparency.figures import Figures, figures_for
from trustline.transparency.pdf import pdf_report
from trustline.transparency.presentation import (
    ShownTable,
    context_for,
    detainer_rows,
    none_received,
    shown_table,
)

FORMATS = ("html", "csv", "pdf")


def render(year: int, fmt: str) -> bytes:
    figures = figures_for(year)
    if fmt == "html":
        return html_report(figures).encode("utf-8")
    if fmt == "csv":
        return csv_report(figures).encode("utf-8")
    if fmt == "pdf":
        return pdf_report(AgencyProfile.current().shown_name(), figures, all_tables(figures))
    raise ValueError(f"unknown format {fmt!r}")


def all_tables(figures: Figures) -> list[ShownTable]:
    detainers = ShownTable(
        "Immigration detainers (R1)", ["", str(figures.year)], detainer_rows(figures)
    )
    monthly = [shown_table(table, figures.threshold) for table in figures.tables]
    return [detainers, *monthly, shown_table(figures.withheld, figures.threshold)]


def html_report(figures: Figures) -> str:
    context = {**context_for(figures), "agency": AgencyProfile.current()}
    return render_to_string("transparency/report.html", context)


def csv_report(figures: Figures) -> str:
    """Long format, one figure a line: table, row, column, value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["table", "row", "column", "value"])
    statement = none_received(figures)
    if statement:
        writer.writerow(["statement", "", "", statement])
    for table in all_tables(figures):
        for row in table.rows:
            for column, value in zip(table.header[1:], row[1:], strict=True):
                writer.writerow([table.title, row[0], column, value])
    return out.getvalue()

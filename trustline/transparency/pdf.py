"""The PDF form of the report, drawn with fpdf2 (pure Python, no system packages)."""

from __future__ import annotations

from fpdf import FPDF

from trustline.transparency.figures import Figures
from trustline.transparency.presentation import ShownTable, none_received

CHART_HEIGHT = 40.0


def pdf_report(agency: str, figures: Figures, tables: list[ShownTable]) -> bytes:
    pdf = FPDF(orientation="landscape")
    pdf.set_title(f"Transparency report {figures.year}")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(
        text=_latin(f"{agency}: requests from other agencies, {figures.year}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font("Helvetica", size=10)
    statement = none_received(figures)
    if statement:
        pdf.ln(2)
        pdf.cell(text=_latin(statement), new_x="LMARGIN", new_y="NEXT")
    _chart(pdf, figures)
    for table in tables:
        _table(pdf, table)
    return bytes(pdf.output())


def _chart(pdf: FPDF, figures: Figures) -> None:
    totals = [n if n >= figures.threshold else 0 for n in figures.monthly_totals]
    top = max(totals) or 1
    x0, y0 = pdf.l_margin, pdf.get_y() + 5
    width = (pdf.w - 2 * pdf.l_margin) / 12
    for index, value in enumerate(totals):
        height = CHART_HEIGHT * value / top
        pdf.rect(x0 + index * width + 1, y0 + CHART_HEIGHT - height, width - 2, height, style="F")
    pdf.set_y(y0 + CHART_HEIGHT + 4)


def _table(pdf: FPDF, table: ShownTable) -> None:
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(text=_latin(table.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=7)
    with pdf.table(text_align="LEFT", first_row_as_headings=True) as grid:
        for row in [table.header, *table.rows]:
            cells = grid.row()
            for value in row:
                cells.cell(_latin(value))


def _latin(text: str) -> str:
    """The core PDF fonts know Latin-1 only; anything else becomes '?'."""
    return (
        text.replace("–", "-")
        .replace("“", '"')
        .replace("”", '"')
        .encode("latin-1", "replace")
        .decode("latin-1")
    )

"""The PDF form of the report, drawn with fpdf2 in fonts that cover every offered script.

DejaVu Sans (Debian's fonts-dejavu-core) carries Latin with Vietnamese marks, Cyrillic
and Arabic; WenQuanYi Micro Hei (fonts-wqy-microhei) is the fallback for Chinese and
Korean. Text is shaped with HarfBuzz (uharfbuzz), so Arabic is joined and runs right to
left. Only the glyphs used are embedded. On a host without those fonts the report is
still drawn, in the core fonts, where anything outside Latin-1 becomes "?";
docs/deploy.md lists the packages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF

from trustline.transparency.figures import Figures
from trustline.transparency.presentation import ShownTable, none_received

CHART_HEIGHT = 40.0
FONTS = Path("/usr/share/fonts/truetype")
FAMILY = {"": FONTS / "dejavu/DejaVuSans.ttf", "B": FONTS / "dejavu/DejaVuSans-Bold.ttf"}
FALLBACK = FONTS / "wqy/wqy-microhei.ttc"  # one face serves both styles
CORE = "Helvetica"


def unicode_fonts() -> bool:
    """Whether the fonts that cover every script are installed."""
    return all(path.is_file() for path in (*FAMILY.values(), FALLBACK))


def pdf_report(agency: str, figures: Figures, tables: list[ShownTable]) -> bytes:
    pdf = FPDF(orientation="landscape")
    pdf.set_title(f"Transparency report {figures.year}")
    family = _fonts(pdf)
    text = _as_is if family != CORE else _latin
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.cell(
        text=text(f"{agency}: requests from other agencies, {figures.year}"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.set_font(family, size=10)
    statement = none_received(figures)
    if statement:
        pdf.ln(2)
        pdf.cell(text=text(statement), new_x="LMARGIN", new_y="NEXT")
    _chart(pdf, figures)
    for table in tables:
        _table(pdf, table, family, text)
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


def _table(pdf: FPDF, table: ShownTable, family: str, text: Callable[[str], str]) -> None:
    pdf.ln(4)
    pdf.set_font(family, "B", 12)
    pdf.cell(text=text(table.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=7)
    with pdf.table(text_align="LEFT", first_row_as_headings=True) as grid:
        for row in [table.header, *table.rows]:
            cells = grid.row()
            for value in row:
                cells.cell(text(value))


def _fonts(pdf: FPDF) -> str:
    """The family to write in: DejaVu with its fallback and shaping, or the core font."""
    if not unicode_fonts():
        return CORE
    for style, path in FAMILY.items():
        pdf.add_font("DejaVu", style, path)
        pdf.add_font("WenQuanYi", style, FALLBACK)
    pdf.set_fallback_fonts(["WenQuanYi"])
    pdf.set_text_shaping(True)
    return "DejaVu"


def _as_is(text: str) -> str:
    return text


def _latin(text: str) -> str:
    """The core PDF fonts know Latin-1 only; anything else becomes '?'."""
    return (
        text.replace("–", "-")
        .replace("“", '"')
        .replace("”", '"')
        .encode("latin-1", "replace")
        .decode("latin-1")
    )

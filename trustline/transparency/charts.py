"""Bar charts as inline SVG, drawn on the server: no JavaScript, no third-party asset."""

from __future__ import annotations

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT, BAR_GAP, LABEL_SPACE = 600, 200, 6, 20


def bar_chart(
    title: str, labels: list[str], values: list[str | int], heights: list[int]
) -> SafeString:
    """`values` are what is written above each bar (a suppressed count reads as text);
    `heights` are the numbers the bars are drawn from (suppressed ones drawn as 0)."""
    top = max(heights, default=0) or 1
    step = WIDTH / max(len(labels), 1)
    bars = []
    for index, (label, value, height) in enumerate(zip(labels, values, heights, strict=True)):
        bar = (HEIGHT - 2 * LABEL_SPACE) * height / top
        x = index * step + BAR_GAP / 2
        y = HEIGHT - LABEL_SPACE - bar
        middle = x + (step - BAR_GAP) / 2
        box = (f"{x:.1f}", f"{y:.1f}", f"{step - BAR_GAP:.1f}", f"{bar:.1f}")
        bars.append((*box, f"{middle:.1f}", f"{y - 4:.1f}", str(value), HEIGHT - 5, label))
    body = format_html_join(
        "",
        '<rect x="{0}" y="{1}" width="{2}" height="{3}"/>'
        '<text x="{4}" y="{5}" text-anchor="middle">{6}</text>'
        '<text x="{4}" y="{7}" text-anchor="middle">{8}</text>',
        bars,
    )
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%" '
        'xmlns="http://www.w3.org/2000/svg" font-size="11"><title>{}</title>{}</svg>',
        title,
        WIDTH,
        HEIGHT,
        escape(title),
        body,
    )

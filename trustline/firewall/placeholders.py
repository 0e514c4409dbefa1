"""The text that replaces a withheld span, in the reader's language.

Wording matters to a frightened reader: it must say the words were removed and not
kept, and never use a word that also means "detained" or "arrested" (Spanish
"retenido", French "retenu", Portuguese "retido" do). Each says "removed" and what kind
of thing it was, in the plainest words of that language.
"""

from __future__ import annotations

import re

STATUS, DOCUMENT_ID = "STATUS", "DOCUMENT_ID"

PLACEHOLDERS: dict[tuple[str, str], str] = {
    (STATUS, "en"): "[removed: immigration status]",
    (DOCUMENT_ID, "en"): "[removed: immigration document number]",
    (STATUS, "es"): "[borrado: situación migratoria]",
    (DOCUMENT_ID, "es"): "[borrado: número de documento migratorio]",
    (STATUS, "pt"): "[apagado: situação migratória]",
    (DOCUMENT_ID, "pt"): "[apagado: número de documento migratório]",
    (STATUS, "fr"): "[effacé : situation migratoire]",
    (DOCUMENT_ID, "fr"): "[effacé : numéro de document d’immigration]",
    (STATUS, "ht"): "[efase: sitiyasyon imigrasyon]",
    (DOCUMENT_ID, "ht"): "[efase: nimewo dokiman imigrasyon]",
    (STATUS, "tl"): "[binura: katayuan sa imigrasyon]",
    (DOCUMENT_ID, "tl"): "[binura: numero ng dokumento sa imigrasyon]",
    (STATUS, "vi"): "[đã xóa: tình trạng di trú]",
    (DOCUMENT_ID, "vi"): "[đã xóa: số giấy tờ di trú]",
    (STATUS, "zh"): "[已删除：移民身份]",
    (DOCUMENT_ID, "zh"): "[已删除：移民证件号码]",
    (STATUS, "ko"): "[삭제됨: 체류 신분]",
    (DOCUMENT_ID, "ko"): "[삭제됨: 이민 서류 번호]",
    (STATUS, "ar"): "[حُذف: وضع الهجرة]",
    (DOCUMENT_ID, "ar"): "[حُذف: رقم وثيقة الهجرة]",
    (STATUS, "ru"): "[удалено: иммиграционный статус]",
    (DOCUMENT_ID, "ru"): "[удалено: номер иммиграционного документа]",
}
PLACEHOLDER_LANGUAGES = tuple(sorted({lang for _, lang in PLACEHOLDERS}))

# Placeholders written by earlier versions stay recognisable in stored text.
_EARLIER = (
    "[withheld: immigration status]",
    "[withheld: immigration document number]",
    "[retenido: estatus migratorio]",
    "[retenido: número de documento migratorio]",
)


# Matched in the original text (the engine blanks them out of its folded copy), so a
# second scan never reads a placeholder as a disclosure.
PLACEHOLDER_RE = re.compile(
    "|".join(
        re.escape(p) for p in sorted({*PLACEHOLDERS.values(), *_EARLIER}, key=len, reverse=True)
    ),
    re.IGNORECASE,
)


def split_placeholders(text: str) -> list[tuple[bool, str]]:
    """Split stored text into (is_placeholder, piece) so a template can mark withheld parts."""
    pieces: list[tuple[bool, str]] = []
    last = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > last:
            pieces.append((False, text[last : match.start()]))
        pieces.append((True, match.group()))
        last = match.end()
    if last < len(text):
        pieces.append((False, text[last:]))
    return pieces

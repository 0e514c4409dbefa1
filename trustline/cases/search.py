"""Staff search refuses queries for immigration status: the system holds none, and
asking for it is itself something the oversight board should see."""

from __future__ import annotations

import re

from trustline.firewall import scan

# Single words a query might use that the firewall (which reads sentences) would
# rightly leave alone in a narrative, but that in a search box can only mean status.
STATUS_TERMS = re.compile(
    r"\b(undocumented|illegals?|aliens?|visas?|green\s*cards?|citizenship|citizens?|"
    r"immigra\w*|inmigra\w*|migratori\w*|deport\w*|daca|tps|asylum|asilo|refugee\w*|"
    r"indocumentad\w*|ilegal(es)?|papeles|ciudadan\w*|residencia|a-?number)\b",
    re.IGNORECASE,
)


def is_status_query(query: str) -> bool:
    return bool(query) and (bool(STATUS_TERMS.search(query)) or bool(scan(query)))

"""Line numbers of rules and their fields, found by scanning the file's text.

tomllib returns plain dicts without positions, so the text is read again: the n-th
`[[rule]]` header belongs to the n-th rule, and a field's line is the first
`key =` inside that rule's block.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[\s*rule\s*\]\]\s*(#.*)?$")
_ANY_HEADER = re.compile(r"^\s*\[")


class LineIndex:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        self._starts = [i for i, line in enumerate(self._lines) if _HEADER.match(line)]

    def rule_line(self, position: int, rule_id: object) -> int:
        """1-based line of the rule's header, else of its `id = "..."`, else 1."""
        if position < len(self._starts):
            return self._starts[position] + 1
        if isinstance(rule_id, str):
            pattern = re.compile(r"\bid\s*=\s*[\"']" + re.escape(rule_id) + r"[\"']")
            for number, line in enumerate(self._lines, 1):
                if pattern.search(line):
                    return number
        return 1

    def field_line(self, position: int, key: str) -> int:
        """1-based line of `key =` within the rule's block; the header line if absent."""
        if position >= len(self._starts):
            return self.rule_line(position, None)
        start = self._starts[position]
        pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        for index in range(start + 1, len(self._lines)):
            if _ANY_HEADER.match(self._lines[index]):
                break
            if pattern.match(self._lines[index]):
                return index + 1
        return start + 1

    def top_line(self, key: str) -> int:
        pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
        for number, line in enumerate(self._lines, 1):
            if _ANY_HEADER.match(line):
                break
            if pattern.match(line):
                return number
        return 1

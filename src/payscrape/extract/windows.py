"""Small text helpers shared by the extractors."""

from __future__ import annotations

import regex


def match_windows(rx: regex.Pattern[str], text: str, before: int, after: int
                  ) -> list[tuple[int, int]]:
    """Merged ``[start - before, end + after)`` windows around every match of ``rx``.

    Expensive grammars run only inside these windows, so their cost follows the number of
    anchor words (years, currency marks), not the length of the page.
    """
    spans: list[tuple[int, int]] = []
    for m in rx.finditer(text):
        a, b = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans

"""The audit's rules and severities by name, without the measuring machinery (``kview audit
--help`` lists them without importing Playwright or numpy)."""

from __future__ import annotations

SEVERITIES = ("error", "warning")
RULES = {
    "contrast": "text below WCAG 2 contrast (4.5:1; large text, 24px or 18.66px bold: 3:1) with what is behind it",
    "image-contrast": "an <svg> icon whose visible pixels stand out less than 3:1 from the background "
                      "behind it, or an <img> less than 1.5:1 (it vanishes)",
    "hardcoded-color": "a text colour set by an inline style that stays the same in light and dark "
                       "while the background behind it changes",
    "hardcoded-background": "an inline background colour that stays the same in light and dark while "
                            "what is around it changes",
}

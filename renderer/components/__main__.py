"""``python -m renderer.components [--write]``: print (or write) docs/components.md from the prop specs."""

from __future__ import annotations

import sys
from pathlib import Path

from . import prop_table_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "components.md"


def main(argv: list[str]) -> int:
    text = prop_table_markdown()
    if "--write" in argv:
        DOCS.write_text(text, encoding="utf-8")
        print(f"wrote {DOCS}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

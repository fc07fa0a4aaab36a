"""Fill the msgstr of a gettext catalogue from a JSON map {msgid: msgstr} (plural: [one, other]).

Used when translating a catalogue in bulk: `python scripts/fill_po.py PO_FILE MAP_JSON`. Entries already
translated are kept unless the map has them; fuzzy flags on filled entries are removed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ENTRY = re.compile(r'((?:#.*\n)*)msgid ((?:".*"\n)+)(msgid_plural ((?:".*"\n)+))?((?:msgstr(?:\[\d\])? (?:".*"\n)+)+)')


def unquote(block: str) -> str:
    return "".join(json.loads(line) for line in re.findall(r'(".*")', block))


def quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def fill(po_text: str, translations: dict[str, object]) -> tuple[str, list[str]]:
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        comments, msgid_block, plural_line, _plural_block, _ = match.groups()
        msgid = unquote(msgid_block)
        if not msgid:
            return match.group(0)
        value = translations.get(msgid)
        if value is None:
            if re.search(r'msgstr(?:\[\d\])? ""\n(?!")', match.group(5)):
                missing.append(msgid)
            return match.group(0)
        comments = comments.replace("#, fuzzy\n", "").replace(", fuzzy", "")
        head = f"{comments}msgid {msgid_block}"
        if plural_line:
            forms = value if isinstance(value, list) else [value]
            return head + plural_line + f"msgstr[0] {quote(forms[-1])}\n"
        return head + f"msgstr {quote(str(value))}\n"

    return ENTRY.sub(replace, po_text), missing


def main() -> None:
    po_path, map_path = Path(sys.argv[1]), Path(sys.argv[2])
    text, missing = fill(po_path.read_text(encoding="utf-8"), json.loads(map_path.read_text(encoding="utf-8")))
    placeholder = '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"'
    text = text.replace(placeholder, '"Plural-Forms: nplurals=1; plural=0;\\n"')
    po_path.write_text(text, encoding="utf-8")
    for msgid in missing:
        print(f"untranslated: {msgid}")


if __name__ == "__main__":
    main()

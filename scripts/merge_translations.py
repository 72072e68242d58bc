"""Fill unfinished kk/ru entries of i18n/*.ts from tab-separated files, then compile.

    python scripts/update_translations.py          # new strings arrive unfinished
    python scripts/merge_translations.py a.tsv b.tsv

Each line: context, source, Kazakh, Russian (tab-separated). Plural forms (`%n`) are given
as `form1 || form2 || …`; the last one repeats when the language has more forms. Lets several
people translate their own strings without editing the .ts files at the same time.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from update_translations import lrelease, ts_file  # noqa: E402

COLUMNS = {"kk": 2, "ru": 3}


def load(paths: list[Path]) -> dict[tuple[str, str], tuple[str, ...]]:
    table: dict[tuple[str, str], tuple[str, ...]] = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise SystemExit(f"{path}:{number}: expected 4 tab-separated columns")
            table[(parts[0], parts[1].replace("\\n", "\n"))] = tuple(
                p.replace("\\n", "\n") for p in parts
            )
    return table


def fill(language: str, table: dict[tuple[str, str], tuple[str, ...]]) -> list[str]:
    path = ts_file(language)
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            row = table.get((name, source))
            if row is None:
                missing.append(f"{language} {name}: {source!r}")
                continue
            text = row[COLUMNS[language]]
            if message.get("numerus") == "yes":
                given = [f.strip() for f in text.split("||")]
                forms = translation.findall("numerusform") or [
                    ET.SubElement(translation, "numerusform")
                ]
                for index, form in enumerate(forms):
                    form.text = given[min(index, len(given) - 1)]
            else:
                translation.text = text
            del translation.attrib["type"]
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def fill_english_plurals() -> None:
    """English is the source language; only its `%n` entries need forms: "(s)" → "" / "s"."""
    path = ts_file("en")
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None:
            continue
        if translation.get("type") != "unfinished":
            continue
        source = message.findtext("source") or ""
        forms = translation.findall("numerusform") or [ET.SubElement(translation, "numerusform")]
        while len(forms) < 2:
            forms.append(ET.SubElement(translation, "numerusform"))
        forms[0].text = source.replace("(s)", "")
        for form in forms[1:]:
            form.text = source.replace("(s)", "s")
        del translation.attrib["type"]
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def main(argv: list[str]) -> int:
    table = load([Path(a) for a in argv])
    missing = [line for language in COLUMNS for line in fill(language, table)]
    fill_english_plurals()
    lrelease()
    for line in missing:
        print("still unfinished:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Reading exported files back as Excel would: an XLSX's cells with their types and number
formats (from the file's XML: openpyxl is not a dependency), a CSV's bytes and rows."""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
BOM = b"\xef\xbb\xbf"

BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 14: "mm-dd-yy"}
"""ECMA-376's built-in number formats a writer may refer to by id alone."""


@dataclass(frozen=True)
class XCell:
    """A cell as stored: a float for a number or a date ("n"), else the string."""

    value: Any
    kind: str
    format: str

    @property
    def is_number(self) -> bool:
        return self.kind == "n"


def _formats(book: zipfile.ZipFile) -> list[str]:
    """The number format of each cell style (the `s` attribute of a cell)."""
    root = ElementTree.fromstring(book.read("xl/styles.xml"))
    custom = {
        int(fmt.get("numFmtId", "0")): fmt.get("formatCode", "")
        for fmt in root.iterfind("m:numFmts/m:numFmt", NS)
    }
    return [
        custom.get(int(xf.get("numFmtId", "0")))
        or BUILTIN_FORMATS.get(int(xf.get("numFmtId", "0")), "General")
        for xf in root.iterfind("m:cellXfs/m:xf", NS)
    ]


def read_cells(path: Path) -> list[list[XCell]]:
    """The first sheet's cells with their types and number formats."""
    with zipfile.ZipFile(path) as book:
        shared: list[str] = []
        if "xl/sharedStrings.xml" in book.namelist():
            root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root]
        formats = _formats(book)
        sheet = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iter(f"{{{NS['m']}}}row"):
        cells = []
        for cell in row.findall("m:c", NS):
            kind = cell.get("t", "n")
            text = cell.findtext("m:v", default="", namespaces=NS)
            style = formats[int(cell.get("s", "0"))]
            if kind == "s":
                value: Any = shared[int(text)]
            elif kind == "n":
                value = float(text)
            else:
                value = cell.findtext("m:is/m:t", default="", namespaces=NS)
            cells.append(XCell(value, kind, style))
        rows.append(cells)
    return rows


def read_xlsx(path: Path) -> list[list[Any]]:
    """The first sheet's values: numbers (typed "n") as floats, strings as str."""
    return [[cell.value for cell in row] for row in read_cells(path)]


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    return list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=delimiter))


def excel_day(serial: float) -> datetime:
    """An Excel date serial as a naive datetime (the 1900 system, as xlsxwriter writes)."""
    return datetime(1899, 12, 30) + timedelta(days=serial)

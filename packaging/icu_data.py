"""ICU's data library cut down to what Qt asks of it in this app (Linux bundles; build.spec).

PySide6's Linux wheels carry ICU, whose data library (libicudata.so.NN, 30 MiB) holds every
locale of the world. Qt Core calls ICU for collation (QCollator), locale-aware case mapping,
time-zone display names and legacy text encodings (QStringDecoder) only, and the app runs in
three locales (state/i18n.py: kk_KZ, ru_KZ, en_GB). The cut library keeps:

- every item that belongs to no locale (normalisation, the collation root, time-zone rules,
  calendar and plural data, each tree's shared key pool);
- of the locale data Qt reads (the top level, collation, zone and region names), that of
  root, kk, ru and en, and of the app's locales and their parents (en_001 for en_GB):
  another locale falls back to root, as ICU does for a locale it does not know;
- the single-byte code pages (every Cyrillic, Latin and Greek one, a few KiB each).

It leaves out the trees Qt never reads (DROPPED_TREES), the word-break dictionaries, and the
multi-byte CJK code pages (those open as unknown encodings): 4 of the 30 MiB are kept.

The data keeps ICU's "common data" format (a table of contents sorted by name, items 16-byte
aligned) and is linked, with binutils' `as` and `ld`, into a library of the same soname
exporting the same `icudt<NN>_dat` symbol that libicuuc looks up.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

KEPT_LOCALES = frozenset({"root", "en", "en_001", "en_GB", "ru", "ru_KZ", "kk", "kk_KZ"})
DROPPED_TREES = frozenset({"translit", "brkitr", "rbnf", "unit", "curr", "lang"})
"""Transliteration, break iteration, number spelling, and unit, currency and language names:
Qt calls none of ICU's functions that read them (it has its own text boundaries and names)."""
MAX_CODE_PAGE_BYTES = 16 * 1024
"""Single-byte code-page tables are 1-4 KiB; the multi-byte CJK ones 20 KiB and up."""
LIBRARY_NAME = re.compile(r"^libicudata\.so\.(\d+)$")
_LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
_ALIGN = 16


def keep_item(name: str, size: int) -> bool:
    """Whether the data item `name` ("icudt73l/coll/ru.res") stays (see the module doc)."""
    parts = name.split("/")[1:]
    base, tree = parts[-1], parts[0] if len(parts) > 1 else ""
    if tree in DROPPED_TREES or base.endswith(".dict"):
        return False
    if base.endswith(".cnv"):
        return size < MAX_CODE_PAGE_BYTES
    if _LOCALE_ITEM.match(base) and base != "pool.res":
        return base.removesuffix(".res") in KEPT_LOCALES
    return True


def _data_symbol(library: bytes) -> tuple[int, int]:
    """File offset and size of the `icudt<NN>_dat` symbol in an ELF64 little-endian library."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF library")
    (shoff,) = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    # Each: name, type, flags, addr, offset, size, link, info, addralign, entsize.
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)
    ]
    for section in sections:
        if section[1] != 11:  # SHT_DYNSYM
            continue
        strings = sections[section[6]]
        for index in range(section[5] // section[9]):
            name_at, _, _, shndx, value, size = struct.unpack_from(
                "<IBBHQQ", library, section[4] + index * section[9]
            )
            start = strings[4] + name_at
            name = library[start : library.index(b"\0", start)].decode("ascii")
            if name.startswith("icudt") and name.endswith("_dat") and shndx:
                home = sections[shndx]
                return value - home[3] + home[4], size
    raise ValueError("no icudt*_dat symbol")


def cut_package(package: bytes) -> bytes:
    """The common-data package with only the items keep_item() keeps."""
    (header_size,) = struct.unpack_from("<H", package, 0)
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    (count,) = struct.unpack_from("<I", package, header_size)
    toc = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    starts = sorted(header_size + data for _, data in toc)
    ends = dict(zip(starts, [*starts[1:], len(package)], strict=True))
    items = []
    for name_at, data_at in toc:  # already sorted by name: ICU looks items up by bisection
        start = header_size + name_at
        name = package[start : package.index(b"\0", start)].decode("ascii")
        data = package[header_size + data_at : ends[header_size + data_at]]
        if keep_item(name, len(data)):
            items.append((name.encode("ascii") + b"\0", data))
    names_at = 4 + 8 * len(items)
    names = b"".join(name for name, _ in items)
    data_at = -(-(names_at + len(names)) // _ALIGN) * _ALIGN
    table, body = bytearray(struct.pack("<I", len(items))), bytearray()
    for name, data in items:
        table += struct.pack("<II", names_at, data_at + len(body))
        names_at += len(name)
        body += data + b"\0" * (-len(data) % _ALIGN)
    padding = b"\0" * (data_at - 4 - 8 * len(items) - len(names))
    return package[:header_size] + bytes(table) + names + padding + bytes(body)


def cut_library(source: Path, workdir: Path) -> Path:
    """A copy of the libicudata.so.NN `source` holding the cut data, built in `workdir`."""
    version = LIBRARY_NAME.match(source.name)
    if version is None:
        raise ValueError(f"{source.name} is not libicudata.so.NN")
    library = source.read_bytes()
    offset, size = _data_symbol(library)
    workdir.mkdir(parents=True, exist_ok=True)
    package = workdir / f"icudt{version.group(1)}l.dat"
    package.write_bytes(cut_package(library[offset : offset + size]))
    symbol = f"icudt{version.group(1)}_dat"
    assembly = workdir / "icudata.s"
    assembly.write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign {_ALIGN}\n"
        f'{symbol}:\n\t.incbin "{package}"\n\t.size {symbol}, . - {symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii",
    )
    objects, target = workdir / "icudata.o", workdir / source.name
    assembler, linker = shutil.which("as"), shutil.which("ld")
    if assembler is None or linker is None:
        raise FileNotFoundError("binutils' as and ld are needed to link the cut ICU data")
    subprocess.run([assembler, "-o", str(objects), str(assembly)], check=True)
    subprocess.run(
        [linker, "-shared", "-soname", source.name, "-o", str(target), str(objects)], check=True
    )
    return target

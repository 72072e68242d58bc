"""Symbol tables out of the Linux bundle's libraries (build.spec).

The interpreter's own libpython and extension modules, and a few wheels' binaries, ship with
their symbol tables: a third of libpython, for instance, that nothing reads at run time (the
dynamic symbols the loader needs are a separate table that `strip` keeps). Stripped copies are
made in the build folder.

Not stripped: the libraries auditwheel grafted into a wheel (its `<package>.libs` folders, like
numpy.libs). patchelf rewrote their ELF layout, and `strip` on top of that leaves a library the
loader refuses ("ELF load command address/offset not page-aligned"). PyInstaller's own
`strip=True` cannot leave them out, hence this.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

_SHT_SYMTAB = 2


def has_symbol_table(path: Path) -> bool:
    """Whether the ELF file `path` has a (static) symbol table, i.e. is not stripped."""
    with path.open("rb") as file:
        header = file.read(64)
        if header[:4] != b"\x7fELF" or header[4] != 2 or header[5] != 1:
            return False  # only 64-bit little-endian ELF is looked at
        (shoff,) = struct.unpack_from("<Q", header, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", header, 0x3A)
        file.seek(shoff)
        table = file.read(shentsize * shnum)
    return any(
        struct.unpack_from("<I", table, index * shentsize + 4)[0] == _SHT_SYMTAB
        for index in range(len(table) // shentsize)
    )


def grafted(dest: str) -> bool:
    """Whether `dest` lies in an auditwheel `<package>.libs` folder."""
    return any(part.endswith(".libs") for part in Path(dest).parts[:-1])


def stripped_copy(source: Path, dest: str, workdir: Path) -> Path:
    """`source` without its symbol table, as `workdir`/`dest`."""
    strip = shutil.which("strip")
    if strip is None:
        raise FileNotFoundError("binutils' strip is not installed")
    target = workdir / dest
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)
    subprocess.run([strip, str(target)], check=True)
    return target

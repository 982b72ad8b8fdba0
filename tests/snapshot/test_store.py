"""``write_atomic``: never half a file, and the mode a file would have had (not mkstemp's 0600)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from devserver.snapshot.store import _UMASK, write_atomic

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "shot.png"
    write_atomic(target, b"png")
    assert target.read_bytes() == b"png"
    assert mode(target) == 0o666 & ~_UMASK
    assert [p.name for p in target.parent.iterdir()] == ["shot.png"]  # no temporary left


def test_a_rewritten_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o640

"""Refresh tools/bootstrap.txt: the hash-pinned uv that `make` installs with pip before `uv sync`.

`make lock` runs this after `uv lock`, so the uv that bootstraps the environment is the very
version the lock pins for the dev extra (a test checks the two agree).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def locked_version(name: str) -> str:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    for package in lock["package"]:
        if package["name"] == name:
            return str(package["version"])
    raise SystemExit(f"{name} is not in uv.lock")


def main() -> int:
    uv = sys.argv[1] if len(sys.argv) > 1 else "uv"
    with tempfile.TemporaryDirectory() as tmp:
        wanted = Path(tmp) / "bootstrap.in"
        wanted.write_text(f"uv=={locked_version('uv')}\n", encoding="utf-8")
        return subprocess.call(
            [
                uv,
                "pip",
                "compile",
                "--quiet",
                "--universal",
                "--generate-hashes",
                "--no-header",
                "--no-annotate",
                "--python-version",
                "3.11",
                str(wanted),
                "-o",
                str(ROOT / "tools" / "bootstrap.txt"),
            ]
        )


if __name__ == "__main__":
    sys.exit(main())

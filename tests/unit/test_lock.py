"""The lock is what `make` installs: it must match pyproject, and drift must be caught."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UV = Path(sys.executable).with_name("uv")


def _locked_versions() -> dict[str, str]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    return {package["name"]: str(package["version"]) for package in lock["package"]}


def test_the_bootstrap_uv_is_the_locked_uv() -> None:
    pins = [
        line.split("==")
        for line in (ROOT / "tools" / "bootstrap.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    ]
    assert [(name, version.split()[0]) for name, version in pins] == [
        ("uv", _locked_versions()["uv"])
    ]
    assert "--hash=sha256:" in (ROOT / "tools" / "bootstrap.txt").read_text(encoding="utf-8")


def test_every_locked_package_has_hashes() -> None:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    for package in lock["package"]:
        if package.get("source", {}).get("editable"):
            continue
        artifacts = [package.get("sdist", {}), *package.get("wheels", [])]
        assert any("hash" in artifact for artifact in artifacts), package["name"]


def _check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(UV), "lock", "--check", "--offline", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "UV_PYTHON": sys.executable,
            "UV_PYTHON_DOWNLOADS": "never",
            "HOME": str(project),
            "UV_CACHE_DIR": str(project / ".uv-cache"),
        },
        timeout=60,
    )


@pytest.mark.skipif(not UV.exists(), reason="uv is installed by `make`; run the suite from .venv")
def test_the_lock_check_fails_when_pyproject_drifts(tmp_path: Path) -> None:
    for name in ("pyproject.toml", "uv.lock", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    assert _check(tmp_path).returncode == 0
    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(
        text.replace('    "genanki>=0.13,<0.14",\n', '    "genanki>=0.13,<0.14",\n    "six",\n'),
        encoding="utf-8",
    )
    assert pyproject.read_text(encoding="utf-8") != text
    assert _check(tmp_path).returncode != 0

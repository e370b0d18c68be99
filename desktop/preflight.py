"""Before Qt starts on Linux/X11: are the system libraries of the xcb platform plugin there?

Without them Qt only says "could not load the Qt platform plugin xcb" and aborts. This module
imports no Qt (it must run before Qt is loaded) and names the exact packages to install.
"""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys
from typing import Callable

#: Library (as ``find_library`` names it) → Debian/Ubuntu package providing it.
XCB_LIBRARIES: dict[str, str] = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-image": "libxcb-image0",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
}


def _ldconfig_names() -> str:
    try:
        return subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        try:
            return subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, timeout=5).stdout
        except (OSError, subprocess.SubprocessError):
            return ""


def default_finder() -> Callable[[str], bool]:
    """``find_library``, with ``ldconfig -p`` as a second opinion."""
    cache: list[str] = []

    def found(name: str) -> bool:
        if ctypes.util.find_library(name):
            return True
        if not cache:
            cache.append(_ldconfig_names())
        return f"lib{name}.so" in cache[0]

    return found


def missing_xcb_packages(env: dict[str, str] | None = None, platform: str | None = None,
                         find: Callable[[str], bool] | None = None) -> list[str]:
    """Packages to install for the xcb plugin; empty when not relevant or nothing is missing."""
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return []
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith("xcb"):
        return []
    if not env.get("DISPLAY"):
        return []
    find = find or default_finder()
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if not find(lib)]


def check(env: dict[str, str] | None = None, platform: str | None = None,
          find: Callable[[str], bool] | None = None) -> str | None:
    """A French message saying what to ``apt-get install``, or None when Qt can start."""
    env_ = dict(os.environ) if env is None else env
    if (
        (platform or sys.platform).startswith("linux")
        and not env_.get("QT_QPA_PLATFORM")
        and not env_.get("DISPLAY")
        and not env_.get("WAYLAND_DISPLAY")
    ):
        return (
            "Aucun écran n'est disponible (ni DISPLAY ni WAYLAND_DISPLAY) : lancez Veille depuis une "
            "session graphique, ou sous un écran virtuel (xvfb-run scripts/run), "
            "ou utilisez la ligne de commande (veille ask …)."
        )
    missing = missing_xcb_packages(env, platform, find)
    if not missing:
        return None
    return (
        "Veille ne peut pas ouvrir sa fenêtre : des bibliothèques système nécessaires à Qt (X11/xcb) "
        f"manquent ({', '.join(missing)}).\n"
        f"Installez-les avec :\n    sudo apt-get install -y {' '.join(missing)}\n"
        "ou lancez sans écran avec QT_QPA_PLATFORM=offscreen."
    )

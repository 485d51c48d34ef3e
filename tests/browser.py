"""Headless Chromium for the report tests and benchmark: Debian's ``chromium`` and ``chromium-driver`` driven by Selenium.

Nothing is downloaded: the browser and its driver are the system's (``.ci/run``
installs them with apt-get), and Selenium Manager is kept offline.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
MISSING = None if CHROMIUM and DRIVER else "Debian's chromium and chromium-driver are not installed (.ci/run installs them)"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000")


def chromium(javascript: bool = True) -> Any:
    """A new headless browser with a fresh profile; the caller quits it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM or "chromium"
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='numcheck-chromium-')}")
    if not javascript:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER or "chromedriver"), options=opts)

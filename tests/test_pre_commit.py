"""The README's pre-commit snippet works as written: pre-commit installs numcheck from this repository at the
snippet's tag and runs the hook on a sample content repository (a broken draft fails, a clean one passes).

Only the ``repo:`` line is replaced (by a local clone, which pre-commit accepts like a URL); ``rev:`` must be
this version's tag.  pre-commit builds the hook's environment with pip, from the package index or pip's cache.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import numcheck

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

BROKEN = "# Draft\n\nThe front is 1,000km (900 miles) long.\n"
CLEAN = "# Draft\n\nThe front is 1,000km (620 miles) long.\n"


def snippet() -> str:
    """The YAML block of the README's pre-commit section."""
    section = README[README.index("## pre-commit"):]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def test_snippet_names_this_versions_tag():
    assert re.search(r"^\s*rev: (\S+)", snippet(), re.M).group(1) == f"v{numcheck.__version__}"
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert f"rev: v{numcheck.__version__}" in hooks


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason=f"pre-commit is not installed at {PRE_COMMIT}")
@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="needs git and a git checkout of numcheck")
def test_snippet_runs_the_hook_on_a_sample_repository(tmp_path):
    tag = f"v{numcheck.__version__}"
    source = tmp_path / "numcheck-src"
    git(tmp_path, "clone", "--quiet", str(ROOT), str(source))
    if tag not in git(source, "tag", "--list").split():
        git(source, "tag", tag)  # a checkout without tags (a CI copy): tag the code under test in the clone
    content = tmp_path / "content"
    content.mkdir()
    git(content, "init", "--quiet")
    config = re.sub(r"(- repo: )\S+.*", rf"\g<1>{source}", snippet(), count=1)
    (content / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    (content / "broken.md").write_text(BROKEN, encoding="utf-8")
    (content / "clean.md").write_text(CLEAN, encoding="utf-8")
    (content / "notes.py").write_text("x = '1,000km (900 miles)'\n", encoding="utf-8")
    git(content, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}

    def run(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(PRE_COMMIT), "run", "--files", *files], cwd=content, env=env,
                              capture_output=True, text=True, timeout=900)

    bad = run("broken.md", "notes.py")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "broken.md:3:" in bad.stdout and "NC101" in bad.stdout and "notes.py" not in bad.stdout
    good = run("clean.md", "notes.py")
    assert good.returncode == 0, good.stdout + good.stderr

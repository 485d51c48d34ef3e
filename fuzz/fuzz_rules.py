"""atheris fuzz target: ``numcheck.rules.load_rules`` on any bytes written as a rule file.

The loader must return a RuleSet or raise ``RuleError`` (one line,
``file:line:col`` inside the file); anything else is a crash.  Run:

    .venv/bin/python fuzz/fuzz_rules.py -max_total_time=600 -dict=fuzz/rules.dict /tmp/nc-corpus-rules fuzz/seeds/rules
"""
from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile

import atheris

os.environ["NUMCHECK_NO_CACHE"] = "1"  # every input is a new file; keep the user cache out of it

# numcheck imports most of its modules lazily, inside functions: import them all here, under the
# instrumentation, or the fuzzer sees no coverage of them and mutates blind
with atheris.instrument_imports(include=["numcheck"]):
    from numcheck.rules import RuleError, load_rules
    import numcheck
    for _mod in pkgutil.walk_packages(numcheck.__path__, "numcheck."):
        if _mod.name not in ("numcheck.dask", "numcheck.__main__") and not _mod.name.startswith("numcheck.cli"):
            importlib.import_module(_mod.name)

_DIR = tempfile.mkdtemp(prefix="numcheck-fuzz-rules-")
_N = [0]


def TestOneInput(data: bytes) -> None:
    _N[0] += 1
    path = os.path.join(_DIR, f"r{_N[0]}.yaml")  # a fresh name: the loader memoises by path, size and mtime
    with open(path, "wb") as fh:
        fh.write(data)
    try:
        load_rules(path, core=False)
    except RuleError as exc:
        msg = str(exc)
        if "\n" in msg or exc.file != path or exc.line < 1 or exc.col < 1:
            raise AssertionError(f"bad rule error: {msg!r}") from None
        lines = len(data.decode("utf-8", "replace").splitlines()) + 1  # YAML also breaks lines at \r, \x85, \u2028
        if exc.line > lines + 1:
            raise AssertionError(f"line {exc.line} past the end of a {lines}-line file") from None
    finally:
        os.unlink(path)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

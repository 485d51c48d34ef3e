"""atheris fuzz target: ``numcheck.extract`` and ``numcheck.check`` on any text.

A crash is any exception, or a claim/finding whose span does not point into
the input.  Run (see fuzz/README.md):

    .venv/bin/python fuzz/fuzz_extract.py -max_total_time=600 -max_len=400 /tmp/nc-corpus-extract fuzz/seeds/extract
"""
from __future__ import annotations

import atexit
import importlib
import os
import pkgutil
import re
import sys

import atheris

# numcheck imports most of its modules lazily, inside functions: import them all here, under the
# instrumentation, or the fuzzer sees no coverage of them and mutates blind
with atheris.instrument_imports(include=["numcheck"]):
    from numcheck.engine import check
    from numcheck.extract import extract
    import numcheck
    for _mod in pkgutil.walk_packages(numcheck.__path__, "numcheck."):
        if _mod.name not in ("numcheck.dask", "numcheck.__main__") and not _mod.name.startswith("numcheck.cli"):
            importlib.import_module(_mod.name)


def _text(data: bytes) -> str:
    """Half the inputs as UTF-8 (with replacement), half as arbitrary code points, so both bytes and Unicode reach the patterns."""
    if not data:
        return ""
    if data[0] & 1:
        return data[1:].decode("utf-8", "replace")
    fdp = atheris.FuzzedDataProvider(data[1:])
    return fdp.ConsumeUnicodeNoSurrogates(len(data))


# Known open bugs to step over so the run goes on finding new ones:
# NUMCHECK_FUZZ_IGNORE is a regex matched against "ExceptionType: message".
_IGNORE = re.compile(os.environ["NUMCHECK_FUZZ_IGNORE"]) if os.environ.get("NUMCHECK_FUZZ_IGNORE") else None
_IGNORED = [0]
atexit.register(lambda: _IGNORED[0] and print(f"fuzz_extract: stepped over {_IGNORED[0]} known crashes", file=sys.stderr))


def TestOneInput(data: bytes) -> None:
    try:
        _one(data)
    except Exception as exc:
        if _IGNORE is not None and _IGNORE.search(f"{type(exc).__name__}: {exc}"):
            _IGNORED[0] += 1
            return
        raise


def _one(data: bytes) -> None:
    text = _text(data)
    for c in extract(text):
        if not (0 <= c.start <= c.end <= len(text)) or text[c.start:c.end] != c.text:
            raise AssertionError(f"claim span {c.start}:{c.end} {c.text!r} does not point into the input")
    if len(data) % 4 == 0:  # check() is slower; a quarter of the inputs is plenty
        for f in check(text):
            if not (0 <= f.start <= f.end <= len(text)):
                raise AssertionError(f"finding span {f.start}:{f.end} outside the input")
            line = text.count("\n", 0, f.start) + 1
            col = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
            if (f.line, f.col) != (line, col):
                raise AssertionError(f"{f.code} at {f.line}:{f.col}, its start is {line}:{col}")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

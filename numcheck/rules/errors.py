"""RuleError: one problem in one rule file, as one line ``file:line:col: message (hint: ...)``."""
from __future__ import annotations


class RuleError(ValueError):
    """One problem in one rule file: ``file:line:col: message (hint: ...)`` (line and col 1-based)."""

    def __init__(self, file: str, line: int, col: int, message: str, hint: str = "") -> None:
        message, hint = " ".join(str(message).split()), " ".join(str(hint).split())  # always one line
        self.file, self.line, self.col, self.message, self.hint = str(file), line, col, message, hint
        text = f"{self.file}:{line}:{col}: {message}"
        if hint:
            text += f" (hint: {hint})"
        super().__init__(text)

    def __reduce__(self):  # picklable with its fields
        return (RuleError, (self.file, self.line, self.col, self.message, self.hint))

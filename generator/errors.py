"""Errors a contributor can act on: every one names a file, a line, a column and a fix."""

from __future__ import annotations


class ContentError(Exception):
    """A problem in content/, reported as `file:line:col: message`."""

    def __init__(self, file: str, line: int, col: int, message: str):
        super().__init__(f"{file}:{line}:{col}: {message}")
        self.file, self.line, self.col, self.message = file, line, col, message

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    def __reduce__(self):  # pickled whole by the processes that read content (validate.py)
        return type(self), (self.file, self.line, self.col, self.message)


class ContentErrors(Exception):
    """Several content errors, reported together, sorted by file and line."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line, e.col, e.message))
        super().__init__("\n".join(map(str, self.errors)))

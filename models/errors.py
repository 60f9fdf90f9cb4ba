"""dondoc's errors: each names the input, the place and what to do, and carries a CLI exit code."""

from __future__ import annotations

from difflib import get_close_matches


class DondocError(Exception):
    exit_code = 1


class PlanFileError(DondocError, ValueError):
    """A plan or unit file that cannot be loaded, with the file and line of the problem."""

    exit_code = 2

    def __init__(self, source: str, line: int | None, problem: str) -> None:
        self.source, self.line, self.problem = source, line, problem
        place = f"{source}:{line}" if line else source
        super().__init__(f"{place}: {problem}")


class UnitNotFound(DondocError, LookupError):
    exit_code = 3

    def __init__(self, name: str, *, where: str = "", known: list[str] | None = None) -> None:
        self.name = name
        hint = get_close_matches(name, known or [], n=1)
        message = f"unknown unit {name!r}"
        if where:
            message = f"{where}: {message}"
        message += f" (did you mean {hint[0]!r}?)" if hint else " (add it to the unit registry)"
        super().__init__(message)


class DeadlineParseError(DondocError, ValueError):
    exit_code = 2


class DocumentError(DondocError, ValueError):
    """A document that cannot be read (no text layer, unknown format, undecodable)."""

    exit_code = 2


class NotFound(DondocError, LookupError):
    exit_code = 3

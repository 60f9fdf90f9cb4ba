"""YAML read with the line of every value, so errors in hand-edited files can name the line."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from models.errors import PlanFileError

Path_ = tuple[str | int, ...]


class LinedYaml:
    """Plain Python data from YAML text, with `line_of(path)` for any path into it."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self._lines: dict[Path_, int] = {}
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else None
            raise PlanFileError(source, line, f"broken YAML: {error.problem or error}") from None
        self._constructor = SafeConstructor()
        self.data: Any = self._build(root, ()) if root is not None else None

    def line_of(self, path: Path_) -> int | None:
        """The line of the deepest part of `path` that the file has."""
        for end in range(len(path), -1, -1):
            if path[:end] in self._lines:
                return self._lines[path[:end]]
        return None

    def _build(self, node: Node, path: Path_) -> Any:
        self._lines[path] = node.start_mark.line + 1
        if isinstance(node, MappingNode):
            built: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(self._scalar(key_node, path))
                if key in built:
                    raise PlanFileError(self.source, key_node.start_mark.line + 1, f"{key!r} is given twice")
                built[key] = self._build(value_node, (*path, key))
            return built
        if isinstance(node, SequenceNode):
            return [self._build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _scalar(self, node: Node, path: Path_) -> Any:
        if not isinstance(node, ScalarNode):
            raise PlanFileError(self.source, node.start_mark.line + 1, "expected a plain value here")
        try:
            return self._constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError) as error:
            raise PlanFileError(
                self.source, node.start_mark.line + 1, f"{node.value!r} is not a valid value: {error}"
            ) from None

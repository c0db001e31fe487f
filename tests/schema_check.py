"""A small JSON Schema (2020-12) checker for the keywords frister's schemas use.

The test environment has no jsonschema package; this checks type, const, enum,
pattern, required, properties, additionalProperties, items, minimum, oneOf and
local $ref, and refuses any other keyword so a schema cannot silently outgrow it.
"""

from __future__ import annotations

import re
from typing import Any

_KNOWN = {
    "$schema",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "const",
    "enum",
    "pattern",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "minimum",
    "oneOf",
}
_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "null": lambda v: v is None,
}


def errors(
    instance: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$"
) -> list[str]:
    """Every way ``instance`` breaks ``schema``, as 'path: problem'."""
    unknown = set(schema) - _KNOWN
    assert not unknown, f"schema keyword(s) the checker does not know: {unknown}"
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return errors(instance, root["$defs"][name], root, path)
    found: list[str] = []
    kind = schema.get("type")
    if kind is not None and not _TYPES[kind](instance):
        return [f"{path}: not a {kind}"]
    if "const" in schema and instance != schema["const"]:
        found.append(f"{path}: not {schema['const']!r}")
    if "enum" in schema and instance not in schema["enum"]:
        found.append(f"{path}: {instance!r} not one of the allowed values")
    if "pattern" in schema and not re.search(schema["pattern"], instance):
        found.append(f"{path}: {instance!r} does not match {schema['pattern']}")
    if "minimum" in schema and instance < schema["minimum"]:
        found.append(f"{path}: below {schema['minimum']}")
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            if key not in instance:
                found.append(f"{path}: missing {key!r}")
        properties = schema.get("properties", {})
        for key, value in instance.items():
            if key in properties:
                found.extend(errors(value, properties[key], root, f"{path}.{key}"))
            elif schema.get("additionalProperties") is False:
                found.append(f"{path}: unknown key {key!r}")
    if isinstance(instance, list) and "items" in schema:
        for index, item in enumerate(instance):
            found.extend(errors(item, schema["items"], root, f"{path}[{index}]"))
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not errors(instance, s, root, path)]
        if len(matching) != 1:
            found.append(f"{path}: matches {len(matching)} of oneOf, not exactly one")
    return found

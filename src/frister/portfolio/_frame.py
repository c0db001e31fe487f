"""A portfolio result as a pandas DataFrame (the ``frister[pandas]`` extra)."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from frister.portfolio._extras import require
from frister.portfolio._rows import NO_DUE, ROW_FIELDS, STATUSES, Moment, Table, decode

if TYPE_CHECKING:
    import pandas as pd

_FEATURE = "PortfolioResult.to_frame()"


def to_frame(table: Table) -> pd.DataFrame:
    """One DataFrame row per result row, columns as :data:`ROW_FIELDS` with labels spread out.

    Texts that repeat are categoricals; moments are Python dates and aware
    datetimes in object columns (a column can hold both: an hour deadline's due
    is a datetime); ``occurrence`` is int64.
    """
    pd = require("pandas", "pandas", _FEATURE)
    np = require("numpy", "pandas", _FEATURE)
    counts = np.diff(np.asarray(table.ends, dtype=np.int64), prepend=0)
    case_of_row = np.repeat(np.arange(len(table.case_ids), dtype=np.int64), counts)

    def per_case(values: Sequence[str | None]) -> Any:
        return _categorical(pd, np, case_of_row, values)

    def coded(codes: array[int], values: Sequence[str]) -> Any:
        return _categorical(pd, np, np.asarray(codes, dtype=np.int64), values)

    def moments(codes: array[int]) -> Any:
        return pd.Series(_moments(codes, table.zones), dtype=object)

    rule_ids = [rule_id for rule_id, _, _ in table.rules]
    stages = [stage for _, stage, _ in table.rules]
    shapes = [shape.value for _, _, shape in table.rules]
    columns: dict[str, Any] = {
        "case_id": per_case(table.case_ids),
        "caseworker": per_case(table.caseworkers),
        "unit": per_case(table.units),
    }
    for name in sorted({name for labelset in table.labels for name, _ in labelset}):
        columns[f"label.{name}"] = per_case([dict(ls).get(name) for ls in table.labels])
    columns |= {
        "rule_id": coded(table.rule, rule_ids),
        "stage": coded(table.rule, stages),
        "shape": coded(table.rule, shapes),
        "occurrence": np.asarray(table.occurrence, dtype=np.int64),
        "trigger_kind": coded(table.trigger_kind, table.kinds),
        "trigger_at": moments(table.trigger_at),
        "due": moments(table.due),
        "practical_due": moments(table.practical_due),
        "status": coded(table.status, [s.value for s in STATUSES]),
        "fulfilled_at": moments(table.fulfilled_at),
        "ended_at": moments(table.ended_at),
        "version_id": coded(table.version, table.versions),
        "measure_id": pd.Series(table.measure, dtype=object),
        "no_due_reason": _categorical(pd, np, np.asarray(table.no_due, dtype=np.int64), NO_DUE),
        "linked_on_trust": np.asarray(table.trusted, dtype=bool),
    }
    plain = [name for name in columns if not name.startswith("label.")]
    assert plain == [name for name in ROW_FIELDS if name != "labels"], plain
    return pd.DataFrame(columns)


def _categorical(pd: Any, np: Any, codes: Any, values: Sequence[str | None]) -> Any:
    """A categorical of ``values[code]`` per row; equal values share a category, None is NA."""
    categories = list(dict.fromkeys(v for v in values if v is not None))
    position = {category: index for index, category in enumerate(categories)}
    remap = np.asarray([-1 if v is None else position[v] for v in values], dtype=np.int64)
    new_codes = remap[codes] if len(codes) else np.zeros(0, dtype=np.int64)
    return pd.Categorical.from_codes(new_codes, categories=categories)


def _moments(codes: array[int], zones: Sequence[tzinfo]) -> list[Moment | None]:
    cache: dict[int, Moment | None] = {}
    out: list[Moment | None] = []
    for code in codes:
        moment = cache.get(code, _UNSEEN)
        if moment is _UNSEEN:
            moment = cache[code] = decode(code, zones)
        out.append(moment)
    return out


_UNSEEN: Any = object()

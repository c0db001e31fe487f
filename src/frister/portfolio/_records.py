"""Many cases at once: a case with the management data a case system keeps beside it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sized
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

import attrs

from frister.case import Case
from frister.errors import FristerError, InputError, InputTypeError


def _check_id(instance: CaseRecord, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value:
        raise InputError("id", value, "expected a non-empty case id")


def _check_case(instance: CaseRecord, attribute: attrs.Attribute[Case], value: Case) -> None:
    if not isinstance(value, Case):
        raise InputTypeError("case", value, "expected frister.Case")


def _check_optional_text(
    instance: CaseRecord, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and not isinstance(value, str):
        raise InputTypeError(attribute.name, value, "expected a text or None")


def _labels(value: Mapping[str, str] | None) -> Mapping[str, str]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise InputTypeError("labels", value, "expected a mapping of label name to text")
    for name, text in value.items():
        if not isinstance(name, str) or not isinstance(text, str):
            raise InputTypeError(f"labels.{name}", text, "labels are texts keyed by texts")
    return MappingProxyType(dict(value))


@attrs.frozen
class CaseRecord:
    """A case with its id and who handles it: the unit of a portfolio.

    Records pickle (their labels as a plain dict), so they can be sent to worker
    processes and Dask workers.
    """

    id: str = attrs.field(validator=_check_id)
    case: Case = attrs.field(validator=_check_case)
    caseworker: str | None = attrs.field(default=None, validator=_check_optional_text)
    unit: str | None = attrs.field(default=None, validator=_check_optional_text)
    labels: Mapping[str, str] = attrs.field(factory=dict, converter=_labels, hash=False)

    def __reduce__(self) -> tuple[type[CaseRecord], tuple[Any, ...]]:
        return (CaseRecord, (self.id, self.case, self.caseworker, self.unit, dict(self.labels)))


@attrs.frozen
class Unreadable:
    """A case a source could not read (a bad value in a file), in place of its record.

    :func:`frister.portfolio.evaluate_portfolio` reports it as a bad case and goes
    on; iterating the portfolio raises ``error``.
    """

    case_id: str
    error: FristerError


@runtime_checkable
class SlicedSource(Protocol):
    """A source that reads any run of its cases on its own (a file with an index, a
    generator of numbered cases): worker processes then read their own cases instead of
    being sent them. It pickles small and gives each case id once."""

    def __len__(self) -> int: ...

    def entries_between(self, start: int, stop: int) -> Iterator[CaseRecord | Unreadable]:
        """Cases ``start`` to ``stop - 1`` in the portfolio's order, as ``entries()`` gives them."""
        ...


class Portfolio:
    """The cases a municipality measures, read once each, in order.

    Built from records in memory or from a source that yields them (a file
    read by :func:`frister.portfolio.read_portfolio`); iterating twice reads
    twice, so a portfolio from a file never holds more than one case at a time.
    """

    __slots__ = ("_source",)

    def __init__(self, records: Iterable[CaseRecord]) -> None:
        if isinstance(records, Iterator):
            raise InputTypeError(
                "records", records, "expected a collection or a re-iterable source, not an iterator"
            )
        self._source = tuple(records) if isinstance(records, list | tuple) else records

    def __iter__(self) -> Iterator[CaseRecord]:
        for entry in self.entries():
            if isinstance(entry, Unreadable):
                raise entry.error
            yield entry

    def entries(self) -> Iterator[CaseRecord | Unreadable]:
        """The records, with an :class:`Unreadable` in place of each case the source could not read.

        A source may offer ``entries()`` itself to report bad cases without
        stopping; a plain collection or iterable is read with ``iter``.
        """
        entries = getattr(self._source, "entries", None)
        items: Iterable[object] = entries() if callable(entries) else self._source
        for index, record in enumerate(items):
            if not isinstance(record, CaseRecord | Unreadable):
                raise InputTypeError(f"records[{index}]", record, "expected frister.CaseRecord")
            yield record

    def sliced(self) -> SlicedSource | None:
        """The source, if it can read any run of its cases on its own."""
        return self._source if isinstance(self._source, SlicedSource) else None

    @property
    def size(self) -> int | None:
        """The number of cases if known without reading them (in memory, a scanned file)."""
        return len(self._source) if isinstance(self._source, Sized) else None

    def __repr__(self) -> str:
        if isinstance(self._source, tuple):
            return f"Portfolio({len(self._source)} cases)"
        return f"Portfolio({self._source!r})"

"""Small Markdown and formatting helpers for the rule book's pages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Final

from frister.calendar import ClosedDay, Language, format_date, format_moment, local_date
from frister.case import Moment
from frister.deadlines import Convention, Mark
from frister.rules import Question, RuleVersion, Text

_AND: Final = Text("og", "and")

_OR: Final = Text("eller", "or")


def _day(moment: Moment) -> date:
    return local_date(moment) if isinstance(moment, datetime) else moment


def _esc(text: str) -> str:
    """Text as Markdown prose: no raw HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    """Text for a table cell: no pipes, no line breaks."""
    return _esc(text).replace("|", "\\|").replace("\n", "<br>")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _mark(mark: Mark, lang: Language) -> str:
    label = mark.label(lang)
    return label or ("ikke angivet" if lang == "da" else "not given")


def _convention_mark(conv: Convention, lang: Language) -> str:
    if conv.mark is Mark.NONE:
        return "intet juridisk spørgsmål" if lang == "da" else "no legal question"
    return _mark(conv.mark, lang)


def _both(text: Text) -> str:
    """'dansk *(english)*' for one line in a table."""
    if text.da == text.en:
        return _cell(text.da)
    return f"{_cell(text.da)} *({_cell(text.en)})*"


def _short(version: RuleVersion) -> str:
    """The citation with the law's short name: 'BL § 138, stk. 1'."""
    full = str(version.citation)
    law = version.law
    if law.short and full.startswith(law.name):
        return law.short + full[len(law.name) :]
    return full


def _json(value: object) -> str:
    def plain(item: object) -> object:
        if isinstance(item, date):
            return item.isoformat()
        if isinstance(item, Mapping):
            return {str(k): plain(v) for k, v in item.items()}
        if isinstance(item, list | tuple):
            return [plain(v) for v in item]
        return item

    return json.dumps(plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _fact_value(value: object, lang: Language) -> str:
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "da" else ("yes" if value else "no")
    if isinstance(value, date):
        return format_moment(value, lang)
    return str(value)


def _names(days: Sequence[ClosedDay], lang: Language) -> str:
    return ", ".join(f"{d.label(lang)} ({format_date(d.date, lang)})" for d in days)


def _join(items: Sequence[str], lang: Language, word: Text = _AND) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word(lang)} {items[-1]}"


_STK = re.compile(r"(?<=[.:;])\s+(?=Stk\. \d+(?: ?[a-z])?\. )")
_STK_LABEL = re.compile(r"^(Stk\. \d+(?: ?[a-z])?\.)")


def stk_paragraphs(wording: str) -> list[str]:
    """The statute's words split by stk. as the law prints them: the first paragraph as
    quoted, then one per 'Stk. N.' (a reference such as 'jf. stk. 2' is not a break)."""
    parts = []
    for block in wording.split("\n"):
        parts += [p.strip() for p in _STK.split(block) if p.strip()]
    return parts


def _quote(wording: str) -> list[str]:
    """The statute's words as a Markdown quote, one paragraph per stk., 'Stk. N.' in bold."""
    lines: list[str] = []
    for paragraph in stk_paragraphs(wording):
        if lines:
            lines.append(">")
        lines.append("> " + _STK_LABEL.sub(r"**\1**", _esc(paragraph)))
    return lines


def _fence(text: str, indent: str) -> list[str]:
    lines = [f"{indent}```text"]
    lines.extend(f"{indent}{line}".rstrip() for line in text.splitlines())
    lines.append(f"{indent}```")
    return lines


def _warning(title: str, da: str, en: str, label_en: str) -> list[str]:
    return [
        f'!!! warning "{title}"',
        "",
        f"    {_esc(da)}",
        "",
        f"    *English ({label_en}):* {_esc(en)}",
        "",
    ]


def _question_warnings(questions: Sequence[Question]) -> list[str]:
    """Each question for legal review as a warning box, Danish with the English below."""
    lines: list[str] = []
    for question in questions:
        lines += _warning(
            question.mark.label("da"),
            question.text.da,
            question.text.en,
            question.mark.label("en"),
        )
    return lines


def _rule_links(rule_ids: Iterable[str]) -> str:
    """Links from a top-level page to rule pages: '[`id`](regler/id.md), ...'."""
    return ", ".join(f"[`{r}`](regler/{r}.md)" for r in rule_ids)

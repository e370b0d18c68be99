"""An answer with its sources as Markdown, for pasting into a note or a mail."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from qa.answer import Answer


def answer_markdown(answer: "Answer", dates: dict[str, str | None] | None = None) -> str:
    dates = dates or {}
    lines = [f"**{answer.question.strip()}**", ""]
    if answer.abstained:
        lines.append(f"_{answer.text}_")
    else:
        text = answer.text
        for sentence in answer.unsupported:  # never pasted as if it were sourced
            if sentence.strip() and sentence in text:
                text = text.replace(sentence, f"_{sentence.strip()}_ (non sourcé)", 1)
        lines.append(text)
    for notice in answer.notices:
        lines += ["", f"> {notice}"]
    if answer.citations:
        lines += ["", "Sources :", ""]
        for c in answer.citations:
            date = dates.get(c.source)
            where = f"{c.source}, caractères {c.start}–{c.end}" + (f", {date}" if date else "")
            quote = " ".join(c.quote.split())
            lines.append(f"{c.n}. « {quote} » — *{c.title}* ({where})")
    return "\n".join(lines) + "\n"

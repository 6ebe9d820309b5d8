"""Blocks shared by the templates: the official-document head and closing, titles, page numbers.

Every value printed here comes from the render context: `org` is the organisation profile of the
settings (the sender), the rest is the kind's data (see `render.py`).
"""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docxkit import border, para


def official_head(doc: Any, *, recipient: str, subject: str) -> None:
    """기관명, 수신, (경유), 제목 and the rule under them (행정업무규정 시행규칙 별지 서식)."""
    para(doc, "{{ org.agency }}", "DS Org")
    para(doc, "수신\t" + recipient, "DS Head", space_before=18)
    para(doc, "(경유)\t{{ via|default('', true) }}", "DS Head")
    title = para(doc, "제목\t" + subject, "DS Head")
    border(title, "bottom", 18)
    title.paragraph_format.space_after = Pt(6)


def item(doc: Any, level: int, label: str, text: str, **options: Any) -> Any:
    """An item of the official numbering (`1.` `가.` `1)` `가)` `(1)` `(가)`), label then a tab."""
    return para(doc, f"{label}\t{text}" if label else text, f"DS Item {level}", **options)


def attachments(doc: Any) -> None:
    """붙임 lines; the last one carries `끝.` (the body's last sentence carries it when there are none)."""
    from docxkit import tag

    tag(doc, "if attachments")
    para(doc, "", "DS Head")
    tag(doc, "endif")
    tag(doc, "for a in attachments")
    para(
        doc,
        "{% if loop.first %}붙임{% endif %}\t{% if attachments|length > 1 %}{{ loop.index }}. {% endif %}"
        "{{ a|attachment }}{% if loop.last %}  끝.{% endif %}",
        "DS Head",
        keep_next=True,  # the end of the body goes with the sender onto a new page
    )
    tag(doc, "endfor")


def official_closing(doc: Any) -> None:
    """발신명의, then 기안자/검토자/결재권자, 시행/접수, address, 전화/전송/전자우편/공개 구분."""
    sender = para(doc, [("{{ org.head_title }}", False)], "DS Sender")
    seal = sender.add_run("  (직인생략)")
    seal.font.size = Pt(10)
    seal.bold = False
    sender.paragraph_format.keep_with_next = True
    lines = [
        "기안자 {{ org.drafter }}     검토자 {{ org.reviewer }}     결재권자 {{ org.approver }}",
        "협조자",
        "시행 {{ document_number }} ({{ issue_date|kdate }})     접수",
        "{{ org_address }}  ({{ org.department }})  / {{ org.homepage }}",
        "전화 {{ org.phone }}     전송 {{ org.fax }}     / {{ org.email }}     / {{ org.disclosure }}",
    ]
    for index, text in enumerate(lines):
        p = para(doc, text, "DS Closing")
        p.paragraph_format.space_before = Pt(2)
        if index == 0:
            border(p, "top", 8)
        if index == len(lines) - 1:
            border(p, "bottom", 8)
        else:
            p.paragraph_format.keep_with_next = True


def form_title(doc: Any, title: str, number_line: str | None = None) -> None:
    """The title of a form (검토 의견서 …) and, right-aligned under it, its number."""
    p = para(doc, title, "DS Title")
    p.paragraph_format.space_after = Pt(6)
    if number_line:
        para(doc, number_line, "DS Closing", align="right").paragraph_format.space_after = Pt(6)


def caption(doc: Any, text: str) -> Any:
    p = para(doc, text, "DS Caption", keep_next=True)
    p.paragraph_format.space_before = Pt(10)
    p.paragraph_format.space_after = Pt(3)
    return p


def _field(run_parent: Any, instruction: str) -> None:
    begin = OxmlElement("w:fldSimple")
    begin.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    begin.append(run)
    run_parent._p.append(begin)


def page_numbers(doc: Any) -> None:
    """`- 1 / 3 -` centred in the footer of every page."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.style = doc.styles["DS Closing"]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("- ")
    _field(p, " PAGE ")
    p.add_run(" / ")
    _field(p, " NUMPAGES ")
    p.add_run(" -")

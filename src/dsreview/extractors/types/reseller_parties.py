"""The two parties of a supply agreement: the original provider and the reseller, their names and
business registration numbers, wherever the agreement says them.

Agreements name their parties in one or more of four ways, all read and merged (the first source
that gives a value wins):

- a table of the parties: two columns headed by their roles (`원 제공자 | 중개 제공자`) or by 갑 and
  을 (`"갑" | "을"`, `갑 (원 제공자)`), with a row per item (`상호 | A | B`) or `상호 : A` in each column —
  also the signature block at the end;
- the opening sentence: `원 제공자 주식회사 A(사업자등록번호: …, 이하 "갑"이라 한다)와 …`;
- rows of a summary table naming one party each (`계약 당사자 1 (원 제공자) | 상호 | A`).

Which of 갑 and 을 is the reseller comes from the agreement's own words (`"을"이 중개 제공자로서`,
`갑 (원 제공자)`), else 갑 supplies and 을 resells, as such agreements are drafted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dsreview.domain import Word
from dsreview.extractors import normalize as nz
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import PageLines
from dsreview.extractors.layout import Line, Segment
from dsreview.extractors.prose import sentences
from dsreview.extractors.text import join_letter_spaced, squash
from dsreview.extractors.values import Value, column_range, in_column, words_value

ROLES = ("original", "reseller")
_QUOTE = "\"'“”‘’「」"
_NAME = r"(?:(?:주식회사|\(\s*주\s*\)|㈜)\s*[^\s(),「」]+|[^\s(),「」]+\s*(?:주식회사|\(\s*주\s*\)|㈜))"
_DEFINED = re.compile(
    r"(?P<name>"
    + _NAME
    + r")\s*\((?P<inside>[^()]{0,80}?이하\s*["
    + _QUOTE
    + r"]?\s*(?P<party>갑|을)[^()]{0,20})\)"
)
_PARTY_TOKEN = re.compile(r"^[(\[" + _QUOTE + r"]*(갑|을)[)\]" + _QUOTE + r"]*$")


@dataclass(slots=True)
class Party:
    name: str | None = None
    brn: str | None = None
    brn_ok: bool = False
    name_evidence: Value | None = None
    brn_evidence: Value | None = None


@dataclass(slots=True)
class Parties:
    by_role: dict[str, Party] = field(default_factory=lambda: {role: Party() for role in ROLES})

    def put(self, role: str | None, *, name: str | None = None, brn: str | None = None, v: Value) -> None:
        if role not in self.by_role:
            return
        party = self.by_role[role]
        if name and party.name is None:
            cleaned = nz.clean_company(name)
            if cleaned:
                party.name, party.name_evidence = cleaned, v
        if brn and party.brn is None:
            value, ok = nz.pick_identifier(nz.brn_readings(brn, ocr=v.page.ocr), "brn")
            if value:
                party.brn, party.brn_ok, party.brn_evidence = value, ok, v


class PartyReader:
    def __init__(self, r: FieldReader) -> None:
        self.r = r
        extras = r.spec.extras
        options = r.field("capability_split").options
        self.role_words = {role: [squash(w) for w in options.get(role, ())] for role in ROLES}
        self.name_labels = [squash(x) for x in extras.get("party_name_labels", [])]
        self.brn_labels = [squash(x) for x in extras.get("party_brn_labels", [])]
        self.roles = self._roles_of_parties()

    # --- which of 갑 and 을 is which -----------------------------------------------------------
    def role_in(self, text: str) -> str | None:
        flat = squash(text)
        found = {role for role, words in self.role_words.items() if any(w in flat for w in words)}
        return found.pop() if len(found) == 1 else None

    def _party_of(self, text: str) -> str | None:
        m = re.search(r"(?:^|[(\[" + _QUOTE + r"\s])(갑|을)(?:$|[)\]" + _QUOTE + r"\s이은과와의가])", text)
        return m.group(1) if m else None

    def _roles_of_parties(self) -> dict[str, str]:
        """갑/을 → role, from the agreement's words; by default 갑 supplies and 을 resells."""
        said: dict[str, str] = {}
        for s in sentences(self.r.pages):
            flat = squash(s.text)
            for party in ("갑", "을"):
                for role, words in self.role_words.items():
                    for w in words:
                        # `"을"이 중개 제공자로서`, `갑 (원 제공자)`, `(갑) 원 제공자`
                        pattern = (
                            r"["
                            + _QUOTE
                            + r"(]?"
                            + party
                            + r"["
                            + _QUOTE
                            + r")]?(?:이|은|는|가)?\(?"
                            + re.escape(w)
                            + r"|"
                            + re.escape(w)
                            + r"\)?[("
                            + _QUOTE
                            + r"]?"
                            + party
                            + r"[)"
                            + _QUOTE
                            + r"]"
                        )
                        if re.search(pattern, flat):
                            said.setdefault(party, role)
        if said.get("갑") and not said.get("을"):
            said["을"] = "reseller" if said["갑"] == "original" else "original"
        if said.get("을") and not said.get("갑"):
            said["갑"] = "reseller" if said["을"] == "original" else "original"
        return said or {"갑": "original", "을": "reseller"}

    # --- reading -------------------------------------------------------------------------------
    def read(self) -> Parties:
        out = Parties()
        self._columns(out)
        self._defined(out)
        self._rows(out)
        return out

    def _column_role(self, seg: Segment) -> str | None:
        role = self.role_in(seg.text)
        if role is not None:
            return role
        party = self._party_of(seg.text) or (
            m.group(1) if (m := _PARTY_TOKEN.match(seg.text.strip())) else None
        )
        return self.roles.get(party) if party else None

    def _columns(self, out: Parties) -> None:
        """Two columns headed by the parties: a table of the parties or the signature block."""
        for pl in self.r.pages:
            for li, line in enumerate(pl.lines):
                heads: list[tuple[int, str]] = []
                for i, s in enumerate(line.segments):
                    role = self._column_role(s)
                    if role is not None:
                        heads.append((i, role))
                if len(heads) != 2 or heads[0][1] == heads[1][1] or len(squash(line.text)) > 40:
                    continue
                spans = {role: column_range(line, i, pl.page.width) for i, role in heads}
                first = min(spans[r][0] for r in spans)
                for k, row in enumerate(pl.lines[li + 1 : li + 8]):
                    self._column_row(pl, row, spans, first, out, unlabelled=k < 2)

    def _column_row(
        self,
        pl: PageLines,
        row: Line,
        spans: dict[str, tuple[float, float]],
        first: float,
        out: Parties,
        *,
        unlabelled: bool,
    ) -> None:
        """A row under the parties' columns: `상호 | A | B`, `상호 : A | 상호 : B`, or (right under
        the header of a signature block) the names alone."""
        label = squash(row.segments[0].text).rstrip(":：") if row.segments[0].x1 <= first + 2 else ""
        for role, span in spans.items():
            cells = [s for s in row.segments if in_column(s, span)]
            if not cells:
                continue
            text = " ".join(c.text for c in cells)
            v = words_value([w for c in cells for w in c.words], pl)
            own = re.match(r"^\s*([^:：]{2,12})\s*[:：]\s*(.+)$", text)  # `상호 : A` in the column
            key, value = (squash(own.group(1)), own.group(2)) if own else (label, text)
            if any(key.startswith(k) for k in self.brn_labels):
                out.put(role, brn=value, v=v)
            elif any(key.startswith(k) for k in self.name_labels) or (
                unlabelled and not key and re.search(_NAME, value)
            ):
                out.put(role, name=_company_in(value, pl, cell=True), v=v)

    def _defined(self, out: Parties) -> None:
        """`원 제공자 주식회사 A(사업자등록번호: …, 이하 "갑"이라 한다)`."""
        for s in sentences(self.r.pages):
            text = join_letter_spaced(s.text) if s.page.ocr else s.text
            for m in _DEFINED.finditer(text):
                before = text[max(0, m.start() - 12) : m.start()]
                role = self.role_in(before) or self.roles.get(m.group("party"))
                v = words_value(_words_of(s.words, m.group(0)), s.page, m.group(0))
                brn = m.group("inside") if nz.brn_readings(m.group("inside"), ocr=s.page.ocr) else None
                out.put(role, name=_company_in(m.group("name"), s.page), brn=brn, v=v)

    def _rows(self, out: Parties) -> None:
        """A summary table's rows naming one party each: the role beside or under a row header."""
        for pl in self.r.pages:
            for li, line in enumerate(pl.lines):
                for si, seg in enumerate(line.segments[:-1]):
                    key = squash(seg.text).rstrip(":：")
                    is_name = any(key == k for k in self.name_labels)
                    is_brn = any(key == k for k in self.brn_labels)
                    if not (is_name or is_brn) or si == 0:
                        continue
                    nearby = [line.segments[0].text]
                    nearby += [
                        pl.lines[k].segments[0].text for k in (li - 1, li + 1) if 0 <= k < len(pl.lines)
                    ]
                    role = next((r for r in map(self.role_in, nearby) if r), None)
                    value = line.segments[si + 1]
                    v = words_value(value.words, pl)
                    if is_name:
                        out.put(role, name=_company_in(value.text, pl, cell=True), v=v)
                    else:
                        out.put(role, brn=value.text, v=v)


_FORM = r"(?:주식회사|\(\s*주\s*\)|㈜)"
_NAMES = (re.compile(_FORM + r"\s*([^\s(),「」]+)"), re.compile(r"([^\s(),「」]+)\s*" + _FORM))
# words next to a legal form that are no company's name: roles, titles, particles
_NOT_A_NAME = frozenset(
    {"대표이사", "대표", "제공자", "중개", "원", "갑", "을", "귀중", "귀하", "이하", "및", "와", "과"}
)


_CELL_END = re.compile(r"\s*(?:대\s*표\s*이\s*사|대\s*표\s*자|대\s*표|\(\s*인\s*\)|귀\s*중)")


def _company_in(text: str, pl: PageLines, *, cell: bool = False) -> str:
    """The company name in a text (`(갑) 원 제공자 주식회사 A 대표이사 …` → `주식회사 A`). A cell that
    holds a name is the name up to a title (`대표이사 …`) whatever its words: a scan's letter-spaced
    `주식회사 스 카 이 데 이 터 센터` is all one name."""
    text = join_letter_spaced(text) if pl.ocr else text
    if cell and re.search(_FORM, text):
        name = _CELL_END.split(text, maxsplit=1)[0].strip(" ,:：")
        if re.match(r"^" + _FORM, name) or re.search(_FORM + r"$", name):
            return name
    found = sorted(
        (m.start(), m.group(0)) for p in _NAMES for m in p.finditer(text) if m.group(1) not in _NOT_A_NAME
    )
    return found[0][1] if found else text


def _words_of(words: list[Word], text: str) -> list[Word]:
    flat = squash(text)
    chosen = [w for w in words if squash(w.text) and squash(w.text) in flat]
    return chosen[:12] or words[:1]

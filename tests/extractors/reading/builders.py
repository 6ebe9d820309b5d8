"""Build the reading layer's fixtures from code: Korean text PDFs, degraded scans, hostile files.

Also used by `benchmarks/ocr.py`. Every builder writes into a directory it is given, so pytest-xdist
workers never share a file.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_FILE = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"
FONT = "NanumGothic"
A4_W, A4_H = A4


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_FILE))


@dataclass
class Doc:
    """One page of a Korean document: a title and a table of label/value rows."""

    title: str
    rows: list[tuple[str, str]]
    footer: str = ""
    values: list[str] = field(default_factory=list)  # what OCR should find verbatim

    def __post_init__(self) -> None:
        if not self.values:
            self.values = [v for _, v in self.rows]


DOCS: list[Doc] = [
    Doc(
        "사 업 자 등 록 증",
        [
            ("등록번호", "134-86-72607"),
            ("법인명(단체명)", "주식회사 하늘클라우드"),
            ("대표자", "김민준"),
            ("개업연월일", "2019년 03월 02일"),
            ("법인등록번호", "110111-6543210"),
            ("사업장 소재지", "서울특별시 강남구 테헤란로 123, 4층"),
            ("업태", "정보통신업"),
            ("종목", "소프트웨어 개발 및 공급"),
            ("발급일", "2024. 3. 4."),
        ],
        footer="역삼세무서장",
    ),
    Doc(
        "신용평가등급확인서",
        [
            ("평가기관", "한국기업데이터"),
            ("업체명", "(주)바다소프트"),
            ("사업자등록번호", "220-81-62517"),
            ("신용등급", "BB+"),
            ("현금흐름등급", "CF3"),
            ("결산기준일", "2023. 12. 31."),
            ("평가일", "2024. 02. 15."),
            ("유효기간", "2024. 02. 15. ~ 2025. 02. 14."),
        ],
        footer="주식회사 한국기업데이터 대표이사",
    ),
    Doc(
        "등기사항전부증명서(현재 유효사항)",
        [
            ("등기번호", "048213"),
            ("등록번호", "110111-4820137"),
            ("상호", "주식회사 누리데이터"),
            ("본점", "경기도 성남시 분당구 판교역로 235"),
            ("회사성립연월일", "2016 년 05 월 20 일"),
            ("자본금의 액", "금 500,000,000 원"),
            ("대표이사", "이서연"),
            ("목적", "1. 클라우드 컴퓨팅 서비스업"),
            ("관할등기소", "수원지방법원 성남지원 등기과"),
        ],
    ),
    Doc(
        "서비스 수준 정책서",
        [
            ("서비스명", "누리 클라우드 드라이브"),
            ("가용성", "99.9%"),
            ("백업 주기", "일 1회"),
            ("복구 목표 시간(RTO)", "4시간"),
            ("복구 목표 시점(RPO)", "24시간"),
            ("기술지원 시간", "평일 09:00~18:00"),
            ("장애 대응 시간", "2시간 이내"),
        ],
    ),
]


def draw_doc(c: canvas.Canvas, doc: Doc, *, repeat: int = 1) -> None:
    """Draw one page: a spaced title, a ruled two-column table, a footer."""
    _register_font()
    c.setFont(FONT, 20)
    c.drawCentredString(A4_W / 2, A4_H - 90, doc.title)
    c.setFont(FONT, 11)
    y = A4_H - 150
    for _ in range(repeat):
        for label, value in doc.rows:
            c.rect(60, y - 7, 130, 24)
            c.rect(190, y - 7, 345, 24)
            c.drawString(68, y, label)
            c.drawString(198, y, value)
            y -= 24
        y -= 12
    if doc.footer:
        c.setFont(FONT, 14)
        c.drawCentredString(A4_W / 2, 110, doc.footer)


def text_pdf(path: Path, docs: list[Doc], *, repeat: int = 1) -> Path:
    """A born-digital PDF with one page per document (NanumGothic embedded)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for doc in docs:
        draw_doc(c, doc, repeat=repeat)
        c.showPage()
    c.save()
    return path


def degrade(img: Image.Image, *, seed: int, strength: float = 1.0) -> Image.Image:
    """What a cheap office scanner does: tilt, blur, grain and specks (`strength` 1: a fair scan).

    Deterministic for a seed (Pillow's own noise generator cannot be seeded).
    """
    rnd = random.Random(seed)
    gray = img.convert("L")
    angle = rnd.uniform(-1.0, 1.0) * strength
    gray = gray.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    gray = gray.filter(ImageFilter.GaussianBlur(0.7 * strength))
    n = gray.size[0] * gray.size[1]
    # The mean of three uniform noise images is close to Gaussian (sigma about 43).
    u1, u2, u3 = (Image.frombytes("L", gray.size, rnd.randbytes(n)) for _ in range(3))
    grain = Image.blend(Image.blend(u1, u2, 0.5), u3, 1 / 3)
    gray = Image.blend(gray, grain, min(0.1 * strength, 0.5))
    # Dust: a few dark specks.
    draw = ImageDraw.Draw(gray)
    for _ in range(round(400 * strength)):
        x, y, r = rnd.randrange(gray.size[0]), rnd.randrange(gray.size[1]), rnd.uniform(0.6, 2.0)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rnd.randrange(0, 90))
    return gray


def scan_images(src: Path, *, dpi: int = 200, seed: int = 1, strength: float = 1.0) -> list[Image.Image]:
    """Render each page of `src` at `dpi` and degrade it like a scan."""
    pdf = pdfium.PdfDocument(str(src))
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            img = page.render(scale=dpi / 72, grayscale=True).to_pil()
            out.append(degrade(img, seed=seed + i, strength=strength))
            page.close()
        return out
    finally:
        pdf.close()


def jpeg_bytes(img: Image.Image, *, quality: int = 60, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    if dpi is None:
        img.save(buf, "JPEG", quality=quality)
    else:
        img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
    return buf.getvalue()


def scanned_pdf(
    src: Path, dest: Path, *, dpi: int = 200, quality: int = 60, seed: int = 1, strength: float = 1.0
) -> Path:
    """A scanned PDF: each page one full-page JPEG (DCT kept as is by reportlab)."""
    c = canvas.Canvas(str(dest), pagesize=A4)
    for i, img in enumerate(scan_images(src, dpi=dpi, seed=seed, strength=strength)):
        jpg = dest.with_name(f"{dest.stem}-{i}.jpg")
        jpg.write_bytes(jpeg_bytes(img, quality=quality))
        c.drawImage(str(jpg), 0, 0, width=A4_W, height=A4_H)
        c.showPage()
    c.save()
    return dest


# --- hand-written PDF bytes -------------------------------------------------------------------


def pdf_stream(dict_body: bytes, data: bytes) -> bytes:
    return b"<< " + dict_body + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def raw_pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from object bodies (object i+1 is objects[i]) with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer_extra,
        xref,
    )
    return bytes(out)


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page_pdf(content: bytes, *, resources: bytes = b"", extra: list[bytes] | None = None) -> bytes:
    """Catalog (1), Pages (2), Page (3), content stream (4), then `extra` objects from 5 on."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << "
        + resources
        + b" >> >>",
        pdf_stream(b"", content),
        *(extra or []),
    ]
    return raw_pdf(objects)


def flate(data: bytes, times: int = 1) -> bytes:
    for _ in range(times):
        data = zlib.compress(data, 9)
    return data


def image_page_pdf(
    jpegs: list[bytes],
    *,
    dpi: int = 200,
    overlay: bytes = b"",
    fonts: bytes = b"",
    extra: list[bytes] | None = None,
) -> bytes:
    """A scanned PDF written by hand: each page one plain DCT image (no ASCII85) drawn over the
    page at `dpi`, then `overlay` content (text over the scan) with `/Font << fonts >>`.

    Objects: 1 catalog, 2 pages, then `extra` (from 3 on: fonts for the overlay), then per page:
    page, content, image.
    """
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", *(extra or [])]
    kids = []
    for jpg in jpegs:
        with Image.open(io.BytesIO(jpg)) as im:
            w_px, h_px = im.size
            gray = im.mode == "L"
        w_pt, h_pt = w_px * 72 / dpi, h_px * 72 / dpi
        page, content, image = len(objects) + 1, len(objects) + 2, len(objects) + 3
        kids.append(b"%d 0 R" % page)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
            b"/Resources << /XObject << /Im0 %d 0 R >> /Font << %s >> >> >>"
            % (w_pt, h_pt, content, image, fonts)
        )
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n" % (w_pt, h_pt) + overlay
        objects.append(pdf_stream(b"", draw))
        space = b"/DeviceGray" if gray else b"/DeviceRGB"
        objects.append(
            pdf_stream(
                b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                b"/BitsPerComponent 8 /Filter /DCTDecode" % (w_px, h_px, space),
                jpg,
            )
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return raw_pdf(objects)


# A Type0 font with no embedded program and no ToUnicode map: extractors print "(cid:NN)".
CID_FONT_OBJECTS = [
    b"<< /Type /Font /Subtype /Type0 /BaseFont /Unknown /Encoding /Identity-H /DescendantFonts [%d 0 R] >>",
    b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Unknown /CIDSystemInfo << /Registry (Adobe) "
    b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>",
    b"<< /Type /FontDescriptor /FontName /Unknown /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
    b"/Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
]

PUA_CMAP = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /PUA def "
    b"1 begincodespacerange <0000> <FFFF> endcodespacerange "
    b"1 beginbfrange <0001> <00FF> <E000> endbfrange endcmap "
    b"CMapName currentdict /CMap defineresource pop end end"
)


def cid_text_ops(count: int = 60, *, lines: int = 20, invisible: bool = False) -> bytes:
    """Text showing glyph ids 1..count on `lines` lines with font /F1."""
    mode = b"3 Tr " if invisible else b""
    ops = bytearray(b"BT /F1 14 Tf " + mode)
    for line in range(lines):
        glyphs = b"".join(b"%04X" % (1 + (line * 7 + i) % count) for i in range(24))
        ops += b"1 0 0 1 60 %d Tm <%s> Tj " % (780 - 30 * line, glyphs)
    return bytes(ops + b"ET\n")


def png_with_size(width: int, height: int) -> bytes:
    """A PNG whose header declares `width` × `height` (the pixel data is a stub)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )

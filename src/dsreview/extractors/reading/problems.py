"""What can be wrong with a file: stable reason keys and Korean messages a vendor can act on.

The child process reports a reason and a few numbers (`detail`); the parent turns them into a
`FileProblem` here, so every message is written in one place.
"""

from __future__ import annotations

from collections.abc import Mapping

from dsreview.config import Limits
from dsreview.domain import FileProblem

# Reasons whose problem is only a warning: the pages are still read.
WARNINGS = frozenset({"javascript", "embedded_files", "damaged", "ocr_failed"})

_RESUBMIT = "원본 문서에서 PDF로 다시 저장하여 제출해 주십시오."
_CORRUPT = {
    "format": "PDF 구조가 손상되어 파일을 열 수 없습니다.",
    "no_pages": "PDF에 읽을 수 있는 쪽이 없습니다(쪽 구조 손상).",
    "image": "이미지 파일이 손상되어 열 수 없습니다.",
    "nothing": "파일이 잘리거나 손상되어 읽을 수 있는 내용이 남아 있지 않습니다.",
    "internal": "파일을 처리하는 중 예기치 못한 오류가 발생해 읽지 못했습니다.",
}


def _mib(n: float) -> str:
    return f"{n / (1024 * 1024):,.0f}MB"


def _int(detail: Mapping[str, object], key: str) -> int:
    value = detail.get(key, 0)
    return int(value) if isinstance(value, int | float) else 0


def _message(reason: str, detail: Mapping[str, object], limits: Limits) -> str:
    if reason == "unreadable":
        return "파일을 열 수 없습니다(없는 파일이거나 읽을 권한이 없습니다). 파일을 다시 올려 주십시오."
    if reason == "empty":
        return "파일이 비어 있습니다(0바이트). 파일을 다시 저장하여 제출해 주십시오."
    if reason == "too_large":
        size = _int(detail, "size")
        return (
            f"파일 크기({_mib(size)})가 한도({_mib(limits.max_file_bytes)})를 넘습니다. "
            "스캔 해상도를 300dpi 이하로 낮추거나 문서별로 나누어 제출해 주십시오."
        )
    if reason == "not_supported":
        kind = str(detail.get("kind", "알 수 없는 형식"))
        return (
            f"PDF나 이미지(PNG, JPEG, TIFF) 파일이 아닙니다({kind}). 문서를 PDF로 변환하여 제출해 주십시오."
        )
    if reason == "encrypted":
        return (
            "암호가 걸린 PDF라서 열 수 없습니다. 열기 암호(문서 열기 암호)를 해제한 뒤 "
            "다시 저장하여 제출해 주십시오."
        )
    if reason == "too_many_pages":
        return (
            f"쪽수({_int(detail, 'pages'):,}쪽)가 한 파일의 한도({limits.max_pages}쪽)를 넘습니다. "
            "제출 서류만 담아 파일을 나누어 제출해 주십시오."
        )
    if reason == "image_too_large":
        w, h = _int(detail, "width"), _int(detail, "height")
        return (
            f"이미지 크기({w:,}×{h:,}화소)가 한도({limits.max_image_pixels // 10_000:,}만 화소)를 "
            "넘습니다. 300dpi 이하로 다시 스캔하거나 저장하여 제출해 주십시오."
        )
    if reason == "decompression_bomb":
        return (
            "PDF 안의 압축 데이터가 풀면 비정상적으로 커집니다(압축 폭탄 의심). 안전을 위해 읽지 "
            "않았습니다. " + _RESUBMIT
        )
    if reason == "timeout":
        return (
            f"파일을 읽는 데 {limits.timeout_seconds:.0f}초를 넘겨 중단했습니다. 파일이 지나치게 "
            "복잡하거나 손상되었을 수 있습니다. " + _RESUBMIT
        )
    if reason == "memory":
        return (
            f"파일을 읽는 데 메모리 한도({_mib(limits.memory_bytes)})를 넘겨 중단했습니다. "
            "쪽을 나누거나 해상도를 낮추어 " + _RESUBMIT
        )
    if reason == "crash":
        return "파일을 읽는 도중 처리가 비정상적으로 끝났습니다. 파일이 손상되었을 수 있습니다. " + _RESUBMIT
    if reason == "damaged":
        pages = detail.get("pages")
        where = f"{pages}쪽을 읽지 못했고 " if pages else ""
        return (
            f"PDF 일부가 손상되어 {where}복구할 수 있는 부분만 읽었습니다. "
            "빠진 내용이 없는지 확인하고 " + _RESUBMIT
        )
    if reason == "javascript":
        return (
            "PDF에 자바스크립트가 들어 있습니다. 실행하지 않고 내용만 읽었습니다. "
            "자바스크립트 없이 다시 저장하여 제출해 주십시오."
        )
    if reason == "embedded_files":
        count = _int(detail, "count")
        what = f"첨부 파일 {count}개" if count else "첨부 파일"
        return (
            f"PDF 안에 {what}가 들어 있습니다. 첨부 파일은 열지 않았습니다. "
            "필요한 서류는 각각 별도 파일로 제출해 주십시오."
        )
    if reason == "ocr_failed":
        return (
            f"{detail.get('pages', '')}쪽의 글자 인식(OCR)에 실패했습니다. "
            "더 선명하게(300dpi) 스캔하여 제출해 주십시오."
        )
    # corrupt and anything unforeseen
    what = _CORRUPT.get(str(detail.get("what", "")), _CORRUPT["format"])
    return f"{what} " + _RESUBMIT


def make_problem(reason: str, detail: Mapping[str, object] | None, limits: Limits) -> FileProblem:
    """The `FileProblem` for a reason key; warnings (JavaScript, attachments…) are not fatal."""
    return FileProblem(
        reason=reason,
        message=_message(reason, detail or {}, limits),
        fatal=reason not in WARNINGS,
    )

"""Settings: one pydantic-settings class, environment prefix ``DSREVIEW_``.

Nothing else in dsreview reads ``os.environ``. Build a `Settings` explicitly (tests) or call
`get_settings()` once at the edge (CLI, app factory) and pass it down.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MIB = 1024 * 1024


class OrganisationProfile(BaseModel):
    """The sender of every official document (DOMAIN §8)."""

    agency: str = "한국지능정보사회진흥원"
    head_title: str = "한국지능정보사회진흥원장"
    department: str = "지능기술인프라본부 AI-클라우드기술혁신팀"
    address: str = "(41068) 대구광역시 동구 첨단로 53 한국지능정보사회진흥원"
    postal_code: str = "41068"
    phone: str = "053-230-1114"
    fax: str = "053-230-1119"
    email: str = "digitalservice@nia.or.kr"
    homepage: str = "https://www.nia.or.kr"
    # The people of the closing block (기안자 · 검토자 · 결재권자, e.g. "주임 김하늘"): settings of the
    # deployment, never names in code; empty prints the role alone. The demo sets its own.
    drafter: str = ""
    reviewer: str = ""
    approver: str = ""
    disclosure: str = "공개"
    document_prefix: str = "AI클라우드혁신팀"


class Limits(BaseModel):
    """Limits on one untrusted input file, enforced in the child process that parses it."""

    max_file_bytes: int = 50 * MIB
    max_pages: int = 300
    max_image_pixels: int = 40_000_000
    timeout_seconds: float = 60.0
    memory_bytes: int = 1536 * MIB
    max_stream_bytes: int = 256 * MIB  # a PDF stream inflating past this is a decompression bomb
    max_upload_bytes: int = 200 * MIB
    max_files_per_bundle: int = 40
    vendor_quota_bytes: int = 2048 * MIB  # every file a vendor's company has uploaded, all told
    max_json_bytes: int = 1 * MIB  # JSON and form bodies (uploads are multipart)


class SignInLimits(BaseModel):
    """Sign-in throttling: failures allowed before delays start, per account and per client
    address; each further failure doubles the wait, up to `max_delay_seconds`."""

    free_failures_account: int = 5
    free_failures_address: int = 20
    first_delay_seconds: float = 2.0
    max_delay_seconds: float = 900.0
    forget_after_seconds: float = 3600.0  # failures older than this no longer count
    concurrent_hashes: int = 2  # password checks at once (each costs password_memory_kib)
    hash_wait_seconds: float = 10.0  # a sign-in waits this long for a turn, then gets 429


class BusinessStatusSettings(BaseModel):
    """국세청 사업자등록 상태조회 (the public data portal's nts-businessman service); off without a key."""

    service_key: str = Field(default="", description="The portal's serviceKey; empty: the lookup is skipped")
    url: str = "https://api.odcloud.kr/api/nts-businessman/v1/status"
    timeout_seconds: float = 10.0


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="DSREVIEW_", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    data_dir: Path = Field(default=Path("data"), description="Database, files, caches")
    host: str = "127.0.0.1"
    port: int = 8000
    database_url: str | None = Field(default=None, description="Default: SQLite in data_dir")
    queue_url: str | None = Field(default=None, description="redis://… ; default: SQLite in data_dir")
    secret_key: str = Field(default="", description="Token signing key; generated into data_dir if empty")
    token_minutes: int = 8 * 60
    base_url: str = ""

    limits: Limits = Limits()
    signin: SignInLimits = SignInLimits()
    organisation: OrganisationProfile = OrganisationProfile()
    business_status: BusinessStatusSettings = BusinessStatusSettings()

    policy_file: Path | None = Field(default=None, description="Override of the packaged policy file")
    templates_dir: Path | None = Field(
        default=None,
        description="Folder of edited templates (<kind>.docx, <kind>.hwpx) that replace the shipped ones",
    )
    ocr_cache: bool = True
    ocr_workers: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1))
    ocr_second_pass: bool = True
    # "page": the second model reads every OCR'd page whole; "doubtful": only the lines the first
    # pass read with doubt, stacked into one run
    ocr_second_pass_scope: Literal["page", "doubtful"] = "page"
    tesseract_cmd: str = "tesseract"
    ocr_languages: str = Field(default="kor+eng", description="Tesseract models of the first pass")
    ocr_alt_languages: str = Field(default="Hangul+eng", description="Models of the second pass (alt_words)")
    ocr_psm: int = Field(default=4, description="Tesseract page segmentation mode of both passes")
    ocr_render_dpi: int = Field(default=300, description="Resolution of pages rendered for OCR")

    pdf_converters: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1))
    pdf_timeout_seconds: float = 60.0
    soffice_cmd: str = "soffice"
    pg_dump_cmd: str = Field(default="pg_dump", description="PostgreSQL's pg_dump (dsreview backup)")
    pg_restore_cmd: str = Field(
        default="pg_restore", description="PostgreSQL's pg_restore (dsreview restore)"
    )
    uno_python: str = "/usr/bin/python3"
    unoserver_base_port: int = 2003
    converter_user: str = Field(
        default="dsreview-convert",
        description="Unprivileged account the PDF converters run as when the service runs as root",
    )

    workers: int = 2
    api_workers: int = Field(default=1, description="Uvicorn processes of `dsreview serve` / `dsreview api`")
    demo_data: bool = Field(
        default=False, description="Load the demo accounts (published password) on a first start; `make run`"
    )
    demo_samples_dir: Path = Field(
        default=Path("samples/cases"), description="Sample bundles loaded as demo applications"
    )
    timezone: str = Field(default="Asia/Seoul", description="Whose calendar 'today' is (deadlines)")
    job_lease_seconds: float = Field(default=60.0, description="A running job's lease, renewed while alive")
    job_max_attempts: int = 3
    worker_nice: int = Field(default=10, description="Workers yield the CPU to the API (os.nice)")
    # argon2id cost; tests lower it, production keeps the library's defaults.
    password_time_cost: int = 3
    password_memory_kib: int = 65536

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def queue_file(self) -> Path:
        return self.data_dir / "queue.sqlite3"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'dsreview.sqlite3').resolve()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment once, at the edge."""
    return Settings()

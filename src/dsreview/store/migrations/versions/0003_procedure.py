"""The procedure of the briefing: receipt dates, re-reviews, change requests, service events

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import dsreview.store.models.base

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "service_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.Column("created_at", dsreview.store.models.base.UTCDateTime(), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("files", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("touches_criteria", sa.Boolean(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["users.id"], name=op.f("fk_service_changes_decided_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"], ["users.id"], name=op.f("fk_service_changes_requested_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_service_changes_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_changes")),
    )
    with op.batch_alter_table("service_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_changes_service_id"), ["service_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_service_changes_status"), ["status"], unique=False)

    op.create_table(
        "service_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("reported_by", sa.Integer(), nullable=True),
        sa.Column("created_at", dsreview.store.models.base.UTCDateTime(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("handled_by", sa.Integer(), nullable=True),
        sa.Column("handled_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handled_by"], ["users.id"], name=op.f("fk_service_events_handled_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["reported_by"], ["users.id"], name=op.f("fk_service_events_reported_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_service_events_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_events")),
    )
    with op.batch_alter_table("service_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_events_service_id"), ["service_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_service_events_status"), ["status"], unique=False)

    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("received_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("purpose", sa.String(length=16), nullable=False, server_default="selection")
        )
        batch_op.add_column(sa.Column("service_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("supplement_due", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("withdrawn_at", dsreview.store.models.base.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(sa.Column("refusal", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("rehabilitation", sa.Text(), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_applications_service_id"), ["service_id"], unique=False)

    with op.batch_alter_table("quality_checks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("self_check_report", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("due_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("application_id", sa.Integer(), nullable=True))

    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.add_column(sa.Column("current_application_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("spec", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("price", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("price_unit", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("contact_name", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("contact_phone", sa.String(length=40), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("contact_email", sa.String(length=254), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("csap_type", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("csap_grade", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("csap_valid_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("credit_valid_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("updated_at", dsreview.store.models.base.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.drop_column("updated_at")
        batch_op.drop_column("credit_valid_until")
        batch_op.drop_column("csap_valid_until")
        batch_op.drop_column("csap_grade")
        batch_op.drop_column("csap_type")
        batch_op.drop_column("contact_email")
        batch_op.drop_column("contact_phone")
        batch_op.drop_column("contact_name")
        batch_op.drop_column("price_unit")
        batch_op.drop_column("price")
        batch_op.drop_column("spec")
        batch_op.drop_column("current_application_id")

    with op.batch_alter_table("quality_checks", schema=None) as batch_op:
        batch_op.drop_column("application_id")
        batch_op.drop_column("due_date")
        batch_op.drop_column("self_check_report")

    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_service_id"))
        batch_op.drop_column("rehabilitation")
        batch_op.drop_column("refusal")
        batch_op.drop_column("withdrawn_at")
        batch_op.drop_column("supplement_due")
        batch_op.drop_column("service_id")
        batch_op.drop_column("purpose")
        batch_op.drop_column("received_on")

    with op.batch_alter_table("service_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_events_status"))
        batch_op.drop_index(batch_op.f("ix_service_events_service_id"))

    op.drop_table("service_events")
    with op.batch_alter_table("service_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_changes_status"))
        batch_op.drop_index(batch_op.f("ix_service_changes_service_id"))

    op.drop_table("service_changes")

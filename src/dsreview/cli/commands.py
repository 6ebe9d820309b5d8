"""The list of command groups. Each module adds its own commands to the app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from dsreview.cli import backup, intake, render, serve, users

    intake.register(app)
    serve.register(app)
    users.register(app)
    render.register(app)
    backup.register(app)

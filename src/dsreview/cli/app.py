"""The `dsreview` command: one Typer app, one module per command group.

`main()` owns the process's exit: usage errors are one line on stderr with status 2, dsreview errors
their own exit code, and nothing ever prints a traceback to the user.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from dsreview.errors import DsreviewError

app = typer.Typer(
    name="dsreview",
    help="디지털서비스 전문계약제도 서류 엔진 — reads bundles, checks them, generates documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _register() -> None:
    # Imported here so that each command module stays the only place that knows its command.
    from dsreview.cli import commands

    commands.register(app)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _click_error(exc: Exception) -> int:
    """Click's own errors (Typer vendors Click, so match by shape, not by class)."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        print(ctx.get_help(), file=sys.stderr)
        return 2
    format_message = getattr(exc, "format_message", None)
    exit_code = getattr(exc, "exit_code", None)
    if callable(format_message) and isinstance(exit_code, int):
        print(f"dsreview: {_one_line(str(format_message()))}", file=sys.stderr)
        return exit_code
    reason = f"{type(exc).__name__}: {_one_line(str(exc))[:200]}"
    print(f"dsreview: 내부 오류가 발생했습니다 (internal error: {reason})", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    _register()
    command = typer.main.get_command(app)
    try:
        result = command.main(
            args=list(argv) if argv is not None else None, prog_name="dsreview", standalone_mode=False
        )
    except (typer.Abort, KeyboardInterrupt):
        print("dsreview: 중단되었습니다 (interrupted)", file=sys.stderr)
        return 130
    except typer.Exit as exc:
        return int(exc.exit_code)
    except DsreviewError as exc:
        from dsreview.domain.korean import particles

        print(f"dsreview: {_one_line(particles(exc.message))}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: a user never sees a traceback
        return _click_error(exc)
    return int(result) if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

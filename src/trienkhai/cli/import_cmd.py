"""`trienkhai import FILE... --unit CODE`: load plan documents into the web system's database.

The command sets Django up itself (settings from the environment, as for the web app). Each
file becomes a draft plan version issued by the unit ``CODE`` (or is refused with one line:
unreadable, too large, duplicate); ``--publish`` also publishes it and creates assignments.
Exit code 0 when every file was imported, 1 when any failed or the unit does not exist.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from . import main


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trienkhai.web.settings")
    import django

    django.setup()


@main.command("import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--unit", "unit_code", required=True, help="mã đơn vị ban hành (trong danh mục)")
@click.option("--publish", "do_publish", is_flag=True, help="công bố ngay sau khi nhập")
@click.option("--user", "username", default=None, help="tài khoản ghi vào nhật ký thay đổi")
@click.option("--strict", is_flag=True, help="dừng ở tệp lỗi đầu tiên")
def import_command(
    files: tuple[Path, ...], unit_code: str, do_publish: bool, username: str | None, strict: bool
) -> None:
    """Nhập văn bản kế hoạch vào hệ thống (bản dự thảo chờ rà soát)."""
    _setup_django()
    from django.contrib.auth import get_user_model
    from django.db import DatabaseError

    from trienkhai.web.audit.log import acting_as
    from trienkhai.web.orgs.models import Unit
    from trienkhai.web.plans.errors import PlanError
    from trienkhai.web.plans.importer import import_document
    from trienkhai.web.plans.publish import publish

    try:
        unit = Unit.objects.filter(code=unit_code).first()
        user = get_user_model().objects.filter(username=username).first() if username else None
    except DatabaseError as err:
        raise click.ClickException(
            f"không mở được cơ sở dữ liệu ({err}); hãy chạy migrate"
        ) from err
    if unit is None:
        raise click.ClickException(f"không có đơn vị mã “{unit_code}” trong danh mục")
    if username and user is None:
        raise click.ClickException(f"không có tài khoản “{username}”")
    failed = 0
    with acting_as(user):
        for path in files:
            try:
                result = import_document(path.read_bytes(), path.name, unit, user)
                line = (
                    f"{path.name}: kế hoạch #{result.plan.pk}, phiên bản "
                    f"{result.version.number}, {result.version.tasks.count()} nhiệm vụ"
                )
                if do_publish:
                    try:
                        published = publish(result.version, user)
                    except PlanError as err:
                        failed += 1
                        click.echo(f"{line}; chưa công bố: {err}", err=True)
                        continue
                    line += (
                        f"; công bố, {published.assignments} giao nhiệm vụ, "
                        f"{len(published.unresolved)} tên cơ quan chờ xác định"
                    )
                click.echo(line)
            except (PlanError, OSError) as err:
                failed += 1
                click.echo(f"lỗi: {path.name}: {err}", err=True)
                if strict:
                    break
    if failed:
        raise SystemExit(1)

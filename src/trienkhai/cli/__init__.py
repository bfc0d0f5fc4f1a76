"""The `trienkhai` command line: a thin shell over the engine and the web app.

Each command lives in its own module and registers itself on ``main``; this module only
collects them. Engine errors become one-line messages and exit codes, never tracebacks.
"""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="trienkhai")
def main() -> None:
    """trienkhai — đọc, so sánh và theo dõi kế hoạch triển khai văn bản."""


def _register() -> None:
    from . import (  # noqa: F401
        compare_cmd,
        extract_cmd,
        import_cmd,
    )


_register()

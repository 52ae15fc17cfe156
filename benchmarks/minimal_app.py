"""Baseline for bench.py: the least a Typer + Rich CLI costs to start and print a one-row table."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False)


@app.command()
def main() -> None:
    """Print a one-row table."""
    table = Table("id", "name")
    table.add_row("lssc", "Library Support Staff Certification")
    Console().print(table)


if __name__ == "__main__":
    app()

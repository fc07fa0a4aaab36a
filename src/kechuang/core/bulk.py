"""Bulk writes for hot paths: one ``executemany`` instead of the ORM's per-value preparation.

The ORM's ``bulk_create`` prepares every value of every row through the field machinery; for the
nightly recompute of 10,000 target snapshots that costs more than the arithmetic. These helpers send
plain tuples, adapting only what the driver cannot take as is (dates, on SQLite). ``INSERT … ON CONFLICT
… DO UPDATE`` is understood by both SQLite (3.24+) and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection, models


def _columns(model: type[models.Model], fields: Sequence[str]) -> list[str]:
    return [model._meta.get_field(name).column for name in fields]


def upsert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    conflict: str,
    batch_size: int = 2000,
) -> None:
    """Insert ``rows`` (tuples in the order of ``fields``); on a clash on ``conflict`` update the rest."""
    quote = connection.ops.quote_name
    columns = _columns(model, fields)
    conflict_column = model._meta.get_field(conflict).column
    updates = ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in columns if c != conflict_column)
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
           f"VALUES ({', '.join(['%s'] * len(columns))}) "
           f"ON CONFLICT ({quote(conflict_column)}) DO UPDATE SET {updates}")
    _execute_batches(sql, rows, batch_size, _date_positions(model, fields))


def insert_rows(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[object]],
                *, batch_size: int = 2000) -> None:
    quote = connection.ops.quote_name
    columns = _columns(model, fields)
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
           f"VALUES ({', '.join(['%s'] * len(columns))})")
    _execute_batches(sql, rows, batch_size, _date_positions(model, fields))


def _date_positions(model: type[models.Model], fields: Sequence[str]) -> tuple[int, ...]:
    """Where the date columns are: the only values the database driver may need adapted."""
    return tuple(i for i, name in enumerate(fields)
                 if model._meta.get_field(name).get_internal_type() == "DateField")


def _execute_batches(sql: str, rows: Iterable[Sequence[object]], batch_size: int,
                     date_positions: tuple[int, ...]) -> None:
    adapt = connection.ops.adapt_datefield_value
    batch: list[tuple[object, ...]] = []
    with connection.cursor() as cursor:
        for row in rows:
            if date_positions:
                row = list(row)
                for i in date_positions:
                    row[i] = adapt(row[i])
            batch.append(tuple(row))
            if len(batch) >= batch_size:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)

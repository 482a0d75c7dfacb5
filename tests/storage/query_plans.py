"""The SQLite query plans of the SELECTs a piece of Store code runs."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event


def query_plans(store, run: Callable[[], object]) -> list[list[str]]:
    """``run()`` with every SELECT it sends kept; each one's EXPLAIN QUERY
    PLAN steps, in the order sent (on PostgreSQL, no steps: one empty list
    per SELECT, so the reads can still be counted)."""
    statements = []

    def keep(_conn, _cursor, statement, parameters, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        run()
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    if store.dialect != "sqlite":
        return [[] for _statement in statements]
    with store.engine.connect() as conn:
        return [
            [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
            for sql, params in statements
        ]

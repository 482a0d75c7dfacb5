"""Plain Python records and rules. Nothing here imports Textual or SQLAlchemy."""

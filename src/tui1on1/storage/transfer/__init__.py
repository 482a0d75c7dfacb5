"""The whole database as one JSON-ready document, and merging one back in.

The document (``"format": "tui1on1-export", "version": 6``; versions 1 to 5,
which lack newer fields, are read too: see ``model.VERSION``) nests everything
under its person, so it carries no ids and imports into any database, SQLite
or PostgreSQL. ``export_data`` writes it; ``import_data`` checks all of it
first and then merges it in one write transaction: all of it lands, or none.

Import refuses to overwrite:

- a person matches by name, ignoring case; an existing person is not changed;
- a meeting matches by (person, started_at); an existing meeting is kept as it
  is (its pauses, segments, asked questions and draft too), but notes in it
  are still merged by uid;
- a note whose uid is anywhere in the database already is skipped, never
  updated; an action item comes and goes with its note;
- a talking point, a logged exposure, a backfill or a change to a growth plan
  whose uid is in the database already is skipped; a plan change made in a
  meeting names it by when it started and is linked to it again;
- a person has at most one live meeting: a second one is imported as ended
  (at its last note, or when it started) and the report says so.
"""

from tui1on1.storage.transfer.export import export_data
from tui1on1.storage.transfer.merge import import_data
from tui1on1.storage.transfer.model import FORMAT, VERSION, ImportError_
from tui1on1.storage.transfer.report import ImportReport

__all__ = ["FORMAT", "VERSION", "ImportError_", "ImportReport", "export_data", "import_data"]

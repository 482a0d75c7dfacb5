"""The question bank and playbooks, loaded from TOML shipped with the app (plus a user file).

``load_bank(user_file)`` gives the questions by slug and any problems found;
``load_playbooks()`` gives the playbooks by slug and their problems.
"""

from tui1on1.questions._toml import Problem
from tui1on1.questions.bank import (
    CATEGORIES,
    CATEGORY_TITLES,
    RELATIONSHIPS,
    LoadResult,
    Question,
    load_bank,
    validate_file,
)
from tui1on1.questions.playbooks import load_playbooks

__all__ = [
    "CATEGORIES",
    "CATEGORY_TITLES",
    "RELATIONSHIPS",
    "LoadResult",
    "Problem",
    "Question",
    "load_bank",
    "load_playbooks",
    "validate_file",
]

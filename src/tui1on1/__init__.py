"""tui1on1: a terminal companion for a manager's live one-on-one."""

__version__ = "0.1.0"

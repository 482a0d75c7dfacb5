"""A generated, realistic history of 1:1s for `tui1on1 demo` and for benchmarks.

:func:`generate` returns a whole-database export document (see
``tui1on1.storage.transfer``); :func:`iter_people` yields its people one by one.
"""

from tui1on1.demo.generate import generate, iter_people

__all__ = ["generate", "iter_people"]

"""The cyclic garbage collector while a command-line process loads its stack (issue 17).

Importing the signing stack (pyHanko, aiohttp, certvalidator, asn1crypto) leaves ~87,000 objects that the
collector tracks. With the collector on, the import triggers ~140 collections and interpreter exit one more
pass over every object; together ~90 ms of a ~470 ms ``verify`` process (bench/bench_cli_startup.py). Nearly
all of those objects are modules, classes and functions that live until the process ends anyway, so the
passes find next to nothing (about 1,700 objects).

So a process of its own (the console script: ``main()`` called without arguments) imports its command's
stack with the collector paused, then ``gc.freeze()`` moves what exists to the permanent generation —
no later collection scans it again, the exit pass included — and collection resumes before the command's
own work, so long-running commands (demo, import, sync) collect as usual. In-process callers (tests,
scripts calling ``main([...])``) are left alone: freezing their objects would keep their cyclic garbage
alive for the rest of their process.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_process_of_its_own = False


def own_process() -> None:
    """This process runs one command and exits (``main()`` from the console script or ``python -m``)."""
    global _process_of_its_own
    _process_of_its_own = True


@contextmanager
def loading_stack() -> Iterator[None]:
    """Imports inside this block run with the collector paused; on leaving it, what they created is
    frozen and collection resumes. Only in a process of its own and only while the collector is on
    (nested blocks: the outermost one resumes); elsewhere it does nothing."""
    pause = _process_of_its_own and gc.isenabled()
    if pause:
        gc.disable()
    try:
        yield
    finally:
        if pause:
            gc.freeze()
            gc.enable()

"""The global options, taken from anywhere on the line (cli-contract.md, Additions).

A module of its own, light on imports: the window's start reads these options before its splash is on
screen (issue 10: the first frame within 300 ms), so nothing here may pull in the accounts or the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from officer_desk.errors import UsageError

_VALUE_OPTIONS = ("--lang", "--database", "--as", "--password-file")
_FLAG_OPTIONS = ("--json",)


@dataclass
class GlobalOptions:
    json: bool = False
    lang: str | None = None
    database: str | None = None
    acting_user: str | None = None
    password_file: str | None = None
    rest: list[str] = field(default_factory=list)


def split_global_options(argv: Sequence[str]) -> GlobalOptions:
    """Take the global options out of ``argv`` wherever they stand (up to a ``--``)."""
    found = GlobalOptions()
    rest: list[str] = []
    items = list(argv)
    index = 0
    while index < len(items):
        item = items[index]
        if item == "--":
            rest.extend(items[index:])
            break
        name, eq, inline = item.partition("=")
        if name in _FLAG_OPTIONS and not eq:
            found.json = True
        elif name in _VALUE_OPTIONS:
            if eq:
                value = inline
            elif index + 1 < len(items):
                index += 1
                value = items[index]
            else:
                from officer_desk.i18n import _

                raise UsageError(_("Tùy chọn {option} cần một giá trị", option=name))
            attribute = {"--lang": "lang", "--database": "database", "--as": "acting_user",
                         "--password-file": "password_file"}[name]
            setattr(found, attribute, value)
        else:
            rest.append(item)
        index += 1
    found.rest = rest
    return found

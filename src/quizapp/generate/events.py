"""Finding mergers, splits and renamings, and designations, sanctions and mandates.

Each is a verb pattern; one sentence yields at most one event per family (a sentence that says
"broke with the group and created his own organization" is one split, not two).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MERGER_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (family, re.compile(pattern, re.IGNORECASE))
    for family, pattern in (
        (
            "union",
            r"\b(?:merged? (?:with|into)|merging with|the merger of|to form\b"
            r"|aligned (?:itself )?with|announced (?:the|a|its) (?:union|merger|alliance)"
            r"|joined forces|pledged (?:allegiance|bay'?a)|swore allegiance"
            r"|(?:a|the) (?:brief |formal )?(?:union|alliance) (?:with|between|of|combating)"
            r"|after (?:a|the) (?:brief )?union)",
        ),
        (
            "rename",
            r"\b(?:rebrand(?:ed|ing|s)? (?:itself |themselves )?as|renamed (?:itself )?|changed "
            r"its name to|took the name)",
        ),
        (
            "split",
            r"\b(?:(?:broke|break|breaking|broken) (?:away|with)|split(?:ting)? (?:from|with|off)"
            r"|splintered|splinter (?:group|faction)s?|breakaway (?:group|faction)|offshoot of"
            r"|defected (?:from|to)|created (?:his|her|their|its) own|to found\b"
            r"|left .{0,40} to (?:form|found|create))",
        ),
    )
)

_DESIGNATION = re.compile(
    r"\b(?:(?:re-?)?designat(?:ed|es|ing)\b.{0,60}?\b(?:Foreign Terrorist Organi[sz]ation|FTO|"
    r"terrorist organi[sz]ation|Specially Designated Global Terrorists?|SDGT|terrorist)"
    r"|[\w.]*-designated (?:foreign )?terrorist organi[sz]ation"
    r"|(?:FTO|terrorist) designation"
    r"|delisted|de-listed|removed from the .{0,40}list|revoked .{0,30}designation"
    r"|imposed sanctions|sanctions (?:on|against)|\bsanctioned\b|proscribed|blacklisted"
    r"|authori[sz]ed (?:a|an|the) [\w -]{0,40}?\bmission)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Event:
    """A merger/split/renaming (`kind` "merger") or a designation, with the words that say so."""

    kind: str
    family: str
    trigger: str
    start: int
    end: int


def find_events(text: str) -> list[Event]:
    """The merger-like and designation events stated in one sentence."""
    events: list[Event] = []
    for family, pattern in _MERGER_FAMILIES:
        match = pattern.search(text)
        if match:
            events.append(Event("merger", family, match.group(0), match.start(), match.end()))
    designation = _DESIGNATION.search(text)
    if designation:
        family = (
            "delisting"
            if re.search(r"delist|de-list|removed|revoked", designation.group(0), re.I)
            else "mandate"
            if re.search(r"authori", designation.group(0), re.I)
            else "sanction"
            if "sanction" in designation.group(0).lower()
            else "designation"
        )
        events.append(Event("designation", family, designation.group(0), *designation.span()))
    return events

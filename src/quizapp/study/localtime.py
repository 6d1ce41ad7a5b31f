"""The student's local time zone, as a tzinfo that follows the system's rules at every instant.

Study days begin at `day_starts_at` o'clock *local* time and the forecast and heatmap group by
local days, so every session is given the zone the student lives in. `datetime.astimezone()`
without an argument knows the local zone only as a fixed offset (wrong across a DST change);
this asks the C library (`time.localtime`, which honours `TZ` after `time.tzset()`) for the
offset of each instant instead.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, tzinfo


class LocalZone(tzinfo):
    """The zone `time.localtime` describes, offset and name looked up per instant."""

    def fromutc(self, dt: datetime) -> datetime:
        stamp = dt.replace(tzinfo=UTC).timestamp()
        offset = timedelta(seconds=time.localtime(stamp).tm_gmtoff)
        return (dt + offset).replace(tzinfo=self)

    def _local(self, dt: datetime | None) -> time.struct_time:
        if dt is None:
            return time.localtime()
        # A wall-clock time: mktime finds the instant it names (in a repeated hour, one of them).
        wall = (dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, 0, 0, -1)
        return time.localtime(time.mktime(wall))

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return timedelta(seconds=self._local(dt).tm_gmtoff)

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(hours=1) if self._local(dt).tm_isdst > 0 else timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return self._local(dt).tm_zone

    def __repr__(self) -> str:
        return "LocalZone()"


def local_zone() -> tzinfo:
    """The student's zone (from `TZ` or the system), for the edge of the program to pass in."""
    return LocalZone()


def study_date(at: datetime, tz: tzinfo, day_starts_at: int) -> date:
    """The local study day `at` falls in: days begin at `day_starts_at` o'clock, so an answer
    at 01:00 with days starting at 04:00 belongs to the day before."""
    return (at.astimezone(tz) - timedelta(hours=day_starts_at)).date()

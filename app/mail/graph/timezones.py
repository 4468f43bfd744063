"""The follow-up flag's days as Graph's dateTimeTimeZone: a day is its midnight in the user's time zone.

Outlook sends a flag's start and due day as that day's midnight in the user's zone, with ``timeZone`` naming
the zone; Graph answers the flag in UTC (no ``Prefer: outlook.timezone``). A day sent as midnight UTC shows as
the day before anywhere west of Greenwich, and one Outlook set reads as the day before anywhere east of it
when its UTC date is taken: both ways, the day is the local day of the instant.

``timeZone`` takes "any of the time zones supported by Windows, as well as the following time zones names"
(the dateTimeTimeZone resource type, learn.microsoft.com/graph/api/resources/datetimetimezone): the IANA names
below. A local zone with another IANA name (or no name: a fixed offset) is sent as the same instant in UTC,
which Graph always takes.
"""

from __future__ import annotations

import datetime as _dt
import os
import zoneinfo
from pathlib import Path

# The IANA names the dateTimeTimeZone resource type lists (its "additional time zones"; where it gives two
# spellings, e.g. "Europe/Kyiv (Kiev)", both are here).
DOCUMENTED_IANA = frozenset("""
Etc/GMT+12 Etc/GMT+11 Pacific/Honolulu America/Anchorage America/Santa_Isabel America/Los_Angeles America/Phoenix
America/Chihuahua America/Denver America/Guatemala America/Chicago America/Mexico_City America/Regina
America/Bogota America/New_York America/Indiana/Indianapolis America/Caracas America/Asuncion America/Halifax
America/Cuiaba America/La_Paz America/Santiago America/St_Johns America/Sao_Paulo America/Argentina/Buenos_Aires
America/Cayenne America/Godthab America/Montevideo America/Bahia Etc/GMT+2 Atlantic/Azores Atlantic/Cape_Verde
Africa/Casablanca Etc/GMT Europe/London Atlantic/Reykjavik Europe/Berlin Europe/Budapest Europe/Paris
Europe/Warsaw Africa/Lagos Africa/Windhoek Europe/Bucharest Asia/Beirut Africa/Cairo Asia/Damascus
Africa/Johannesburg Europe/Kyiv Europe/Kiev Europe/Istanbul Asia/Jerusalem Asia/Amman Asia/Baghdad
Europe/Kaliningrad Asia/Riyadh Africa/Nairobi Asia/Tehran Asia/Dubai Asia/Baku Europe/Moscow Indian/Mauritius
Asia/Tbilisi Asia/Yerevan Asia/Kabul Asia/Karachi Asia/Tashkent Asia/Kolkata Asia/Colombo Asia/Kathmandu
Asia/Almaty Asia/Dhaka Asia/Yekaterinburg Asia/Yangon Asia/Rangoon Asia/Bangkok Asia/Novosibirsk Asia/Shanghai
Asia/Krasnoyarsk Asia/Singapore Australia/Perth Asia/Taipei Asia/Ulaanbaatar Asia/Irkutsk Asia/Tokyo Asia/Seoul
Australia/Adelaide Australia/Darwin Australia/Brisbane Australia/Sydney Pacific/Port_Moresby Australia/Hobart
Asia/Yakutsk Pacific/Guadalcanal Asia/Vladivostok Pacific/Auckland Etc/GMT-12 Pacific/Fiji Asia/Magadan
Pacific/Tongatapu Pacific/Apia Pacific/Kiritimati
""".split())
UTC = _dt.timezone.utc


def local_zone() -> _dt.tzinfo:
    """This computer's time zone: by its IANA name where the system says it (``TZ``, /etc/localtime), else
    its current offset."""
    for name in (os.environ.get("TZ", "").lstrip(":"), _localtime_link()):
        if name:
            try:
                return zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
    return _dt.datetime.now().astimezone().tzinfo or UTC


def _localtime_link() -> str:
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return ""
    return target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""


def zone_name(zone: _dt.tzinfo) -> str | None:
    """The name Graph takes for ``zone`` (None: none it documents)."""
    if zone is UTC:
        return "UTC"
    key = getattr(zone, "key", None)
    return key if key in DOCUMENTED_IANA else None


def day_json(day: _dt.date, zone: _dt.tzinfo) -> dict:
    """``day`` as its midnight in ``zone``: named by the zone when Graph knows its name, else in UTC."""
    midnight = _dt.datetime.combine(day, _dt.time(), tzinfo=zone)
    name = zone_name(zone)
    if name is None:
        midnight, name = midnight.astimezone(UTC), "UTC"
    return {"dateTime": midnight.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": name}


def day_from(value: dict, zone: _dt.tzinfo) -> _dt.date:
    """The local day (in ``zone``) of a dateTimeTimeZone. Raises ValueError for a dateTime that is not one; a
    time zone this computer does not know is taken as the local one (the day as written)."""
    when = _dt.datetime.fromisoformat(str(value["dateTime"]).split(".")[0])
    if when.tzinfo is None:
        when = when.replace(tzinfo=_zone_of(str(value.get("timeZone") or "UTC"), zone))
    return when.astimezone(zone).date()


def _zone_of(name: str, local: _dt.tzinfo) -> _dt.tzinfo:
    if name.upper() == "UTC":
        return UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return local  # a Windows name (Graph answers with one only when asked to, by Prefer: outlook.timezone)

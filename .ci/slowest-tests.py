#!/usr/bin/env python3
"""Prints the slowest tests of the TRX files given (xunit through `dotnet test --logger trx`)."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def seconds(duration: str) -> float:
    hours, minutes, secs = duration.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(secs)


def main(paths: list[str], count: int = 10) -> None:
    rows = []
    for path in paths:
        for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
            if result.get("duration"):
                rows.append((seconds(result.get("duration")), result.get("outcome", "?"), result.get("testName", "?")))
    rows.sort(reverse=True)
    print(f"The {min(count, len(rows))} slowest of {len(rows)} tests (a class's first test includes its fixture's set-up):")
    for duration, outcome, name in rows[:count]:
        print(f"{duration:8.1f} s  {outcome:<8} {name}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Makes a longer benchmark log from one month of gen_events.py output.

    python3 Examples/rulebook-bench/repeat_months.py /tmp/e2000.jsonl 3 > /tmp/e2000x3.jsonl

Writes the month COUNT times, each copy four weeks after the previous one (every
time in the line moved, shift, ticket, swap and course ids suffixed with the copy's
number so that copies are distinct cases), then sorts all lines by time, as an export
of a longer period would be.
"""
import datetime
import json
import re
import sys

TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
IDS = ("ticket", "shift", "swap", "course")


def main(source, count):
    with open(source) as log:
        lines = log.readlines()
    out = []
    for copy in range(count):
        moved = datetime.timedelta(days=28 * copy)
        for line in lines:
            event = json.loads(line)
            for key, value in list(event.items()):
                if isinstance(value, str) and TIME.match(value):
                    event[key] = (datetime.datetime.fromisoformat(value) + moved).isoformat()
                elif key in IDS and copy > 0:
                    event[key] = f"{value}-{copy}"
            out.append((event["time"], json.dumps(event, separators=(",", ":"), ensure_ascii=False)))
    out.sort(key=lambda pair: pair[0])
    sys.stdout.writelines(text + "\n" for _, text in out)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

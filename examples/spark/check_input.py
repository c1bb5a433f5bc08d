#!/usr/bin/env python3
"""Writes the input of the Spark check: CNN/DM articles as {"id","text"} lines with 20 bad lines
spread among them (every 50th line), so that every partition meets some.

    check_input.py ../shared/data/cnndm/dev.jsonl input.jsonl
"""

import json
import sys

# Lines that are not JSON, or have no string "text": each must come back from byline as its
# {"id","error"} record. No blank lines: byline skips those, and the line counts would depend on it.
BAD_LINES = [
    b"not json at all",
    b'{"id": "bad-01", "text": 42}',
    b'{"id": "bad-02"}',
    b'{"id": "bad-03", "text": null}',
    b'{"id": "bad-04", "text": ["a", "list"]}',
    b"[1, 2, 3]",
    b'"just a string"',
    b'{"id": "bad-07", "text": "an unterminated string',
    b'{"id": "bad-08", "body": "The text is under another key."}',
    b'{"id": "bad-09", "text": "caf\xe9 in Latin-1, not UTF-8"}',
    b'{"id": {"error": "line 3: an id that looks like an error"}, "text": false}',
    b'{"id": "bad-11", "text": {"en": "nested"}}',
    b"null",
    b'{"id": "bad-13", "text": "a trailing comma",}',
    b'{id: "bad-14", text: "unquoted keys"}',
    b'{"id": "bad-15", "text": "trailing garbage"} x',
    b"42",
    b'{"id": "bad-17", "TEXT": "the wrong case"}',
    b'{"id": "bad-18", "text": "a bad escape \\q"}',
    b'{"id": "bad-19" "text": "a missing comma"}',
]


def main(source, target):
    with open(source, encoding="utf-8") as src, open(target, "wb") as out:
        bad = iter(BAD_LINES)
        for n, line in enumerate(src, 1):
            article = json.loads(line)
            record = {"id": article["id"], "text": article["article"]}
            out.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            if n % 50 == 0:
                extra = next(bad, None)
                if extra is not None:
                    out.write(extra + b"\n")
        for rest in bad:
            out.write(rest + b"\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

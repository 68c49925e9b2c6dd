#!/usr/bin/env python3
"""How many hand-written source files name each operation, as issue 14 counts it: tracked
files (not tests, docs, benches, fuzz or examples; not files that say @generated in their
first five lines) that contain any spelling of the name (PutBucketAcl, put_bucket_acl,
putBucketAcl, put-bucket-acl). Prints the median and the files of one operation.

Usage: scripts/count-op-files.py [OPERATION]"""

import re
import statistics
import subprocess
import sys

# Tests, docs, benches (crates/ossio-bench), fuzzing and property tests (crates/ossio-props),
# examples, and the test scripts.
SKIP = re.compile(
    r"(^|/)(tests?|docs?|benches|bench|fuzz|examples?|test\.d|ossio-bench|ossio-props)(/|$)"
    r"|\.md$|(^|/)test_[^/]*$|\.test\.js$"
)
SOURCE = re.compile(r"\.(rs|py|pyi|js|mjs|ts|sh)$")


def spellings(name):
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
    camel = name[0].lower() + name[1:]
    return {name, snake, camel, snake.replace("_", "-")}


def main():
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.split()
    texts = {}
    for f in files:
        if SKIP.search(f) or not SOURCE.search(f):
            continue
        try:
            text = open(f, encoding="utf-8").read()
        except (OSError, UnicodeDecodeError):
            continue
        if "@generated" in "\n".join(text.splitlines()[:5]):
            continue
        if f.endswith(".rs"):
            # A Rust file's unit tests are tests too.
            text = text.split("#[cfg(test)]\nmod tests")[0]
        texts[f] = text
    # Registered operations: the `op = "..."` of a derive attribute (not of a doc example).
    decls = "".join(t for f, t in texts.items() if f.startswith("crates/ossio-core/src/ops/"))
    ops = sorted(set(re.findall(r'^#\[oss\(\s*op = "([A-Za-z0-9]+)"', decls, re.M)))
    counts = {}
    for op in ops:
        pats = [re.compile(r"(?<![A-Za-z0-9_-])" + re.escape(s) + r"(?![A-Za-z0-9_])") for s in spellings(op)]
        counts[op] = sorted(f for f, t in texts.items() if any(p.search(t) for p in pats))
    print(f"{len(ops)} operations; median files naming one: {statistics.median(len(v) for v in counts.values())}")
    for op in sys.argv[1:] or ["PutBucketAcl"]:
        print(f"{op}: {len(counts.get(op, []))} files")
        for f in counts.get(op, []):
            print(f"  {f}")


if __name__ == "__main__":
    main()

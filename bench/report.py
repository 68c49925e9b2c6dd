"""Turns one benchmark run into one table: reads the JSON lines the runners wrote
(RESULTS) and criterion's estimates of this run (CRITERION_DIR, files newer than SINCE),
prints a Markdown table of medians and ratios, then the targets of issue 9 (met or not).

Usage: report.py RESULTS CRITERION_DIR SINCE_UNIX [MACHINE_NOTE...]"""

from __future__ import annotations

import json
import os
import sys
from collections import OrderedDict
from typing import Dict, List, Optional, Tuple

# Criterion groups of crates/ossio-bench/benches/core.rs, in table order.
CRITERION_GROUPS = [
    "v4_header_sign",
    "v4_sign_parts",
    "v4_presign",
    "v1_header_sign",
    "build_request",
    "parse_error",
    "parse_list_objects_v2_1000",
    "parse_list_access_points_1000",
    "server_start",
]
TITLES = {
    "v4_header_sign": "Rust: V4 header signing",
    "v4_sign_parts": "Rust: parts of a V4 signature",
    "v4_presign": "Rust: V4 presign",
    "v1_header_sign": "Rust: V1 header signing",
    "build_request": "Rust: building requests",
    "parse_error": "Rust: parsing an error body",
    "parse_list_objects_v2_1000": "Rust: parsing ListObjectsV2 (1,000 keys)",
    "parse_list_access_points_1000": "Rust: parsing ListAccessPoints (1,000)",
    "server_start": "Rust: starting a local server (ossio-server)",
    "py_server_start": "Python: ossio.testing.LocalServer() start and stop",
    "node_server_start": "Node: ossio/testing startServer() and close()",
    "py_sign_v4": "Python: V4 header signing",
    "py_presign_v4": "Python: V4 presign",
    "py_sign_v1": "Python: V1 header signing",
    "py_presign_v1": "Python: V1 presign",
    "py_parse_list_objects_v2_1000": "Python: parsing ListObjectsV2 (1,000 keys)",
    "node_sign_v4": "Node: V4 header signing",
    "node_presign_v4": "Node: V4 presign",
    "node_sign_v1": "Node: V1 header signing",
    "node_presign_v1": "Node: V1 presign",
    "e2e_put_cpu": "E2E: client CPU per PutObject (1 KiB)",
    "e2e_get_cpu": "E2E: client CPU per GetObject (1 KiB)",
    "e2e_put_wall": "E2E: wall time per PutObject (1 KiB)",
    "e2e_get_wall": "E2E: wall time per GetObject (1 KiB)",
    "upload_throughput": "E2E: streaming upload throughput",
    "upload_peak_rss": "E2E: streaming upload peak RSS",
    "download_throughput": "E2E: streaming download throughput",
    "download_peak_rss": "E2E: streaming download peak RSS",
}
# Which ossio row each peer is compared with (the same language).
BASELINE_OF = {
    "alibabacloud-oss-v2": "ossio (Python)",
    "oss2": "ossio (Python)",
    "ali-oss": "ossio (Node)",
}
HIGHER_IS_BETTER = {"MiB/s"}


def load(results: str, crit_dir: str, since: float) -> "OrderedDict[str, List[Tuple[str, float, str]]]":
    groups: "OrderedDict[str, List[Tuple[str, float, str]]]" = OrderedDict()
    found: Dict[str, List[Tuple[str, float, str]]] = {}
    for root, _dirs, files in os.walk(crit_dir):
        if os.path.basename(root) != "new" or "estimates.json" not in files:
            continue
        est = os.path.join(root, "estimates.json")
        if os.path.getmtime(est) < since:
            continue
        with open(os.path.join(root, "benchmark.json")) as f:
            meta = json.load(f)
        with open(est) as f:
            median = json.load(f)["median"]["point_estimate"]
        found.setdefault(meta["group_id"], []).append((meta["function_id"], median, "ns"))
    for g in CRITERION_GROUPS:
        if g in found:
            groups[g] = sorted(found[g], key=lambda r: (not r[0].startswith("ossio"), r[0]))
    with open(results) as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            r = json.loads(line)
            groups.setdefault(r["group"], []).append((r["name"], float(r["value"]), r["unit"]))
    order = list(TITLES)
    return OrderedDict(sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 999))


def fmt(value: float, unit: str) -> str:
    if unit == "ns":
        if value >= 1e6:
            return f"{value / 1e6:.2f} ms"
        if value >= 1e3:
            return f"{value / 1e3:.2f} µs"
        return f"{value:.0f} ns"
    if unit == "us":
        return f"{value:.1f} µs"
    return f"{value:.1f} {unit}"


def row_value(rows, name) -> Optional[float]:
    for n, v, _u in rows:
        if n == name:
            return v
    return None


def first_ossio(rows) -> Optional[Tuple[str, float]]:
    for n, v, _u in rows:
        if n.startswith("ossio"):
            return n, v
    return None


def ratio_text(group: str, rows, name: str, value: float, unit: str, groups=None) -> str:
    if group == "v4_sign_parts":
        whole = row_value((groups or {}).get("v4_header_sign", []), "ossio (cached key)")
        return f"{100 * value / whole:.0f}% of a V4 signature (cached key)" if whole else ""
    base = first_ossio(rows)
    if unit == "MiB":
        return ""
    if name.startswith("floor"):
        if base is None:
            return ""
        if unit in HIGHER_IS_BETTER:
            return f"{base[0]} = {100 * base[1] / value:.0f}% of floor"
        return f"{base[0]} = {base[1] / value:.2f}× floor"
    if name.startswith("ossio"):
        if group.startswith("e2e") and name != "ossio (Rust)":
            rust = row_value(rows, "ossio (Rust)")
            return f"{value / rust:.2f}× ossio (Rust)" if rust else ""
        if base and base[0] != name and unit not in HIGHER_IS_BETTER:
            return f"{value / base[1]:.2f}× {base[0]}"
        if base and base[0] != name:
            return f"{100 * value / base[1]:.0f}% of {base[0]}"
        return "baseline"
    if name.startswith("prototype"):
        floor = next((v for n, v, _u in rows if n.startswith("floor")), None)
        parts = [f"{value / floor:.2f}× floor"] if floor else []
        if base:
            parts.append(f"{value / base[1]:.2f}× {base[0]}")
        return ", ".join(parts)
    ref_name = BASELINE_OF.get(name)
    ref = row_value(rows, ref_name) if ref_name else None
    if ref is None and base is not None:
        ref_name, ref = base
    if not ref:
        return ""
    if unit in HIGHER_IS_BETTER:
        return f"{ref / value:.2f}× slower than {ref_name}"
    return f"{value / ref:.2f}× {ref_name}"


def targets(groups) -> List[Tuple[str, str, bool]]:
    out: List[Tuple[str, str, bool]] = []

    def get(g, n):
        return row_value(groups.get(g, []), n)

    v4, floor = get("v4_header_sign", "ossio (cached key)"), get(
        "v4_header_sign", "floor: sha256(canonical) + hmac-sha256")
    if v4 and floor:
        out.append(("V4 header signing within 1.5× of the crypto floor", f"{v4 / floor:.2f}×", v4 / floor <= 1.5))
    for g in ("py_sign_v4", "py_sign_v1", "py_presign_v4", "py_presign_v1"):
        ours, v2 = get(g, "ossio (Python)"), get(g, "alibabacloud-oss-v2")
        if ours and v2:
            out.append((f"Python {TITLES[g].split(': ')[1]} ≥ 20× faster than alibabacloud-oss-v2",
                        f"{v2 / ours:.1f}×", v2 / ours >= 20))
    for g in ("node_sign_v4", "node_sign_v1", "node_presign_v4", "node_presign_v1"):
        ours, peer = get(g, "ossio (Node)"), get(g, "ali-oss")
        if ours and peer:
            out.append((f"Node {TITLES[g].split(': ')[1]} ≥ 10× faster than ali-oss",
                        f"{peer / ours:.1f}×", peer / ours >= 10))
    for g in ("parse_list_objects_v2_1000", "parse_list_access_points_1000"):
        ours, scan = get(g, "ossio"), get(g, "floor: quick-xml scan")
        if ours and scan:
            out.append((f"{TITLES[g].split(': ')[1]} within 2× of a bare quick-xml scan",
                        f"{ours / scan:.2f}×", ours / scan <= 2))
    floor_up = get("upload_throughput", "floor: bare ureq PUT")
    for who in ("ossio (Rust)", "ossio (Python)"):
        up = get("upload_throughput", who)
        if up and floor_up:
            out.append((f"{who} upload ≥ 80% of bare-ureq throughput", f"{100 * up / floor_up:.0f}%", up / floor_up >= 0.8))
        for g in ("upload_peak_rss", "download_peak_rss"):
            rss = get(g, who)
            if rss:
                out.append((f"{who} {g.split('_')[0]} peak RSS < 64 MiB", f"{rss:.1f} MiB", rss < 64))
    for g in ("e2e_put_cpu", "e2e_get_cpu"):
        rows = groups.get(g, [])
        sdks = [(n, v) for n, v, _ in rows if not n.startswith("ossio")]
        if not sdks:
            continue
        best_sdk = min(sdks, key=lambda x: x[1])
        for n, v, _ in rows:
            if n.startswith("ossio"):
                out.append((f"{n} CPU per {'PutObject' if 'put' in g else 'GetObject'} below every official SDK",
                            f"{v:.0f} µs vs {best_sdk[0]} {best_sdk[1]:.0f} µs", v < best_sdk[1]))
    return out


def main() -> None:
    results, crit_dir, since = sys.argv[1], sys.argv[2], float(sys.argv[3])
    groups = load(results, crit_dir, since)
    lines = ["| Benchmark | Contender | Median | Ratio |", "|---|---|---:|---|"]
    for g, rows in groups.items():
        title = TITLES.get(g, g)
        for i, (name, value, unit) in enumerate(rows):
            lines.append(f"| {title if i == 0 else ''} | {name} | {fmt(value, unit)} | "
                         f"{ratio_text(g, rows, name, value, unit, groups)} |")
    lines += ["", "| Target | Measured | Met |", "|---|---:|---|"]
    for what, measured, ok in targets(groups):
        lines.append(f"| {what} | {measured} | {'yes' if ok else '**no**'} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""HTML gate: the Nu HTML Checker (vnu.jar, from npm `vnu-jar`) over every page of built
sites (and their CSS and SVG files). Exits 1 on any error; warnings are printed and counted.

usage: vnu.py --jar VNU_JAR [--label NAME] SITE_DIR...
All sites are checked in one JVM run (start-up is most of the cost).
"""

import argparse
import json
import os
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", required=True)
    ap.add_argument("--label", default="sites")
    ap.add_argument("sites", nargs="+")
    args = ap.parse_args()
    start = time.time()
    version = subprocess.run(["java", "-jar", args.jar, "--version"], capture_output=True,
                             text=True).stdout.strip()
    files = {"html": [], "css": [], "svg": []}
    for site in args.sites:
        for dirpath, _, names in os.walk(site):
            for n in names:
                ext = n.rsplit(".", 1)[-1]
                if ext in files:
                    files[ext].append(os.path.join(dirpath, n))
    every = sorted(f for group in files.values() for f in group)
    if not files["html"]:
        sys.exit(f"html [{args.label}]: no pages found in {' '.join(args.sites)}")
    proc = subprocess.run(
        ["java", "-jar", args.jar, "--format", "json", "--stdout", "--also-check-css",
         "--also-check-svg", *every],
        capture_output=True, text=True)
    try:
        messages = json.loads(proc.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit(f"html [{args.label}]: vnu did not produce a report (exit {proc.returncode})")
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    warnings = [m for m in messages
                if m.get("type") == "info" and m.get("subType") == "warning"]
    secs = time.time() - start
    print(f"html [{args.label}]: Nu HTML Checker (vnu.jar) {version}: "
          f"{len(files['html'])} pages, {len(files['css'])} stylesheets, "
          f"{len(files['svg'])} SVG files validated, {len(errors)} errors, "
          f"{len(warnings)} warnings, {secs:.1f}s")
    for kind, group in (("error", errors), ("warning", warnings)):
        for m in group:
            where = m.get("url", "").replace("file:", "")
            line = m.get("lastLine", m.get("firstLine", "?"))
            extract = (m.get("extract") or "").replace("\n", " ")[:100]
            print(f"  {kind}: {where}:{line}: {m.get('message')}  [{extract}]")
    if errors or proc.returncode not in (0, 1):
        sys.exit(1)


if __name__ == "__main__":
    main()

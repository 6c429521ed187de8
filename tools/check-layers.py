#!/usr/bin/env python3
"""Checks the engine's layer rules (docs/architecture.md, "Layers"): each
folder of engine/ includes only itself, the API (sextant/...) and the folders
listed for it below. Exits non-zero and names each include that breaks them.
The public/private split between the engine and ui/ and app/ is kept by the
build itself (only engine/include is on their include path)."""
import pathlib
import re
import sys

MAY_INCLUDE = {
    "include": set(),
    "core": set(),
    "base": {"core"},
    "storage": {"base", "core"},
    "embed": {"base", "core"},
    "archives": {"storage", "base", "core"},
    "index": {"storage", "base", "core"},
    "integrity": {"index", "archives", "storage", "base", "core"},
    "documents": {"index", "embed", "archives", "base", "core"},
    "formats": {"documents", "index", "core"},
    "search": {"index", "embed", "core"},
    "explore": {"index", "embed", "core"},
    "postgres": {"index", "base", "core"},
}

root = pathlib.Path(__file__).resolve().parent.parent / "engine"
include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
problems = []
folders = sorted(p.name for p in root.iterdir() if p.is_dir())
for folder in folders:
    if folder not in MAY_INCLUDE:
        problems.append(f"engine/{folder}/: a folder the layer rules do not name (add it to tools/check-layers.py "
                        "and docs/architecture.md)")
        continue
    for path in sorted((root / folder).rglob("*")):
        if path.suffix not in (".h", ".cpp"):
            continue
        for target in include.findall(path.read_text(encoding="utf-8")):
            if "/" not in target:
                continue  # a file of the same folder
            top = target.split("/", 1)[0]
            if top == "sextant" or top == folder or top in MAY_INCLUDE[folder]:
                continue
            problems.append(f"{path.relative_to(root.parent)}: includes \"{target}\"; engine/{folder}/ may include "
                            f"{', '.join(sorted(MAY_INCLUDE[folder] | {'sextant'})) or 'only sextant/'}")
for p in problems:
    print(p, file=sys.stderr)
if problems:
    print(f"check-layers.py: {len(problems)} include(s) break the layer rules", file=sys.stderr)
    sys.exit(1)
print(f"check-layers.py: the includes of {len(folders)} engine folders keep the layer rules")

#!/usr/bin/env python3
"""Checks that the package graph is the architecture: every target's `import` lines name exactly
the dependencies Package.swift declares for it (both directions).

A target that imports a module of this package or of a dependency without declaring it compiles
today only through a transitive dependency, and breaks (or hides a backwards reach) tomorrow; a
declared dependency that no file imports is a false edge in the graph. Modules of the toolchain
(Foundation, Glibc, Testing, ...) are not dependencies and are ignored.

The README's Architecture table (target, what it depends on) is checked against the manifest the
same way, so the diagram a maintainer reads first cannot drift either.

Run by `make test`; exits 1 and lists every difference when the graph and the imports disagree.
"""
import json
import os
import re
import subprocess
import sys

TOOLCHAIN_MODULES = {
    "Foundation", "FoundationEssentials", "Glibc", "Darwin", "Musl", "Dispatch", "Synchronization",
    "Testing", "XCTest", "os", "Android", "WinSDK", "ucrt",
}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_exported\s+|@preconcurrency\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)", re.M)


def product_modules(package_root):
    """Module names of each product of each dependency, from the resolved checkouts."""
    modules = {}
    checkouts = os.path.join(package_root, ".build", "checkouts")
    for name in sorted(os.listdir(checkouts)) if os.path.isdir(checkouts) else []:
        try:
            output = subprocess.run(
                ["swift", "package", "dump-package"], cwd=os.path.join(checkouts, name),
                check=True, capture_output=True, text=True).stdout
        except subprocess.CalledProcessError:
            continue
        dependency = json.loads(output)
        for product in dependency.get("products", []):
            modules[(name.lower(), product["name"])] = product.get("targets", [])
    return modules


def declared_dependencies(target, products):
    """The module names a target declares: local targets by name, products as their modules."""
    declared = set()
    for dependency in target.get("dependencies", []):
        if "byName" in dependency:
            declared.add(dependency["byName"][0])
        elif "target" in dependency:
            declared.add(dependency["target"][0])
        elif "product" in dependency:
            product, package = dependency["product"][0], dependency["product"][1]
            declared.update(products.get((package.lower(), product), [product]))
    return declared


def readme_problems(package_root, manifest, products):
    """Rows of the README's Architecture table that differ from the manifest's source targets."""
    with open(os.path.join(package_root, "README.md"), encoding="utf-8") as readme:
        text = readme.read()
    section = text.split("\n## Architecture\n", 1)
    if len(section) < 2:
        return ["README.md has no `## Architecture` section"]
    table = {}
    for line in section[1].split("\n## ", 1)[0].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].startswith("`"):
            table[cells[0].strip("`")] = set(re.findall(r"`([^`]+)`", cells[1]))
    problems = []
    for target in manifest["targets"]:
        if target["type"] not in ("regular", "executable") or (target.get("path") or "").startswith(("Tests", "Benchmarks")):
            continue
        name = target["name"]
        declared = declared_dependencies(target, products)
        if name not in table:
            problems.append(f"README.md Architecture: no row for {name}")
        elif table[name] != declared:
            problems.append(
                f"README.md Architecture: {name} depends on {', '.join(sorted(declared)) or 'nothing'}, "
                f"the table says {', '.join(sorted(table[name])) or 'nothing'}")
    return problems


def main():
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    manifest = json.loads(subprocess.run(
        ["swift", "package", "dump-package"], cwd=package_root, check=True, capture_output=True, text=True).stdout)
    products = product_modules(package_root)
    problems = []
    for target in manifest["targets"]:
        if target["type"] == "system":
            continue
        name = target["name"]
        default = {"test": "Tests", "executable": "Sources", "regular": "Sources"}.get(target["type"], "Sources")
        path = os.path.join(package_root, target.get("path") or os.path.join(default, name))
        excluded = {os.path.normpath(os.path.join(path, e)) for e in target.get("exclude", [])}
        declared = declared_dependencies(target, products)
        imported = {}
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = [s for s in subfolders if os.path.normpath(os.path.join(folder, s)) not in excluded]
            for file in files:
                if file.endswith(".swift"):
                    file_path = os.path.join(folder, file)
                    with open(file_path, encoding="utf-8") as source:
                        for module in IMPORT.findall(source.read()):
                            if module not in TOOLCHAIN_MODULES and module != name:
                                imported.setdefault(module, os.path.relpath(file_path, package_root))
        for module in sorted(set(imported) - declared):
            problems.append(f"{name}: imports {module} ({imported[module]}) without declaring it in Package.swift")
        for module in sorted(declared - set(imported)):
            problems.append(f"{name}: declares {module} in Package.swift but no file imports it")
    problems += readme_problems(package_root, manifest, products)
    if problems:
        print("The module graph, the imports and the README disagree:", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    print(f"imports: {len(manifest['targets'])} targets, every import declared and every dependency imported; README table matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())

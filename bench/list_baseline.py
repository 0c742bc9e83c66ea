#!/usr/bin/env python3
"""Baseline for bench/list.bench.mjs: what `kappy list --all --json` does, in
plain Python with xml.etree.ElementTree (the C-accelerated parser), the way
KDE's Python tooling reads kde_projects.xml.

usage: list_baseline.py KDE_PROJECTS_XML DEPENDENCY_DATA...

Reads every element with a <repo> child as a project, applies the dependency
data (`*` and `prefix*` on the left, `-` negations, names matched by path or
last path component), sorts dependencies-first (ties by path) and prints a
JSON array of {path, name, repository, branch, dependencies}.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

PROTOCOLS = ("https", "http", "git")
LINE = re.compile(r"^([^\s:\[\]]+)(?:\[([^\]]*)\])?\s*:\s*(-?)([^\s:\[\]]+)(?:\[([^\]]*)\])?$")


def read_projects(file):
    projects = {}
    for element in ET.parse(file).iter():
        repo = element.find("repo")
        if repo is None:
            continue
        path = (element.findtext("path") or "").strip()
        urls = {u.get("protocol"): (u.text or "").strip() for u in repo.iter("url")}
        branches = {b.get("i18n"): (b.text or "").strip()
                    for b in repo.iter("branch") if b.get("i18n") and b.text}
        active = (repo.findtext("active") or "true").strip() != "false"
        projects[path] = {
            "path": path,
            "name": path.rsplit("/", 1)[-1],
            "repository": next((urls[p] for p in PROTOCOLS if urls.get(p)), None),
            "branch": branches.get("trunk_kf5") or branches.get("trunk"),
            "active": active,
        }
    return projects


def read_rules(files):
    rules = []
    for file in files:
        with open(file, encoding="utf-8") as handle:
            for number, raw in enumerate(handle, 1):
                text = raw.split("#", 1)[0].strip()
                if not text:
                    continue
                match = LINE.match(text)
                if not match:
                    sys.exit(f"{file}:{number}: cannot parse {text!r}")
                rules.append((match.group(1), match.group(4), match.group(3) == "-"))
    return rules


def apply_rules(projects, rules):
    by_name = {}
    for path in projects:
        by_name.setdefault(path.rsplit("/", 1)[-1], path)

    def resolve(name):
        # Like kdesrc-build: a path the XML does not know is matched by its last component.
        if name in projects:
            return name
        return by_name.get(name.rsplit("/", 1)[-1], name)

    deps = {path: set() for path in projects}
    negated = {path: set() for path in projects}
    for dependent, source, negative in rules:
        for path in matching(dependent, projects, resolve):
            (negated if negative else deps)[path].add(resolve(source))
    return {path: sorted(deps[path] - negated[path] - {path}) for path in projects}


def matching(pattern, projects, resolve):
    if pattern.endswith("*"):
        prefix = pattern[:-1]
        return [p for p in projects if p.startswith(prefix) and not p.startswith("third-party/")]
    path = resolve(pattern)
    return [path] if path in projects else []


def order(selected, deps):
    done, result = set(), []
    for start in sorted(selected):
        stack = [(start, iter(deps[start]))]
        if start in done:
            continue
        done.add(start)
        while stack:
            node, children = stack[-1]
            child = next((c for c in children if c in selected and c not in done), None)
            if child is None:
                stack.pop()
                result.append(node)
            else:
                done.add(child)
                stack.append((child, iter(deps[child])))
    return result


def main():
    projects = read_projects(sys.argv[1])
    deps = apply_rules(projects, read_rules(sys.argv[2:]))
    selected = {p for p, project in projects.items() if project["active"]}
    listing = []
    for path in order(selected, deps):
        project = dict(projects[path], dependencies=deps[path])
        del project["active"]
        listing.append(project)
    json.dump(listing, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

"""Imports run one way: a module imports only from its own layer or the layers below.

The layers, lowest first, are LAYERS; docs/architecture.md says what each is for. The
firewall and the policy engine are pure Python and import no Django at all. Every
import counts, at the top of a module or inside a function, except in tests and
migrations. Where a lower layer needs a rule from a higher one (the vault needs who
may see a report), the caller passes the rule in.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "trustline"

LAYERS: list[set[str]] = [
    {"firewall", "policy"},
    {"env", "validation", "headers", "sessions", "form_renderer", "roles", "reauth", "remembered"},
    {"audit"},
    {"screening"},
    {"vault"},
    {"intake"},
    {"accounts"},
    {"cases"},
    {"retention"},
    {"disclosures"},
    {"transparency"},
    {"settings", "urls", "staff_urls", "wsgi", "errors", "__main__", "__init__"},
]
PURE = {"firewall", "policy"}


def part(module: str) -> str:
    return module.split(".")[0]


def layer(name: str) -> int:
    return next(i for i, names in enumerate(LAYERS) if name in names)


def imports() -> list[tuple[str, str]]:
    """(importing module, imported module) for every trustline import in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if {"tests", "migrations"} & set(relative.parts):
            continue
        module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if name == "trustline":
                    found.append((module, "__init__"))
                elif name.startswith("trustline."):
                    found.append((module, name.removeprefix("trustline.")))
                elif part(module) in PURE and name.split(".")[0] == "django":
                    found.append((module, "django"))
    return found


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()}
    parts = {p for p in parts if not p.startswith((".", "_")) or p in ("__main__", "__init__")}
    parts -= {"locale", "static", "templates"}
    assert parts <= set().union(*LAYERS), parts - set().union(*LAYERS)


def test_the_firewall_and_the_policy_engine_import_no_django_and_no_app() -> None:
    wrong = [(a, b) for a, b in imports() if part(a) in PURE and part(b) not in PURE]
    assert not wrong


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    upward = {
        (importer, part(imported))
        for importer, imported in imports()
        if imported != "django" and layer(part(imported)) > layer(part(importer))
    }
    assert upward == set()

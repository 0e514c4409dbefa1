"""Imports run one way: a module imports only from its own layer or the layers below.

The layers, lowest first, are LAYERS; docs/architecture.md says what each is for. The
firewall and the policy engine are pure Python and import no Django at all. Every
import counts, at the top of a module or inside a function, except in tests and
migrations. KNOWN lists the upward imports still to be removed, each with its place:
an import that is not in it fails, and so does an entry nobody needs any more, so the
list can only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "trustline"

LAYERS: list[set[str]] = [
    {"firewall", "policy"},
    {"env", "validation", "headers", "sessions", "form_renderer"},
    {"accounts"},
    {"audit"},
    {"vault"},
    {"intake"},
    {"cases"},
    {"retention"},
    {"disclosures"},
    {"transparency"},
    {"settings", "urls", "staff_urls", "wsgi", "errors", "__main__", "__init__"},
]
PURE = {"firewall", "policy"}

# (importing module, imported part): why it is still here.
KNOWN: dict[tuple[str, str], str] = {
    ("accounts.services", "audit"): "sign-in events are audited by accounts itself",
    ("accounts.signals", "audit"): "sign-in events are audited by accounts itself",
    ("accounts.admin", "audit"): "the staff admin is audited",
    ("accounts.services", "vault"): "a new password rewraps the staff key",
    ("accounts.views", "vault"): "sign-in unlocks the staff key for the session",
    ("vault.models", "intake"): "a key wrap belongs to a report",
    ("vault.services", "intake"): "wraps are made per report, for whoever may see it",
    ("vault.recovery", "intake"): "recovery rewraps the reports a colleague may see",
    ("vault.selectors", "intake"): "who is missing copies of which reports",
    ("vault.fields", "transparency"): "sealing a screened text counts what was withheld",
    ("cases.withholding", "transparency"): "withholding by hand is counted",
    ("accounts.management.commands.serve", "wsgi"): "the server command, an entry point in"
    " an app, loads the project's WSGI application",
}


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
    assert upward - KNOWN.keys() == set(), "new upward imports"
    assert KNOWN.keys() - upward == set(), "gone: take them out of KNOWN"

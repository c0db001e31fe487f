"""The package's layers import only downward, and no module imports itself back."""

import ast
from pathlib import Path

import pytest

import frister

PACKAGE = Path(frister.__file__).parent

# Lower layers first; a module may import from its own layer and the layers below.
LAYERS = [
    {"frister.errors"},
    {"frister.calendar"},
    {"frister.deadlines"},
    {"frister.rules"},
    {"frister.explain"},
    {"frister.case"},
    {"frister.engine"},
    {"frister.catalog"},
    {"frister.portfolio", "frister.json", "frister.synthetic", "frister.testing"},
    {"frister._docs", "frister.cli", "frister.__main__", "frister"},
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    for index, layer in enumerate(LAYERS):
        if any(module == top or module.startswith(top + ".") for top in layer if top != "frister"):
            return index
    assert module == "frister", module
    return len(LAYERS) - 1


def _imports(path: Path) -> set[str]:
    """The frister modules a file imports, outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checking = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
        for child in ast.walk(node)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in checking:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("frister"):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("frister"))
    return found


MODULES = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


# The one import upward: the contract's catalog.evaluate_portfolio reaches up to the
# portfolio layer from inside the method (the portfolio layer is built on the catalog).
UPWARD_ALLOWED = {("frister.catalog", "frister.portfolio")}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_only_its_own_layer_and_those_below(module: str) -> None:
    upward = sorted(
        m
        for m in MODULES[module]
        if _layer(m) > _layer(module) and (module, m) not in UPWARD_ALLOWED
    )
    assert not upward, f"{module} (layer {_layer(module)}) imports {upward}"


def test_no_import_cycles() -> None:
    graph = {
        m: {i for i in deps if i in MODULES and i != m and (m, i) not in UPWARD_ALLOWED}
        for m, deps in MODULES.items()
    }
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in done:
            return
        assert module not in visiting, " -> ".join([*visiting, module])
        visiting.append(module)
        for dependency in sorted(graph[module]):
            visit(dependency)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)


def test_the_rule_book_generator_uses_only_public_modules() -> None:
    private = sorted(
        f"{module} imports {name}"
        for module, names in MODULES.items()
        if module.startswith("frister._docs")
        for name in names
        if not name.startswith("frister._docs") and "._" in name
    )
    assert not private

"""Names of a package that load their module on first use (PEP 562), so that importing the package stays cheap."""
from __future__ import annotations

from importlib import import_module
from typing import Any, Callable


def lazy_names(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``names`` maps each name to the submodule that defines it; the
    value is kept in the package once loaded."""
    def __getattr__(name: str) -> Any:
        if name in names:
            module = import_module(f"{package}.{names[name]}")
            value = getattr(module, name)
            setattr(import_module(package), name, value)
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return __getattr__

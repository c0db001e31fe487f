"""Optional dependencies: imported when a feature needs them, with the extra to install."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from frister.errors import FristerError


class MissingExtraError(FristerError, ImportError):
    """A feature needs a package frister does not depend on; names the extra that adds it."""

    def __init__(self, module: str, extra: str, feature: str) -> None:
        self.module = module
        self.extra = extra
        message = (
            f"{feature} needs {module}, which is not installed: pip install 'frister[{extra}]'"
        )
        super().__init__(message, name=module)


def require(module: str, extra: str, feature: str) -> ModuleType:
    """``import_module(module)``, or a MissingExtraError naming ``frister[extra]``."""
    try:
        return import_module(module)
    except ImportError as error:
        top = module.partition(".")[0]
        if error.name is not None and error.name.partition(".")[0] != top:
            raise  # the package is there but broken: show the real problem
        raise MissingExtraError(module, extra, feature) from error

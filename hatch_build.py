"""Wheel build hook: the bundled templates go into the wheel compiled, and the TOML files the
start-up reads parsed, as Python ships .pyc (editor/core/template_code.py and tomldata.py say
how they are keyed and when they are used)."""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledTemplates(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        sys.path.insert(0, self.root)  # this source tree's editor, not an installed one
        try:
            from editor.core import template_build, template_code, tomldata
        finally:
            sys.path.remove(self.root)
        self._folder = Path(tempfile.mkdtemp(prefix="policy-editor-templates-"))
        file = self._folder / template_code.FILE.name
        template_build.build(Path(self.root) / "clause_packs", file)
        build_data["force_include"][str(file)] = f"editor/core/{template_code.FILE.name}"
        parsed = self._folder / tomldata.FOLDER.name
        tomldata.build(parsed)
        build_data["force_include"][str(parsed)] = f"editor/core/{tomldata.FOLDER.name}"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

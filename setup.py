"""Builds the project as pyproject.toml says, compiling the translation catalogs on the way.

The ``.mo`` files are build products (not in git): without this step a wheel or a plain
``pip install`` would carry the ``.po`` sources only, and serve every page in English.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("backoffice") / "translations"


class BuildWithCatalogs(build_py):
    """``build_py``, then each ``messages.po`` compiled to its ``messages.mo`` in the build."""

    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for source in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/*.po")):
            target = Path(self.build_lib) / source.with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            with source.open("rb") as po:
                catalog = read_po(po)
            with target.open("wb") as mo:
                write_mo(mo, catalog, use_fuzzy=True)


setup(cmdclass={"build_py": BuildWithCatalogs})

"""Build hook for the one compiled module; everything else is in pyproject.toml.

The line classifier's inner loops (``newsweave.extract._fastlines``) are optional: without a C
compiler the install still succeeds and ``textlines.py`` runs the same computations in numpy.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "newsweave.extract._fastlines",
            sources=["src/newsweave/extract/_fastlines.c"],
            optional=True,
        )
    ]
)

"""Parsing the app's source for the tests that read its code (architecture, no poking, runtime untouched...).

CPython 3.11 keeps the ast module's recursion counter in state shared by every thread of the interpreter,
and its traceback module parses source (the ^^^ under a failing expression) whenever any thread formats an
exception. A test's ``ast.parse`` that meets another thread's (a server thread logging an error, left from
an earlier test in the same worker) can fail with "SystemError: AST constructor recursion depth mismatch"
although its source is fine (python/cpython#106905, fixed in later 3.11 releases). The parse is repeated
then: the failure says nothing about the source."""

from __future__ import annotations

import ast

ATTEMPTS = 5


def parse_source(source: str, filename: str = "<unknown>") -> ast.AST:
    for attempt in range(ATTEMPTS):
        try:
            return ast.parse(source, filename)
        except SystemError as exc:
            if "recursion depth mismatch" not in str(exc) or attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")

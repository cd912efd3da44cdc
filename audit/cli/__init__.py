"""The ``audit`` command line. It parses arguments and wires the library together;
the work is done in ``audit.api`` (one article) and ``audit.batch`` (many).

One module per part: ``base`` (the group, exit codes, shared options and errors, the
entry point ``main``), ``check`` (the check command and its outputs) and ``commands``
(strip, schema, validate, rules, spark, config). Importing this package registers every
command on the group.
"""

from audit.cli import check, commands  # noqa: F401 - each registers its commands
from audit.cli.base import (
    EXIT_BELOW,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_PIPE,
    EXIT_USAGE,
    cli,
    main,
)

__all__ = ["EXIT_BELOW", "EXIT_INPUT", "EXIT_INTERNAL", "EXIT_OK", "EXIT_PIPE", "EXIT_USAGE",
           "cli", "main"]

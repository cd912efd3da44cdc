"""The command line's shared parts: the ``audit`` group, its exit codes, the options and
errors every command shares, standard input and signals, and the entry point ``main``.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import sys

import click

from audit import __version__, batch
from audit import config as config_mod
from audit.decode import MESSAGE_LIMIT, displayable
from audit.rules import SEVERITIES

EXIT_OK, EXIT_BELOW, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4


EXIT_PIPE = 141  # 128 + SIGPIPE, what a shell shows for a tool stopped by a closed pipe


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def terminal_width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 24)).columns, 160))


def load_config(path: str | None, fail_under: float | None = None, select: tuple = (),
                 disable: tuple = (), min_severity: str | None = None,
                 report_level: str | None = None) -> config_mod.Config:
    """The configuration file's settings (``--config``, or the nearest found upward),
    overlaid with the command line's: one line and exit 2 for any problem."""
    try:
        cfg = config_mod.load(path)
        for key, value, option in (("fail-under", fail_under, "--fail-under"),
                                   ("rules.enable", select, "--select"),
                                   ("rules.disable", disable, "--disable"),
                                   ("rules.min-severity", min_severity, "--min-severity"),
                                   ("report-level", report_level, "--report-level")):
            if value is not None and value != ():
                if key == "rules.disable":  # adds to the file's, as ruff's --extend-ignore
                    value = (*cfg.get(key), *value)
                cfg = config_mod.from_mapping({key: value}, origin=option, base=cfg)
        return cfg
    except config_mod.ConfigError as exc:
        raise _ConfigProblem(str(exc)) from None


class _ConfigProblem(click.ClickException):
    """A bad configuration value or file: one line naming the key, and exit 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"audit: {displayable(self.format_message(), limit=MESSAGE_LIMIT)}",
                   err=True)


class Unwritable(click.ClickException):
    """The environment fails us (a full disk, an output that cannot be written): one
    line, and exit 2 (or the batch's own code when that is higher)."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = max(exit_code, EXIT_USAGE)

    def show(self, file=None) -> None:
        click.echo(f"audit: {displayable(self.format_message(), limit=MESSAGE_LIMIT)}",
                   err=True)


def stdin_closed() -> bool:
    """Whether standard input is closed (``audit check - <&-``): Python then has no
    sys.stdin at all, or one whose descriptor is gone."""
    stream = sys.stdin
    if stream is None or getattr(stream, "buffer", None) is None:
        return True
    try:
        os.fstat(stream.fileno())
    except io.UnsupportedOperation:  # not a file descriptor (a test's stream): open
        return False
    except (OSError, ValueError):
        return True
    return False


def stdin_piped() -> bool:
    """Whether standard input brings something to read (``audit check < page.txt``): open,
    not a terminal, and not already at its end when that can be seen without reading."""
    if stdin_closed() or sys.stdin.isatty():
        return False
    peek = getattr(sys.stdin.buffer, "peek", None)
    try:
        return bool(peek(1)) if peek is not None else True
    except (OSError, ValueError):
        return False


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: the run stops as on Ctrl-C, and exits 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop_on(signum, frame):
    raise Stopped(signum)


class _Group(click.Group):
    """Turns a crash anywhere in a command into one line and exit 4, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt as exc:
            signum = getattr(exc, "signum", signal.SIGINT)
            name = "" if signum == signal.SIGINT else f" by {signal.Signals(signum).name}"
            click.echo(f"audit: interrupted{name}", err=True)
            sys.exit(128 + signum)
        except BrokenPipeError:
            # The reader went away (``audit check crawl/ | head``): stop quietly, as Unix
            # tools do. Output still buffered would fail again at exit, so it goes nowhere.
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):  # standard output is not a file descriptor
                pass
            sys.exit(EXIT_PIPE)
        except Exception as exc:
            shown = displayable(f"{type(exc).__name__}: {exc}", limit=MESSAGE_LIMIT)
            click.echo(f"audit: internal error: {shown}", err=True)
            sys.exit(EXIT_INTERNAL)


def rule_options(command):
    """The options that choose which rules report, shared by ``check`` and ``config``."""
    for option in reversed((
        click.option("--select", multiple=True, metavar="RULES",
                     help="Report only these rules: ids, id prefixes or categories "
                          "(repeatable)."),
        click.option("--disable", multiple=True, metavar="RULES",
                     help="Never report these rules: ids, id prefixes or categories "
                          "(repeatable)."),
        click.option("--min-severity", type=click.Choice(SEVERITIES), default=None,
                     help="Report only findings of this severity or higher."),
    )):
        command = option(command)
    return command


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="audit")
def cli() -> None:
    """Audit news articles: strip page furniture, then score readability, sourcing
    (how transparently the article sources its claims: who says so, in whose words; not
    whether the claims are true) and attribution (who wrote it, when, for whom). The
    overall score and grade answer "can I rely on this as a source?" from sourcing and
    attribution; readability is shown beside them, not mixed in.

    \b
    Example:
        audit check article.html
        audit check crawl/ --out reports/ --fail-under 50
    """


def main() -> None:
    """Console entry point (``audit`` and ``python -m audit``). SIGTERM (a scheduler
    stopping the job) and SIGHUP (the terminal gone) are handled as Ctrl-C is."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop_on)
    try:
        cli.main(prog_name="audit")
    except SystemExit as exc:
        stopped = exc.code in (128 + signal.SIGINT, 128 + signal.SIGTERM, 129, EXIT_PIPE)
        if stopped or batch.abandoned:
            # Everything kept is written. A worker killed while it sent its results
            # leaves the pool's reader thread waiting for the rest forever, and the
            # interpreter would wait for that thread at exit: end here.
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
            os._exit(exc.code if isinstance(exc.code, int) else int(exc.code is not None))
        raise

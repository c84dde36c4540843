"""The CLI imports only the module of the subcommand it runs: its table of homes must match what each module
registers, and a command left out of the table still runs (every module is registered then)."""

from __future__ import annotations

import argparse
import importlib

from serialdesk import cli


def _registered(module: str) -> set[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    importlib.import_module(f"serialdesk.commands.{module}").register(sub, argparse.ArgumentParser(add_help=False))
    return set(sub.choices)


def test_every_subcommand_has_its_module_as_home() -> None:
    homes = {name: module for module in cli.COMMAND_MODULES for name in _registered(module)}
    assert homes == cli.COMMAND_HOMES


def test_the_command_word_skips_global_options_and_their_values() -> None:
    assert cli.command_word(["--db", "labels", "--json", "labels", "SN1"]) == "labels"
    assert cli.command_word(["--user=ann", "--db=x.db", "lookup", "--db", "y"]) == "lookup"
    assert cli.command_word(["--json"]) is None
    assert cli.command_modules(["labels", "SN1", "--out", "x.pdf"]) == ["labelling"]
    assert cli.command_modules(["--help"]) == list(cli.COMMAND_MODULES)
    assert cli.command_modules(["lables"]) == list(cli.COMMAND_MODULES)  # a typo: argparse lists the choices


def test_a_parser_for_one_command_parses_it_as_the_full_parser_does() -> None:
    argv = ["--json", "labels", "SN1", "--symbology", "qr", "--out", "x.pdf"]
    one, full = cli.build_parser(argv).parse_args(argv), cli.build_parser().parse_args(argv)
    assert {k: v for k, v in vars(one).items() if k != "handler"} == {k: v for k, v in vars(full).items()
                                                                      if k != "handler"}
    assert one.handler is full.handler

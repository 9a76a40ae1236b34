"""Codes the loader reports while reading files; registered here for `st rules`/`st explain`."""

from stcli.rules import declare

declare("D001", "yaml-syntax")
declare("D002", "duplicate-key")
declare("D003", "unknown-field")
declare("D004", "invalid-value")
declare("D005", "missing-field")
declare("D012", "not-a-portfolio")

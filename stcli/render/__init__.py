"""Renderers: plain text, JSON and GitHub annotations here; rich and jinja2 in their modules."""

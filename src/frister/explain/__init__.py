"""Explanations: notes as data and the one renderer that writes them in Danish or English."""

from frister.explain._notes import DERIVED_NOTES, NO_DUE_REASONS, Note, explanation, no_due_reason

__all__ = ["DERIVED_NOTES", "NO_DUE_REASONS", "Note", "explanation", "no_due_reason"]

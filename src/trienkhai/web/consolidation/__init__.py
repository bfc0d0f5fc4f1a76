"""Consolidated reports: built once as plain data, rendered as HTML, .docx and .xlsx."""

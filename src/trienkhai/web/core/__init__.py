"""Shared web furniture: base templates, the one stylesheet, formats, error pages, template tags."""

"""trienkhai: from Vietnamese policy documents to trackable plans and their monitoring cycle."""

__version__ = "0.1.0"

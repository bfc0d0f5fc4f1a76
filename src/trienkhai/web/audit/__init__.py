"""The change log: who changed what, and when, for every change to the registries and plans."""

"""Pure helpers shared by the web apps (no Django imports): period arithmetic, layouts."""

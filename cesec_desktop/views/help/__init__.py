"""Help and support: the Help menu, the user guide, About, Report a problem, My requests."""

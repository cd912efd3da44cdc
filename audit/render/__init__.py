"""Views of a report for people: the editors' terminal summary."""

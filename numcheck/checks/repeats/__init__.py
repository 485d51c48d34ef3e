"""Repeats (NC110): one group given contradictory sizes in one text."""

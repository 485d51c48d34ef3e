"""Style (NC501-NC505): house number style from a rule file's ``style`` section (opt-in: silent without one).

Presets live in rules/style/ (ap.yaml, guardian.yaml, economist.yaml); each
setting turns one check on.  These checks read the claim's own surface text,
so they judge how a number is written, never whether it is true.
"""

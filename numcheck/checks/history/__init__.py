"""History (NC401-NC403): checks against earlier reports in a ``History`` store (contradicted figures, shrinking totals, moved dates).

A stored claim is "about the same thing" as a new one only when the subject's
head noun matches (directly or through the rules' aliases), the subjects'
modifiers do not disagree ("Russian civilians" is not "Ukrainian civilians"),
and the sentences share telling entity words (Kursk, Pyongyang) — weighted by
how rare they are in the store, so "BBC" or "UK" alone never links two reports.
Anything less and the checks stay silent: a guess would cost trust.
"""

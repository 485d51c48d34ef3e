"""Percentages and shares (NC104, NC105, NC111): a percentage or share word against the part and whole stated with it.

The shapes read are the ones news prose uses:
  "12 of the 20 members (60%)"            part of whole (percentage)
  "10% of its 5,000 staff, or 500 people"  percentage of whole, or part
  "500 people, or 10% of its 5,000 staff"  part, or percentage of whole
  "half of the 300 workers, or 150"        share word of whole, or part
  "almost a quarter (21%)"                 share word (percentage)
  "71% of 43 respondents"                  a percentage no whole count of the base gives
All numbers are taken as rounded (numcheck.tolerance.rounded) so only a
relation that no rounding explains fires.
"""

"""Changes (NC106-NC108): a stated change must match the levels it moves between.

Read within one clause of one sentence:
  "rose 12% from £187m to £210m"  /  "rose 12% to £210m from £187m"   percent change vs levels
  "fell by 2,000 to 8,000 from 10,000"                               absolute change vs levels
  "fell from 7,613 to 6,630, or 12.9%"                                levels, or percent
  "rose 20.54 points, or 0.2%, to 10,842"                             absolute and percent change vs the new level
  "doubled from 200 to 400", "halved to £2m from £4m"                 multiples (NC107)
  "rose 2% from 5% to 7%"                                             percent vs percentage points (NC108)
Every number is read to its stated precision (numcheck.tolerance.interval),
and a clause that qualifies its change ("underlying", "at constant exchange
rates", "in real terms") is skipped: the change is then of another measure.
"""

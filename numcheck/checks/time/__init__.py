"""Time (NC201-NC206): arithmetic of dates inside one text: weekdays, impossible days, elapsed times, ages, "first since", tense.

Every check reads the date and duration claims of the extractor and the
publication date; checks that need the publication date stay silent without
one.  Each check prefers a miss to a false alarm: it fires only when the
arithmetic fails for every reading the text allows (every day of a month, both
birthdays of a year, the loosest reading of "nearly").
"""

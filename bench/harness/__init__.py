"""The injected-error harness: corpora, surface numbers, the sites of each kind, how a site is broken, and the measurement.

bench/broken.py is its command line; bench/history_eval.py adds the history
kind (a figure of an earlier article restated and changed); bench/wire_findings.py
lists the findings on the unbroken dev wire for reading by hand.
"""

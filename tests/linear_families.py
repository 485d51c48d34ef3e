"""The adversarial input families that must cost work linear in their size, and the entry points they run through.

A family builds its input from a size parameter ``n`` (``"one " * n``, ``n``
nested parentheses, ...).  tests/test_robust_linear.py holds every family to
linear growth by counted work and by CPU-time ratio; bench/linear_growth.py
times the same families on the wall clock and prints the figures.

``check()`` runs with every rule pack that ships loaded (the core rules,
rules/examples and the three house styles): the rule and style checks have the
per-claim sentence and neighbour look-ups that once made it quadratic.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from workcount import Family

RULES = Path(__file__).resolve().parents[1] / "rules"
RULE_PACKS = (RULES / "examples", RULES / "style" / "ap.yaml", RULES / "style" / "economist.yaml",
              RULES / "style" / "guardian.yaml")


@lru_cache(maxsize=1)
def every_rule_pack() -> Any:
    """The core rules plus every shipped pack (later style files override earlier ones key by key)."""
    from numcheck.rules import load_rules

    return load_rules(list(RULE_PACKS))


# ---------------------------------------------------------------- entry points


def extract_claims(s: str) -> None:
    from numcheck import extract

    extract(s)


def check_all_rules(s: str) -> None:
    from numcheck import check

    check(s, rules=every_rule_pack())


def prose_of(fmt: str) -> Callable[[str], None]:
    def run(s: str) -> None:
        from numcheck.read import prose

        prose(s, fmt)

    run.__name__ = f"prose_{fmt}"
    return run


def check_and_report(fmt: str) -> Callable[[str], None]:
    """check() then the report: the text format quotes source lines, so a long line must not be quoted whole."""
    def run(s: str) -> None:
        from numcheck import check
        from numcheck.report import FileResult, render

        render(fmt, [FileResult("story.md", s, tuple(check(s, rules=every_rule_pack())))])

    run.__name__ = f"check_and_report_{fmt}"
    return run


def check_size_exactly(s: str) -> None:
    from numcheck.limits import InputTooLarge, check_size

    try:  # a limit under the size forces the exact byte count
        check_size(s, limit=len(s) * 4 - 1)
    except InputTooLarge:
        pass


# ---------------------------------------------------------------- families

SENTENCE = ("Officials said more than 10,000 troops had moved 1,000 km along the front, "
            "about $3.5bn of aid arrived and prices rose 5% in August. ")
PLAIN = "The council said the bridge would open after a long delay and residents welcomed the news. "
MARKDOWN = "Some *emphasis* and `code 5` with [a link](http://x/1) and 5 km, <b>bold</b> &amp; 5&nbsp;km. "
ARTICLE = Path(__file__).resolve().parents[1] / "examples" / "kursk-2025-02-01.txt"


def family(name: str, build: Callable[[int], str], run: Callable[[str], None] = extract_claims, **kw: Any) -> Family:
    """A family read by ``extract()`` unless another entry point is named."""
    return Family(name, build, run, **kw)


def repeat_to(unit: str, n_chars: int) -> str:
    return (unit * (n_chars // len(unit) + 1))[:n_chars]


def _distinct_modifiers(n: int) -> str:
    """n mentions of one group, each with a modifier of its own ("the 5 qa troops", "the 5 qb troops", ...)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "".join(f"The {k % 9 + 1} q{letters[k // 26 % 26]}{letters[k % 26]} troops left. " for k in range(n))


def _article(n_chars: int) -> str:
    return repeat_to(ARTICLE.read_text(encoding="utf-8"), n_chars)


FAMILIES: list[Family] = [
    family("digit_run", lambda n: "1" * n, note="one number of n digits"),
    family("digit_run_in_prose", lambda n: "about " + "9" * n + " troops"),
    family("nested_parentheses", lambda n: "(" * n + "about 5 km" + ")" * n,
           fixed=(1250, 2500, 5000, 10000), note="the issue's 10,000 nested parentheses"),
    family("nested_brackets_mixed", lambda n: "([{" * n + "5%" + "}])" * n),
    family("repeated_qualifiers", lambda n: "more than " * n + "5 troops"),
    family("repeated_qualifiers_mixed", lambda n: "about nearly almost up to " * n + "5 km"),
    family("number_words_spaced", lambda n: "one " * n),
    family("number_words_hyphenated", lambda n: "twenty-one-" * n),
    family("number_words_and", lambda n: "one hundred and " * n + "six"),
    family("and_a_half", lambda n: "two and a half " * n),
    family("currency_symbols", lambda n: "$" * n + "5"),
    family("currency_symbols_spaced", lambda n: "£ " * n + "5"),
    family("currency_mojibake", lambda n: "Â£" * n + "5"),
    family("hyphens_between_digits", lambda n: "5" + "-" * n + "5"),
    family("digit_dash_chain", lambda n: "5-" * n + "5"),
    family("en_dash_chain", lambda n: "5\u2013" * n + "5 km"),
    family("whitespace_run_before_unit", lambda n: "5" + " " * n + "km"),
    family("whitespace_run_before_number", lambda n: " " * n + "5"),
    family("nbsp_run", lambda n: "5" + "\u00a0" * n + "000"),
    family("newline_run", lambda n: "5" + "\n" * n + "km"),
    family("long_word", lambda n: "a" * n + " 5"),
    family("dotted_word", lambda n: "a." * n + "@"),
    family("plus_signs", lambda n: "+" * n + "44 20"),
    family("full_width_digit_run", lambda n: "\uff11" * n + " km"),
    family("arabic_indic_groups", lambda n: "\u0661" + "\u066c\u0660\u0660\u0660" * n),
    family("invisible_marks_run", lambda n: "more than " + "\u200f\u200b\u2060\u00ad" * n + "5 km"),
    family("soft_hyphen_digits", lambda n: "5\u00ad" * n + "0 troops"),
    family("mojibake_run", lambda n: "â€™Â£" * n + "5m"),
    family("thousands_groups", lambda n: "1" + ",000" * n),
    family("broken_thousands_groups", lambda n: "1,00" * n),
    family("nbsp_groups", lambda n: "1\u00a0000\u00a0" * n),
    family("decimal_dots", lambda n: "1." * n),
    family("colon_chain", lambda n: "1:" * n),
    family("slash_chain", lambda n: "1/" * n),
    family("between_chain", lambda n: "between " * n + "5 and 7"),
    family("percent_words", lambda n: "5 per " * n + "cent"),
    family("many_claims", lambda n: "5 km, " * n, note="n claims in a row"),
    family("times_among_dates", lambda n: "On 3 March at 3pm, " * n,
           note="every time of day is kept only if no date holds its span"),
    family("holidays", lambda n: "last Christmas, Easter 2004 and Good Friday, " * n),
    family("single_line_prose", lambda n: repeat_to(SENTENCE, n), start=4096,
           note="prose with numbers, no newline"),
    family("check_many_claims", lambda n: "more than 10,000 troops; " * n, run=check_all_rules,
           note="check(): every claim of one subject against every other"),
    family("check_many_dates", lambda n: "In 2020, " * n, run=check_all_rules, note="check(): NC2xx over many dates"),
    family("check_ages_and_births", lambda n: "She was 25, born in 1990. " * n, run=check_all_rules),
    family("check_shares", lambda n: "5% of voters, " * n, run=check_all_rules),
    family("check_conversions", lambda n: "5 km (3 miles) " * n, run=check_all_rules),
    family("check_one_long_sentence", lambda n: "5 km, " * n + ".", run=check_all_rules),
    family("text_report_one_long_line", lambda n: "The road is 5 km (10 miles) long. " * n, run=check_and_report("text"),
           note="a finding per sentence, every one on the same line"),
    family("sarif_report_one_long_line", lambda n: "The road is 5 km (10 miles) long. " * n,
           run=check_and_report("sarif")),
    family("check_changes_one_sentence", lambda n: "sales rose 5% from 10 to 12, " * n + ".", run=check_all_rules,
           note="NC106: every change looks for its levels in one endless sentence"),
    family("check_changes_without_levels", lambda n: "prices rose 5%, " * n + ".", run=check_all_rules),
    family("check_multiples", lambda n: "sales doubled from 200 to 300 units, " * n, run=check_all_rules,
           note="NC107: each multiple word looks for the levels after it"),
    family("check_multiple_words_far_from_levels", lambda n: "it doubled, " * n + "from 200 to 300 units.",
           run=check_all_rules),
    family("check_share_words_far_from_numbers", lambda n: "the majority " * n + "of the 300 workers, or 250, voted.",
           run=check_all_rules),
    family("check_open_bracket_conversions", lambda n: "5 km (3 miles; " * n, run=check_all_rules,
           note="NC101: a bracket of conversions that never closes"),
    family("check_back_references", lambda n: "Around 2,000 civilians died. The 1,400 civilians were mourned. " * n,
           run=check_all_rules, note="NC110: every back-reference against its first mention"),
    family("check_distinct_modifiers", _distinct_modifiers, run=check_all_rules,
           note="NC110: many mentions of one group, none with the same modifiers"),
    family("check_kinds_in_one_sentence",
           lambda n: "Officials counted 6 pigs" + ", 6 pigs" * n + ", 5 chickens" + ", the 3 birds, the 4 chickens" * n + ".",
           run=check_all_rules, note="NC110: groups named by a wider word, each against the groups of its sentence"),
    family("check_bare_back_references", lambda n: "Police held 29 activists. The 49 were charged. " * n,
           run=check_all_rules, note="NC110: a bare number against the sentence before"),
    family("check_rests_in_one_sentence",
           lambda n: "Police arrested 45 people, 12 were charged, the remaining 8 suspects fled, " * n + ".",
           run=check_all_rules, note="NC109: each rest against the figures of its sentence before it"),
    family("check_rests_in_sentences", lambda n: "Storms hit 300 homes, 200 in the north and 100 elsewhere. " * n,
           run=check_all_rules, note="NC109: each rest against its sentence and the one before"),
    family("check_class_renamings", lambda n: "Police held 45 fans. The 75 supporters were freed. " * n,
           run=check_all_rules, note="NC110: a renamed group against the sentence before"),
    family("check_facts_in_one_sentence", lambda n: "Pyongyang deployed more than 100,000 troops to Kursk, " * n,
           run=check_all_rules, note="NC301: a fact with context words, every claim in one sentence"),
    family("check_small_figures_one_sentence", lambda n: "3 villages and 12 towns, " * n + ".", run=check_all_rules,
           note="NC501: each small figure looks at its neighbours"),
    family("check_single_line_prose", lambda n: repeat_to(SENTENCE, n), run=check_all_rules, start=4096),
    family("check_example_article", _article, run=check_all_rules, start=4096,
           note="the example article repeated: rule facts, events and house style on every sentence"),
    family("markdown_single_line", lambda n: repeat_to(MARKDOWN, n), run=prose_of("markdown"), start=4096,
           note="Markdown with code, links, tags and entities, no newline"),
    family("markdown_backtick_runs", lambda n: "` `` " * n + "5 km", run=prose_of("markdown")),
    family("markdown_open_brackets", lambda n: "[" * n + "5](" * 2 + "x", run=prose_of("markdown")),
    family("markdown_emphasis", lambda n: "*_" * n + "5", run=prose_of("markdown")),
    family("html_unclosed_tags", lambda n: "<a " * n + "5 km", run=prose_of("html")),
    family("html_unclosed_comments", lambda n: "<!-- " * n + "5", run=prose_of("html")),
    family("html_entities", lambda n: "&amp" * n + "; 5", run=prose_of("html")),
    family("size_limit_wide_chars", lambda n: "é€😀" * n, run=check_size_exactly, start=1 << 16),
]

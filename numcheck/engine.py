"""``check()``: extract claims, build a Context, run every enabled check, apply config and suppressions."""
from __future__ import annotations

from datetime import date
from typing import Any, Mapping

from .config import Config
from .model import Finding
from .pubdate import find_published, parse_published


def check(
    text: str,
    published: "str | date | None" = None,
    rules: Any = None,
    history: Any = None,
    config: "Config | Mapping[str, Any] | None" = None,
) -> list[Finding]:
    """Every finding for one text, sorted by position.

    ``rules=None`` loads the shipped core rules; pass a RuleSet (``load_rules``)
    or paths for more.  ``history`` is a ``History`` store or None.
    """
    from .checks import Context, registry
    from .extract import extract

    from .limits import check_size

    check_size(text)
    cfg = Config.coerce(config)
    pub = parse_published(published) if published is not None else find_published(text)
    ruleset = _ruleset(rules)
    claims = tuple(extract(text, published=pub[0] if pub and pub[0] == pub[1] else _pub_arg(pub), dayfirst=cfg.dayfirst, rules=ruleset))
    ctx = Context(
        text=text,
        claims=claims,
        published=pub[0] if pub else None,
        published_end=pub[1] if pub else None,
        rules=ruleset,
        history=history,
        options=dict(cfg.options),
    )
    findings: list[Finding] = []
    for chk in registry():
        if not cfg.enabled(chk.code):
            continue
        for f in chk.run(ctx):
            sev = cfg.severity_of(f)
            if sev != f.severity:
                f = Finding(**{**f.__dict__, "severity": sev})
            findings.append(f)
    findings.sort(key=lambda f: (f.start, f.code, f.end))
    return _dedupe(findings)


def _pub_arg(pub: tuple[date, date] | None) -> str | None:
    """A partial publication date back to its ISO form (2005 / 2005-02) for extract()."""
    if pub is None:
        return None
    a, b = pub
    if a.month == 1 and a.day == 1 and b.month == 12 and b.day == 31 and a.year == b.year:
        return f"{a.year:04d}"
    return f"{a.year:04d}-{a.month:02d}"


def _ruleset(rules: Any) -> Any:
    try:
        from .rules import RuleSet, load_rules
    except ImportError:  # rules package not built yet
        return rules
    if rules is None:
        return _default_rules()
    if isinstance(rules, RuleSet):
        return rules
    return load_rules(rules)


_DEFAULT: dict[tuple, Any] = {}


def _default_rules() -> Any:
    """The shipped core rules, loaded once per process and again only when a core file changes."""
    from .rules import load_rules, rule_files_for

    files = rule_files_for(None)
    key = tuple((str(f), f.stat().st_mtime_ns) for f in files)
    if key not in _DEFAULT:
        _DEFAULT.clear()
        _DEFAULT[key] = load_rules(None)
    return _DEFAULT[key]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int, str]] = set()
    out = []
    for f in findings:
        key = (f.code, f.start, f.end, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out

"""Rule files -> RuleSet: safe YAML, every value checked against the schema, errors with file:line:col.

YAML is composed into a node tree with the safe loader (no tags that build
objects, nothing evaluated), so each error can point at the key or value
that is wrong.  Files merge in order: later files override earlier ones by id
(events, facts, bounds), by subject (dimensions, aliases), by phrase
(vocabulary) and by key (style).
"""
from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from .errors import RuleError
from .model import Bound, Dimension, Event, Fact, RuleSet, Style, VocabEntry
from .schema import SECTIONS, TOP_LEVEL, Bad as _Bad, FieldSpec, type_name as _type_name
from .subjects import fold
from .units import COUNT, known_qualifiers, normalise_dimension, dimensions as known_dimensions



# ---------------------------------------------------------------- one file


class _File:
    """Parses and checks one file, collecting every error instead of stopping at the first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = str(path)
        self.errors: list[RuleError] = []
        self.events: list[Event] = []
        self.facts: list[Fact] = []
        self.bounds: list[Bound] = []
        self.dimensions: list[Dimension] = []
        self.aliases: list[tuple[str, str, Any, Any]] = []  # (target, synonym, its node, target's node)
        self.vocabulary: list[VocabEntry] = []
        self.style: dict[str, Any] = {}
        self.style_line = 0
        self._ids: dict[str, dict[str, int]] = {}

    # -- errors
    def err(self, node: Any, message: str, hint: str = "") -> None:
        mark = getattr(node, "start_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self.errors.append(RuleError(self.name, line, col, message, hint))

    # -- parsing
    def parse(self) -> None:
        import yaml

        loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            self.errors.append(RuleError(self.name, 1, 1, "no such rule file", "check the path"))
            return
        except UnicodeDecodeError as exc:
            self.errors.append(RuleError(self.name, 1, 1, f"not UTF-8 text ({exc.reason})", "save the file as UTF-8"))
            return
        except OSError as exc:
            self.errors.append(RuleError(self.name, 1, 1, f"cannot read: {exc.strerror}", "check permissions"))
            return
        try:
            root = yaml.compose(text, Loader=loader_cls)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = (exc.problem or exc.context or "invalid YAML").strip()
            if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
                problem += f" ({exc.context} started at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
            self.errors.append(RuleError(self.name, line, col, f"invalid YAML: {problem}", "check indentation, colons and quotes near here"))
            return
        except yaml.reader.ReaderError as exc:
            line = text.count("\n", 0, exc.position) + 1
            col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
            self.errors.append(RuleError(self.name, line, col, f"invalid YAML: unprintable character #x{exc.character:04x}" if isinstance(exc.character, int) else "invalid YAML: unprintable character", "remove control characters from the file"))
            return
        except yaml.YAMLError as exc:
            self.errors.append(RuleError(self.name, 1, 1, "invalid YAML: " + " ".join(str(exc).split()), "check the file is one YAML document"))
            return
        if root is None:
            return  # an empty file holds no rules
        self._constructor = yaml.constructor.SafeConstructor()
        self._yaml = yaml
        bad = _foreign_tag(root, set(self._constructor.yaml_constructors))
        if bad is not None:
            self.err(bad, f"invalid YAML: unsupported tag {bad.tag!r}", "rule files hold plain data: remove the !! tag")
            return
        if not isinstance(root, yaml.MappingNode):
            self.err(root, "a rule file must be a mapping of sections", f"start with one of: {', '.join(TOP_LEVEL)}")
            return
        for key, value in self._pairs(root, TOP_LEVEL, "section"):
            getattr(self, f"_section_{key}")(value)

    def _pairs(self, node: Any, allowed: Iterable[str] | None, what: str) -> list[tuple[str, Any]]:
        """(key, value node) pairs of a mapping; unknown and duplicate keys are errors."""
        return [(k, v) for k, _kn, v in self._triples(node, allowed, what)]

    def _triples(self, node: Any, allowed: Iterable[str] | None, what: str) -> list[tuple[str, Any, Any]]:
        """(key, key node, value node) for each entry of a mapping; unknown and duplicate keys are errors."""
        out: list[tuple[str, Any, Any]] = []
        seen: dict[str, Any] = {}
        allowed = tuple(allowed) if allowed is not None else None
        for knode, vnode in node.value:
            key = self._scalar(knode)
            if not isinstance(key, str):
                self.err(knode, f"{what} names must be text, not {_type_name(key)}", "quote the key")
                continue
            if key in seen:
                self.err(knode, f"duplicate {what} {key!r}", f"first given on line {seen[key].start_mark.line + 1}")
                continue
            seen[key] = knode
            if allowed is not None and key not in allowed:
                import difflib

                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(allowed)}"
                self.err(knode, f"unknown {what} {key!r}", hint)
                continue
            out.append((key, knode, vnode))
        return out

    def _scalar(self, node: Any) -> Any:
        if not isinstance(node, self._yaml.ScalarNode):
            return node
        try:
            return self._constructor.construct_object(node, deep=True)
        except Exception:  # an impossible date such as 2022-02-30: the field check reports it
            return node.value

    def _value(self, node: Any) -> Any:
        """A node as plain Python (for leaves that are lists of scalars)."""
        y = self._yaml
        if isinstance(node, y.ScalarNode):
            return self._scalar(node)
        if isinstance(node, y.SequenceNode):
            # one level only: no field holds nested lists, and anchors (&a [*b, *b]) must not multiply
            return [self._scalar(n) if isinstance(n, y.ScalarNode) else n for n in node.value]
        return node  # mappings stay nodes; field checks reject them with a position

    def _list(self, node: Any, what: str) -> list[Any]:
        if isinstance(node, self._yaml.SequenceNode):
            return node.value
        if isinstance(node, self._yaml.ScalarNode) and self._scalar(node) is None:
            return []
        self.err(node, f"{what} must be a list of entries", "write each entry on a line starting with '- '")
        return []

    def _unique_id(self, section: str, f: dict[str, tuple[Any, Any]]) -> bool:
        """False (and an error at the id) when this file already defined the id in this section."""
        ident, node = f["id"]
        seen = self._ids.setdefault(section, {})
        if ident in seen:
            self.err(node, f"duplicate {section[:-1]} id {ident!r}", f"first defined on line {seen[ident]}; ids must be unique in a file")
            return False
        seen[ident] = node.start_mark.line + 1
        return True

    def _fields(self, node: Any, section: str) -> dict[str, tuple[Any, Any]] | None:
        """Validated field values of one entry: name -> (value, node); None when unusable."""
        specs: dict[str, FieldSpec] = SECTIONS[section]
        if not isinstance(node, self._yaml.MappingNode):
            self.err(node, f"each {section} entry must be a mapping of fields", f"fields: {', '.join(specs)}")
            return None
        out: dict[str, tuple[Any, Any]] = {}
        before = len(self.errors)
        pairs = self._pairs(node, specs, f"{section} field")
        ok = len(self.errors) == before  # an unknown or repeated field: report it alone, not its knock-ons
        for key, vnode in pairs:
            spec = specs[key]
            raw = self._value(vnode)
            try:
                out[key] = (spec.convert(raw), vnode)
            except _Bad as bad:
                self.err(vnode, f"{section} field {key!r}: {bad.message}", bad.hint or spec.hint)
                ok = False
        for key, spec in specs.items():
            if spec.required and key not in out and ok:
                self.err(node, f"{section} entry is missing {key!r}", spec.hint or spec.doc)
                ok = False
        return out if ok else None

    # -- sections
    def _section_version(self, node: Any) -> None:
        if self._scalar(node) != 1:
            self.err(node, f"unsupported version {getattr(node, 'value', node)!r}", "this numcheck reads version: 1")

    def _section_description(self, node: Any) -> None:
        if not isinstance(self._scalar(node), str):
            self.err(node, "description must be text", "quote it")

    def _section_events(self, node: Any) -> None:
        for item in self._list(node, "events"):
            f = self._fields(item, "events")
            if f is None or not self._unique_id("events", f):
                continue
            line = item.start_mark.line + 1
            start = end = None
            if "date" in f:
                if "start" in f or "end" in f:
                    self.err(f["date"][1], "give either date or start/end, not both", "date: 2022-02-24, or start: and end:")
                    continue
                d = f["date"][0]
                start, end = (d, d) if isinstance(d, date) else d
            elif "start" in f:
                start = f["start"][0]
                end = f["end"][0] if "end" in f else start
            else:
                self.err(item, "events entry is missing 'date'", "date: 2022-02-24 or date: [2014-02-20, 2014-03-18]")
                continue
            ongoing = f["ongoing"][0] if "ongoing" in f else ("start" in f and "end" not in f)
            try:
                ev = Event(
                    id=f["id"][0], start=start, end=end, aliases=f.get("aliases", ((),))[0],
                    source=f.get("source", ("",))[0], file=self.name, line=line, ongoing=ongoing,
                )
            except ValueError as exc:
                self.err(f.get("date", f.get("end", (None, item)))[1], str(exc), "the end day must not be before the start")
                continue
            self.events.append(ev)

    def _section_facts(self, node: Any) -> None:
        for item in self._list(node, "facts"):
            f = self._fields(item, "facts")
            if f is None or not self._unique_id("facts", f):
                continue
            low = high = None
            if "value" in f:
                if "min" in f or "max" in f:
                    self.err(f["value"][1], "give either value or min/max, not both", "value: [10000, 12000] is the same as min: 10000, max: 12000")
                    continue
                v = f["value"][0]
                low, high = (v, v) if isinstance(v, float) else v
            else:
                low = f["min"][0] if "min" in f else None
                high = f["max"][0] if "max" in f else None
                if low is None and high is None:
                    self.err(item, "facts entry is missing 'value'", "value: 1000, value: [10000, 12000], or min:/max:")
                    continue
            unit = f["unit"][0] if "unit" in f else COUNT
            if unit.offset:
                self.err(f["unit"][1], f"unit {unit.name!r} has an offset; facts need a plain scale", "use kelvin")
                continue
            vf, vt = f.get("valid_from", (None,))[0], f.get("valid_to", (None,))[0]
            if vf and vt and vf > vt:
                self.err(f["valid_to"][1], f"valid_to {vt} is before valid_from {vf}", "swap them")
                continue
            try:
                fact = Fact(
                    id=f["id"][0], subject=f["subject"][0], aliases=f.get("aliases", ((),))[0],
                    low=low, high=high, unit=unit.name, tolerance=f.get("tolerance", (0.0,))[0],
                    valid_from=vf, valid_to=vt, source=f.get("source", ("",))[0], file=self.name,
                    line=item.start_mark.line + 1, context=f.get("context", ((),))[0],
                    scale=unit.factor, base_unit=unit.base, dimension=unit.dimension,
                    note=f.get("note", ("",))[0], flag=f.get("flag", ("outside",))[0],
                )
            except ValueError as exc:
                self.err(f.get("value", f.get("max", (None, item)))[1], str(exc), "min must not exceed max")
                continue
            self.facts.append(fact)

    def _section_bounds(self, node: Any) -> None:
        for item in self._list(node, "bounds"):
            f = self._fields(item, "bounds")
            if f is None or not self._unique_id("bounds", f):
                continue
            if not any(k in f for k in ("kind", "subject", "dimension")):
                self.err(item, "a bound must say what it applies to", "add kind:, subject: or dimension:")
                continue
            unit = f["unit"][0] if "unit" in f else COUNT
            lo, hi = f.get("min", (None,))[0], f.get("max", (None,))[0]
            if unit.factor != 1 or unit.offset:  # store limits in base units, where claims' canonical values are
                lo = None if lo is None else unit.to_base(lo)
                hi = None if hi is None else unit.to_base(hi)
            try:
                b = Bound(
                    id=f["id"][0], kinds=f.get("kind", ((),))[0], subjects=f.get("subject", ((),))[0],
                    dimension=f.get("dimension", ("",))[0], min=lo, max=hi,
                    integer=f.get("integer", (False,))[0], unit=unit.name, after=f.get("after", ((),))[0],
                    message=f.get("message", ("",))[0], source=f.get("source", ("",))[0],
                    file=self.name, line=item.start_mark.line + 1, scale=1.0, base_unit=unit.base,
                )
            except ValueError as exc:
                self.err(item, str(exc), "a bound needs min, max or integer: true, with min <= max")
                continue
            self.bounds.append(b)

    def _section_dimensions(self, node: Any) -> None:
        if not isinstance(node, self._yaml.MappingNode):
            if self._scalar(node) is not None:
                self.err(node, "dimensions must be a mapping of subject: dimension", "front: length")
            return
        for subject, vnode in self._pairs(node, None, "dimensions subject"):
            value = self._value(vnode)
            values = value if isinstance(value, list) and value else [value]  # "speed: [speed, bitrate]"
            dims = [normalise_dimension(v) if isinstance(v, str) else None for v in values]
            bad = next((v for v, d in zip(values, dims) if d is None), None)
            if any(d is None for d in dims):
                self.err(vnode, f"unknown dimension {bad!r} for {subject!r}", f"one of: {', '.join(known_dimensions())}")
                continue
            first, *also = [d for d in dims if d is not None]
            self.dimensions.append(Dimension(subject.strip().lower(), first, self.name, vnode.start_mark.line + 1,
                                             also=tuple(also)))

    def _section_aliases(self, node: Any) -> None:
        if not isinstance(node, self._yaml.MappingNode):
            if self._scalar(node) is not None:
                self.err(node, "aliases must be a mapping of subject: [synonyms]", "troops: [soldiers, servicemen]")
            return
        seen: dict[str, tuple[str, Any]] = {}
        for target, knode, vnode in self._triples(node, None, "aliases subject"):
            raw = self._value(vnode)
            syns = [raw] if isinstance(raw, str) else raw
            if not isinstance(syns, list) or not all(isinstance(s, str) and s.strip() for s in syns):
                self.err(vnode, f"aliases of {target!r} must be a list of text", "troops: [soldiers, servicemen]")
                continue
            for s, snode in zip(syns, vnode.value if isinstance(vnode, self._yaml.SequenceNode) else [vnode]):
                key = fold(s)
                if key in seen and seen[key][0] != target:
                    self.err(snode, f"{s!r} is already an alias of {seen[key][0]!r}", "a synonym can name one subject only")
                    continue
                seen[key] = (target, snode)
                self.aliases.append((target, s, snode, knode))

    def _section_vocabulary(self, node: Any) -> None:
        phrases: dict[str, Any] = {}
        for item in self._list(node, "vocabulary"):
            f = self._fields(item, "vocabulary")
            if f is None:
                continue
            phrase = f["phrase"][0]
            if phrase.lower() in phrases:
                self.err(f["phrase"][1], f"duplicate vocabulary phrase {phrase!r}", f"first given on line {phrases[phrase.lower()]}")
                continue
            phrases[phrase.lower()] = item.start_mark.line + 1
            absolute = f.get("absolute", (False,))[0]
            qual = f.get("qualifier", (None,))[0]
            known = known_qualifiers()
            if not absolute and known and phrase.lower() not in known:
                import difflib

                close = difflib.get_close_matches(phrase.lower(), sorted(known), n=1)
                self.err(f["phrase"][1], f"unknown qualifier phrase {phrase!r}",
                         f"did you mean {close[0]!r}?" if close else "only the phrases in numcheck/data/qualifiers.tsv can be re-sized; vague amounts need absolute: true")
                continue
            if not absolute and qual is None:
                self.err(item, f"vocabulary {phrase!r} needs a qualifier", "qualifier: '~' (or absolute: true for counts like dozens)")
                continue
            try:
                self.vocabulary.append(VocabEntry(phrase, qual, f["low"][0], f["high"][0], absolute, self.name, item.start_mark.line + 1))
            except ValueError as exc:
                self.err(f["low"][1], str(exc), "low must not exceed high")

    def _section_style(self, node: Any) -> None:
        f = self._fields(node, "style")
        if f is None:
            return
        self.style = {k: v for k, (v, _) in f.items()}
        self.style_line = node.start_mark.line + 1


# ---------------------------------------------------------------- merging


def merge(files: list[_File]) -> RuleSet:
    """One RuleSet from parsed files, later files overriding earlier ones; alias targets resolved."""
    events: dict[str, Event] = {}
    facts: dict[str, Fact] = {}
    bounds: dict[str, Bound] = {}
    dims: dict[str, Dimension] = {}
    vocab: dict[str, VocabEntry] = {}
    style: dict[str, Any] = {}
    style_src = ("", 0)
    for fl in files:
        for e in fl.events:
            events.pop(e.id, None)
            events[e.id] = e
        for x in fl.facts:
            facts.pop(x.id, None)
            facts[x.id] = x
        for b in fl.bounds:
            bounds.pop(b.id, None)
            bounds[b.id] = b
        for d in fl.dimensions:
            dims[fold(d.subject)] = d
        for v in fl.vocabulary:
            vocab[v.phrase.lower()] = v
        if fl.style:
            style.update(fl.style)
            style_src = (fl.name, fl.style_line)
    aliases: dict[str, str] = {}
    sources: dict[str, tuple[str, int]] = {}
    for fl in files:
        for target, syn, snode, tnode in fl.aliases:
            kind, _, ref = target.partition(":")
            if ref and kind in ("event", "fact"):
                table: dict[str, Any] = events if kind == "event" else facts  # Event or Fact, both with aliases
                if ref not in table:
                    close = difflib.get_close_matches(ref, list(table), n=1)
                    fl.err(tnode, f"unknown alias target {target!r}", f"did you mean '{kind}:{close[0]}'?" if close else f"no {kind} has id {ref!r} in the files loaded before this one")
                    continue
                obj = table[ref]
                if syn not in obj.aliases:
                    table[ref] = replace(obj, aliases=obj.aliases + (syn,))
                continue
            aliases[syn.strip().lower()] = target.strip().lower()
            sources[syn.strip().lower()] = (fl.name, snode.start_mark.line + 1)
    _resolve_chains(aliases, files)
    st = Style(file=style_src[0], line=style_src[1], **style)
    return RuleSet(
        events=tuple(events.values()),
        facts=tuple(facts.values()),
        bounds=tuple(bounds.values()),
        dimensions={d.subject: d.dimension for d in dims.values()},
        aliases=aliases,
        style=st,
        vocabulary=tuple(vocab.values()),
        files=tuple(fl.name for fl in files),
        dimension_rules=tuple(dims.values()),
        alias_sources={k: v for k, v in sources.items() if k in aliases},
    )


def _foreign_tag(node: Any, allowed: set[Any]) -> Any:
    """The first node whose tag the safe loader would not build (e.g. !!python/object), or None."""
    stack = [node]
    seen: set[int] = set()
    while stack:
        n = stack.pop()
        if id(n) in seen:  # anchors share nodes: visit each once
            continue
        seen.add(id(n))
        if n.tag not in allowed:
            return n
        if isinstance(n.value, list):
            for item in reversed(n.value):
                stack.extend(reversed(item) if isinstance(item, tuple) else [item])
    return None


def _resolve_chains(aliases: dict[str, str], files: list[_File]) -> None:
    """Point every synonym at its final subject (servicemen -> soldiers -> troops); cycles are errors."""
    for syn in [s for s, t in aliases.items() if fold(s) == fold(t)]:
        del aliases[syn]  # "persons: people" is a plural the folding already handles
    index = {fold(k): k for k in aliases}
    for syn in list(aliases):
        start = fold(syn)
        seen = {start}
        target = aliases[syn]
        while True:
            ft = fold(target)
            if ft not in index:
                break
            if ft in seen:
                _alias_error(files, syn, f"alias {syn!r} leads back to itself", "aliases must not form a cycle")
                break
            seen.add(ft)
            target = aliases[index[ft]]
        aliases[syn] = target


def _alias_error(files: list[_File], syn: str, message: str, hint: str) -> None:
    for fl in reversed(files):
        for _t, s, node, _tn in fl.aliases:
            if s.strip().lower() == syn:
                fl.err(node, message, hint)
                return


# ---------------------------------------------------------------- entry points


def parse_files(paths: list[Path]) -> tuple[list[_File], list[RuleError]]:
    files = []
    for p in paths:
        fl = _File(p)
        fl.parse()
        files.append(fl)
    return files, []


def build(paths: list[Path]) -> tuple[RuleSet, list[RuleError]]:
    """Parse, merge and collect every error of ``paths`` (in load order)."""
    files, _ = parse_files(paths)
    ruleset = merge(files)
    errors = [e for fl in files for e in fl.errors]
    return ruleset, errors



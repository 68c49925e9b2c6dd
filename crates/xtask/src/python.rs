//! The Python classes and client methods generated from the registry: `ossio/ops.py` (a
//! request class per operation, a class per result and nested struct, the enumerations as
//! `Literal`s) and `ossio/_operations.py` (one `ossio.Client` method per operation, and a
//! paginator per listing). Both are plain annotated Python, so they are their own stubs.

use crate::Generated;
use ossio_core::ops::OPERATIONS;
use ossio_core::ops::decl::{EnumSchema, FieldSchema, Location, OpSchema, StructSchema, TypeRef};
use std::collections::BTreeMap;
use std::fmt::Write as _;

const COMMAND: &str = "cargo run -p xtask -- codegen";

/// Every generated Python file.
pub(crate) fn generate() -> Vec<Generated> {
    vec![
        Generated {
            path: "bindings/python/python/ossio/ops.py",
            contents: ops_py(),
        },
        Generated {
            path: "bindings/python/python/ossio/_operations.py",
            contents: operations_py(),
        },
        Generated {
            path: "bindings/python/stubtest-allowlist.txt",
            contents: allowlist(),
        },
    ]
}

/// Rust doc text as a docstring line: links become literals, `x` becomes ``x``.
fn doc(text: &str) -> String {
    let mut s = String::new();
    let mut rest = text;
    // `[`Name`](target)` and `[`Name`]` keep only `Name`.
    while let Some(i) = rest.find("[`") {
        s.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(j) = after.find("`]") else {
            s.push_str(&rest[i..]);
            rest = "";
            break;
        };
        s.push_str(&after[..j + 1]);
        rest = &after[j + 2..];
        if rest.starts_with('(')
            && let Some(k) = rest.find(')')
        {
            rest = &rest[k + 1..];
        }
    }
    s.push_str(rest);
    let s = s
        .replace("``", "`")
        .replace('`', "``")
        .replace('\\', "\\\\");
    s.replace("\"\"\"", "'''").replace('\n', " ")
}

/// Whether a field must be given (no default in Python).
fn required(f: &FieldSchema) -> bool {
    !f.optional
        && f.location != Location::Flatten
        && matches!(
            f.ty,
            TypeRef::String
                | TypeRef::U16
                | TypeRef::U32
                | TypeRef::U64
                | TypeRef::ByteRange
                | TypeRef::Enum(_)
                | TypeRef::Struct(_)
        )
}

/// The fields of a struct as Python sees them: flattened structs inline.
fn fields(s: &'static StructSchema) -> Vec<&'static FieldSchema> {
    let mut out = Vec::new();
    for f in s.fields {
        match (f.location, f.ty) {
            (Location::Flatten, TypeRef::Struct(inner)) => out.extend(fields(inner)),
            _ => out.push(f),
        }
    }
    out
}

/// A field's Python type: `input` for what a caller passes, else what a result holds.
fn py_type(ty: &TypeRef, input: bool) -> String {
    match ty {
        TypeRef::String | TypeRef::ByteRange => "str".into(),
        TypeRef::Bool => "bool".into(),
        TypeRef::U16 | TypeRef::U32 | TypeRef::U64 => "int".into(),
        TypeRef::Map if input => "Mapping[str, str]".into(),
        TypeRef::Map => "Dict[str, str]".into(),
        TypeRef::Body if input => "BodyInput".into(),
        TypeRef::Body => "bytes".into(),
        TypeRef::Enum(e) => e.name.into(),
        TypeRef::Struct(s) if input => format!("Union[{}, Mapping[str, Any]]", s.name),
        TypeRef::Struct(s) => s.name.into(),
        TypeRef::List(t) if input => format!("Sequence[{}]", py_type(t, input)),
        TypeRef::List(t) => format!("List[{}]", py_type(t, input)),
    }
}

fn field_type(f: &FieldSchema, input: bool) -> String {
    let t = py_type(&f.ty, input);
    let defaults_to_none = input
        && matches!(
            f.ty,
            TypeRef::List(_) | TypeRef::Map | TypeRef::Body | TypeRef::Bool
        );
    if f.optional || defaults_to_none {
        format!("Optional[{t}]")
    } else {
        t
    }
}

/// `name: type [= default]` of an `__init__` parameter.
fn param(f: &FieldSchema, input: bool) -> String {
    let t = py_type(&f.ty, input);
    if required(f) {
        return format!("{}: {t}", f.name);
    }
    // A request leaves an unset flag out, so the declaration's default applies.
    if !f.optional && f.ty == TypeRef::Bool && !input {
        return format!("{}: bool = False", f.name);
    }
    format!("{}: Optional[{t}] = None", f.name)
}

/// The value an `__init__` stores for a parameter (results hold lists and maps, never
/// `None`).
fn stored(f: &FieldSchema, input: bool) -> String {
    match f.ty {
        TypeRef::List(_) if !input && !f.optional => format!("[] if {0} is None else {0}", f.name),
        TypeRef::Map if !input && !f.optional => format!("{{}} if {0} is None else {0}", f.name),
        _ => f.name.to_owned(),
    }
}

/// A field name usable in Python: no keyword, and nothing that hides a method of the
/// request classes (`request`) or of every class (`replace`).
fn check_name(name: &str, request: bool) {
    const KEYWORDS: &[&str] = &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ];
    assert!(
        !KEYWORDS.contains(&name),
        "field {name} is a Python keyword"
    );
    const TAKEN: &[&str] = &["name", "request", "parse", "replace", "to_dict"];
    let taken = if request { TAKEN } else { &TAKEN[3..] };
    assert!(
        !taken.contains(&name),
        "field {name} would hide a method of the ossio.ops classes"
    );
}

/// A download: its response body is the object itself, streamed (GET on a key with no
/// sub-resource and a result read from headers only).
fn is_download(op: &OpSchema) -> bool {
    op.method == ossio_core::Method::Get
        && op.sub_resources.is_empty()
        && op.input.fields.iter().any(|f| f.location == Location::Key)
        && op.output.xml.is_none()
        && !fields(op.output)
            .iter()
            .any(|f| matches!(f.location, Location::Body | Location::Document))
}

/// For a listing: the input's token fields and the output's next-token fields (the output
/// says `is_truncated` and has `next_<token>`), the main token first (ListMultipartUploads
/// continues at `key_marker` and `upload_id_marker` together).
fn pagination(op: &OpSchema) -> Vec<(&'static str, &'static str)> {
    let out = fields(op.output);
    if !out.iter().any(|f| f.name == "is_truncated") {
        return Vec::new();
    }
    fields(op.input)
        .into_iter()
        .filter_map(|f| {
            let next = out
                .iter()
                .find(|o| o.name.strip_prefix("next_") == Some(f.name))?;
            Some((f.name, next.name))
        })
        .collect()
}

/// Every struct reachable from the registry, by name, and whether a result holds it.
fn structs() -> BTreeMap<&'static str, (&'static StructSchema, bool)> {
    fn walk(
        s: &'static StructSchema,
        output: bool,
        top: bool,
        out: &mut BTreeMap<&'static str, (&'static StructSchema, bool)>,
    ) {
        if !top {
            let e = out.entry(s.name).or_insert((s, output));
            assert!(
                std::ptr::eq(e.0.fields, s.fields) || e.0 == s,
                "two structs named {}",
                s.name
            );
            e.1 |= output;
        }
        for f in fields(s) {
            let mut t = &f.ty;
            while let TypeRef::List(i) = t {
                t = i;
            }
            if let TypeRef::Struct(inner) = t {
                walk(inner, output, false, out);
            }
        }
    }
    let mut out = BTreeMap::new();
    for op in OPERATIONS.iter() {
        walk(op.input, false, true, &mut out);
        walk(op.output, true, false, &mut out);
    }
    for op in OPERATIONS.iter() {
        assert!(
            !out.contains_key(op.name),
            "a struct is named like the operation {}",
            op.name
        );
    }
    out
}

fn enums() -> BTreeMap<&'static str, &'static EnumSchema> {
    fn walk(s: &'static StructSchema, out: &mut BTreeMap<&'static str, &'static EnumSchema>) {
        for f in fields(s) {
            let mut t = &f.ty;
            while let TypeRef::List(i) = t {
                t = i;
            }
            match t {
                TypeRef::Enum(e) => {
                    out.insert(e.name, e);
                }
                TypeRef::Struct(inner) => walk(inner, out),
                _ => {}
            }
        }
    }
    let mut out = BTreeMap::new();
    for op in OPERATIONS.iter() {
        walk(op.input, &mut out);
        walk(op.output, &mut out);
    }
    out
}

/// One class: its docstring, slots, field tables, annotations and `__init__`.
fn class(
    out: &mut String,
    name: &str,
    base: &str,
    s: &'static StructSchema,
    input: bool,
    extra: &[(&str, &str, &str)],
) {
    let fs = fields(s);
    writeln!(out, "\n\nclass {name}({base}):").unwrap();
    writeln!(out, "    \"\"\"{}", doc(s.doc)).unwrap();
    if !fs.is_empty() || !extra.is_empty() {
        writeln!(out).unwrap();
        for f in &fs {
            check_name(f.name, base.starts_with("Operation"));
            writeln!(out, "    :ivar {}: {}", f.name, doc(f.doc)).unwrap();
        }
        for (n, _, d) in extra {
            writeln!(out, "    :ivar {n}: {d}").unwrap();
        }
    }
    writeln!(out, "    \"\"\"\n").unwrap();
    let names: Vec<String> = fs
        .iter()
        .map(|f| format!("{:?}", f.name))
        .chain(extra.iter().map(|(n, _, _)| format!("{n:?}")))
        .collect();
    let tuple = if names.len() == 1 {
        format!("({},)", names[0])
    } else {
        format!("({})", names.join(", "))
    };
    // A request keeps its fields in one dict (`_values`); results and nested classes have
    // a slot per field.
    if base.starts_with("Operation") {
        writeln!(out, "    __slots__ = ()").unwrap();
    } else {
        writeln!(out, "    __slots__ = {tuple}").unwrap();
    }
    writeln!(out, "    _fields = {tuple}").unwrap();
    writeln!(out, "    _names = frozenset(_fields)").unwrap();
    let req: Vec<String> = fs
        .iter()
        .filter(|f| required(f))
        .map(|f| format!("{:?}", f.name))
        .collect();
    if req.is_empty() {
        writeln!(out, "    _required: ClassVar[FrozenSet[str]] = frozenset()").unwrap();
    } else {
        writeln!(out, "    _required = frozenset({{{}}})", req.join(", ")).unwrap();
    }
    for f in &fs {
        writeln!(out, "    {}: {}", f.name, field_type(f, input)).unwrap();
    }
    for (n, t, _) in extra {
        writeln!(out, "    {n}: {t}").unwrap();
    }
    // Required parameters first, as Python wants; all are keyword-only anyway.
    let mut params: Vec<String> = fs
        .iter()
        .filter(|f| required(f))
        .map(|f| param(f, input))
        .collect();
    params.extend(fs.iter().filter(|f| !required(f)).map(|f| param(f, input)));
    params.extend(extra.iter().map(|(n, t, _)| format!("{n}: {t} = b\"\"")));
    writeln!(out).unwrap();
    if params.is_empty() {
        writeln!(out, "    def __init__(self) -> None:").unwrap();
    } else {
        writeln!(
            out,
            "    def __init__(self, *, {}) -> None:",
            params.join(", ")
        )
        .unwrap();
    }
    let values: Vec<String> = fs
        .iter()
        .map(|f| format!("{:?}: {}", f.name, stored(f, input)))
        .chain(extra.iter().map(|(n, _, _)| format!("{n:?}: {n}")))
        .collect();
    if base.starts_with("Operation") {
        writeln!(
            out,
            "        _ossio._init_op(self, {:?}, {{{}}})",
            s.name,
            values.join(", ")
        )
        .unwrap();
    } else {
        writeln!(out, "        _set(self, {{{}}})", values.join(", ")).unwrap();
    }
}

fn header(what: &str) -> String {
    format!("# @generated by `{COMMAND}` from the operation registry ({what}); do not edit.\n")
}

fn ops_py() -> String {
    let mut out = header("ossio_core::ops::OPERATIONS");
    out.push_str(
        r#""""Every OSS operation as a request class, and every result as an immutable class.

``ossio.ops.<Operation>(**fields)`` validates its fields at once (``ossio.ValidationError``
names the field and the operation) and is what ``ossio.Client.<operation>`` sends. Without
the client, ``op.request()`` gives an ``ossio.Request`` to sign with ``ossio.Signer`` and
send with any HTTP library, and ``op.parse(status, headers, body)`` turns the response into
the result or raises the typed ``ossio.ServiceError``. Nested documents may be given as
these classes or as plain dicts with the same field names.
"""

from __future__ import annotations

import os
from typing import IO, Any, ClassVar, Dict, FrozenSet, List, Literal, Mapping, Optional, Sequence, Union

from . import _ossio
from ._model import Model, Operation, _set

#: What an object body may be: bytes (or text), a binary file object or a path (both
#: streamed by ``ossio.Client``).
BodyInput = Union[bytes, bytearray, memoryview, str, IO[bytes], "os.PathLike[str]"]
"#,
    );
    for (name, e) in enums() {
        let values: Vec<String> = e.values.iter().map(|v| format!("{v:?}")).collect();
        writeln!(
            out,
            "\n#: The values of ``{name}``.\n{name} = Literal[{}]",
            values.join(", ")
        )
        .unwrap();
    }
    let structs = structs();
    // Nested and result classes first: the request classes name them.
    for (name, (s, output)) in &structs {
        // The result of a download also carries the object's bytes.
        let download = OPERATIONS
            .iter()
            .any(|o| is_download(o) && o.output.name == *name);
        let extra: &[(&str, &str, &str)] = if download {
            &[(
                "body",
                "bytes",
                "The object's bytes (empty when they went to a file or a writer).",
            )]
        } else {
            &[]
        };
        class(&mut out, name, "Model", s, !output, extra);
    }
    for op in OPERATIONS.iter() {
        class(
            &mut out,
            op.name,
            &format!("Operation[{}]", op.output.name),
            op.input,
            true,
            &[],
        );
        if is_download(op) {
            writeln!(out, "\n    _download = True").unwrap();
        }
    }
    let mut all: Vec<&str> = vec!["BodyInput", "Model", "Operation"];
    all.extend(enums().keys());
    all.extend(structs.keys());
    all.extend(OPERATIONS.iter().map(|o| o.name));
    all.sort_unstable();
    all.dedup();
    let classes: Vec<String> = structs.keys().map(|n| format!("    {n:?}: {n},")).collect();
    writeln!(
        out,
        "\n\n_ossio._register(Model, {{\n{}\n}})",
        classes.join("\n")
    )
    .unwrap();
    let names: Vec<String> = all.iter().map(|n| format!("    {n:?},")).collect();
    writeln!(out, "\n__all__ = [\n{}\n]", names.join("\n")).unwrap();
    out
}

/// stubtest's allowlist: it reads `Literal["a", "b"]` as a `Union` and expects one at run
/// time, so the enumeration aliases are listed.
fn allowlist() -> String {
    let mut out = format!("# @generated by `{COMMAND}`; do not edit.\n");
    out.push_str("# The Literal aliases of ossio.ops: stubtest reads Literal[...] as a Union.\n");
    for name in enums().keys() {
        writeln!(out, "ossio.ops.{name}").unwrap();
    }
    out
}

/// The docstring of a client method.
fn method_doc(op: &OpSchema) -> String {
    let mut d = format!(
        "{}\n\n        Takes an ``ossio.ops.{}`` or its fields as keywords; returns ``ossio.ops.{}``.",
        doc(op.doc),
        op.name,
        op.output.name
    );
    if is_download(op) {
        d.push_str(" The object's bytes are its ``body`` (CRC-64 checked for a whole object).");
    }
    if op.input.fields.iter().any(|f| f.ty == TypeRef::Body) {
        d.push_str(" The body may be bytes, a binary file object or a path (both streamed).");
    }
    d
}

fn operations_py() -> String {
    let mut out = header("ossio_core::ops::OPERATIONS");
    out.push_str(
        r#""""Every operation as an ``ossio.Client`` method, and a paginator for every listing.

Each method takes the operation's request object (``ossio.ops.<Operation>``) or the same
fields as keyword arguments, and returns its result.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Sequence, Union, overload

from . import ops
from ._model import Operation, Paginator, _Out, _request
from ._ossio import _new_op


class Operations:
    """The operation methods of ``ossio.Client``."""

    __slots__ = ()

    def _send(self, op: Operation[_Out]) -> _Out:
        raise NotImplementedError
"#,
    );
    for op in OPERATIONS.iter() {
        let fs = fields(op.input);
        let mut params: Vec<String> = fs
            .iter()
            .filter(|f| required(f))
            .map(|f| param(f, true))
            .collect();
        params.extend(fs.iter().filter(|f| !required(f)).map(|f| param(f, true)));
        let params = params.iter().map(|p| qualify(p)).collect::<Vec<_>>();
        let (snake, name, out_ty) = (op.snake, op.name, op.output.name);
        writeln!(
            out,
            "\n    @overload\n    def {snake}(self, request: ops.{name}, /) -> ops.{out_ty}: ..."
        )
        .unwrap();
        if params.is_empty() {
            writeln!(
                out,
                "\n    @overload\n    def {snake}(self) -> ops.{out_ty}: ..."
            )
            .unwrap();
        } else {
            writeln!(
                out,
                "\n    @overload\n    def {snake}(self, *, {}) -> ops.{out_ty}: ...",
                params.join(", ")
            )
            .unwrap();
        }
        writeln!(
            out,
            "\n    def {snake}(self, *request: ops.{name}, **fields: Any) -> ops.{out_ty}:\n        \"\"\"{}\"\"\"\n        if request:\n            return self._send(_request(ops.{name}, request, fields))\n        return self._send(_new_op(ops.{name}, fields))",
            method_doc(op)
        )
        .unwrap();
        if let Some(((token, next), more)) = pagination(op).split_first() {
            let more: String = more
                .iter()
                .map(|(t, n)| format!(", ({t:?}, {n:?})"))
                .collect();
            writeln!(
                out,
                "\n    def {snake}_paginator(self) -> Paginator[ops.{name}, ops.{out_ty}]:\n        \"\"\"Every page of ``{name}``: ``.iter_page(request)`` (or its fields as keywords)\n        sends it and follows ``{next}`` until the listing ends.\"\"\"\n        return Paginator(self, ops.{name}, {token:?}, {next:?}{more})"
            )
            .unwrap();
        }
    }
    out
}

/// Qualifies the `ossio.ops` names of a parameter's type (`Acl` -> `ops.Acl`).
fn qualify(p: &str) -> String {
    let (name, rest) = p.split_once(": ").expect("a typed parameter");
    let mut t = rest.replace("ops.", "");
    let plain = [
        "str", "int", "bool", "bytes", "Any", "None", "Optional", "Union", "Mapping", "Sequence",
        "Dict", "List", "False",
    ];
    let mut qualified = String::new();
    let mut word = String::new();
    t.push(' ');
    for c in t.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            if !plain.contains(&word.as_str())
                && word.chars().next().is_some_and(char::is_uppercase)
            {
                qualified.push_str("ops.");
            }
            qualified.push_str(&word);
            word.clear();
        }
        qualified.push(c);
    }
    format!("{name}: {}", qualified.trim_end())
}

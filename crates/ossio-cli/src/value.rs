//! A small ordered value tree and its three renderings (JSON, YAML, table), written by hand
//! so the binary needs no serialisation framework.

use base64::Engine as _;
use ossio_core::ops::dynamic::Dyn;
use std::fmt::Write as _;

/// A rendered result: objects keep their field order.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// JSON `null` (an absent optional field).
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer (sizes, counts, CRC-64 values).
    Num(i128),
    /// A string.
    Str(String),
    /// A list.
    List(Vec<Value>),
    /// Named fields in order.
    Object(Vec<(String, Value)>),
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Self {
        Value::Str(s.clone())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value::Num(n.into())
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Num(n.into())
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Num(n as i128)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Self {
        o.map_or(Value::Null, Into::into)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Self {
        Value::List(v.into_iter().map(Into::into).collect())
    }
}

/// An operation's output as the dynamic bridge gives it: maps keep their field order; bytes
/// are text when they are UTF-8, base64 otherwise.
impl From<&Dyn> for Value {
    fn from(d: &Dyn) -> Self {
        match d {
            Dyn::Null => Value::Null,
            Dyn::Bool(b) => Value::Bool(*b),
            Dyn::Int(n) => Value::Num(*n),
            Dyn::Str(s) => Value::Str(s.clone()),
            Dyn::Bytes(b) => Value::Str(match std::str::from_utf8(b) {
                Ok(s) => s.to_owned(),
                Err(_) => base64::engine::general_purpose::STANDARD.encode(b),
            }),
            Dyn::List(items) => Value::List(items.iter().map(Value::from).collect()),
            Dyn::Map(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::from(v)))
                    .collect(),
            ),
        }
    }
}

/// Builds an object from `(name, value)` pairs.
pub fn obj<const N: usize>(fields: [(&str, Value); N]) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// How results are printed (`--output`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Pretty-printed JSON (the default).
    Json,
    /// YAML.
    Yaml,
    /// An aligned text table of the listed items (or of the fields).
    Table,
}

impl Value {
    /// The value in `format`, ending with a newline.
    pub fn render(&self, format: Format) -> String {
        let mut out = String::new();
        match format {
            Format::Json => {
                json(self, 0, &mut out);
                out.push('\n');
            }
            Format::Yaml => yaml_top(self, &mut out),
            Format::Table => table(self, &mut out),
        }
        out
    }
}

/// A JSON string literal.
pub fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json(v: &Value, indent: usize, out: &mut String) {
    let pad = |n: usize, out: &mut String| out.extend(std::iter::repeat_n(' ', n));
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Num(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Str(s) => json_string(s, out),
        Value::List(items) if items.is_empty() => out.push_str("[]"),
        Value::List(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                pad(indent + 2, out);
                json(item, indent + 2, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            pad(indent, out);
            out.push(']');
        }
        Value::Object(fields) if fields.is_empty() => out.push_str("{}"),
        Value::Object(fields) => {
            out.push_str("{\n");
            for (i, (k, item)) in fields.iter().enumerate() {
                pad(indent + 2, out);
                json_string(k, out);
                out.push_str(": ");
                json(item, indent + 2, out);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            pad(indent, out);
            out.push('}');
        }
    }
}

/// A YAML scalar: plain when that cannot be misread, double-quoted (JSON escapes are
/// valid YAML) otherwise.
fn yaml_scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Num(n) => n.to_string(),
        Value::Str(s) => {
            let plain = !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_./@+=".contains(c))
                && !s.starts_with(['-', '.', '@'])
                && s.parse::<f64>().is_err()
                && !matches!(
                    s.to_ascii_lowercase().as_str(),
                    "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n" | "~"
                );
            if plain {
                s.clone()
            } else {
                let mut out = String::new();
                json_string(s, &mut out);
                out
            }
        }
        Value::List(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

fn is_block(v: &Value) -> bool {
    match v {
        Value::List(l) => !l.is_empty(),
        Value::Object(o) => !o.is_empty(),
        _ => false,
    }
}

fn yaml_top(v: &Value, out: &mut String) {
    if is_block(v) {
        yaml_block(v, 0, out);
    } else {
        out.push_str(&yaml_scalar(v));
        out.push('\n');
    }
}

/// Writes a non-empty list or object at `indent`, one line per entry.
fn yaml_block(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(fields) => {
            for (k, item) in fields {
                let key = yaml_scalar(&Value::Str(k.clone()));
                if is_block(item) {
                    let _ = writeln!(out, "{pad}{key}:");
                    let child = if matches!(item, Value::List(_)) {
                        indent
                    } else {
                        indent + 2
                    };
                    yaml_block(item, child, out);
                } else {
                    let _ = writeln!(out, "{pad}{key}: {}", yaml_scalar(item));
                }
            }
        }
        Value::List(items) => {
            for item in items {
                if is_block(item) {
                    // The first line of the entry goes after "- ", the rest lines up under it.
                    let mut inner = String::new();
                    yaml_block(item, indent + 2, &mut inner);
                    let _ = write!(out, "{pad}- {}", &inner[indent + 2..]);
                } else {
                    let _ = writeln!(out, "{pad}- {}", yaml_scalar(item));
                }
            }
        }
        _ => {}
    }
}

/// One table cell: scalars as text, nested values as compact JSON.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Num(n) => n.to_string(),
        Value::Str(s) => s.replace(['\n', '\t'], " "),
        other => {
            let mut s = String::new();
            json(other, 0, &mut s);
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        }
    }
}

fn aligned(rows: &[Vec<String>], out: &mut String) {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, text) in row.iter().enumerate() {
            line.push_str(text);
            if c + 1 < row.len() {
                line.extend(std::iter::repeat_n(
                    ' ',
                    widths[c] - text.chars().count() + 2,
                ));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// A table: the first list of objects found at the top level becomes rows (one column per
/// field); a plain object becomes `FIELD VALUE` lines.
fn table(v: &Value, out: &mut String) {
    let list = match v {
        Value::List(items) => Some(items.as_slice()),
        Value::Object(fields) => fields.iter().find_map(|(_, f)| match f {
            Value::List(items) if items.iter().all(|i| matches!(i, Value::Object(_))) => {
                Some(items.as_slice())
            }
            _ => None,
        }),
        _ => None,
    };
    match (list, v) {
        (Some(items), _) => {
            let mut columns: Vec<String> = Vec::new();
            for item in items {
                if let Value::Object(fields) = item {
                    for (k, _) in fields {
                        if !columns.contains(k) {
                            columns.push(k.clone());
                        }
                    }
                }
            }
            if columns.is_empty() {
                columns.push("Value".into());
            }
            let mut rows = vec![columns.iter().map(|c| c.to_uppercase()).collect()];
            for item in items {
                rows.push(match item {
                    Value::Object(fields) => columns
                        .iter()
                        .map(|c| {
                            fields
                                .iter()
                                .find(|(k, _)| k == c)
                                .map(|(_, v)| cell(v))
                                .unwrap_or_default()
                        })
                        .collect(),
                    other => vec![cell(other)],
                });
            }
            aligned(&rows, out);
        }
        (None, Value::Object(fields)) => {
            let rows: Vec<Vec<String>> = fields
                .iter()
                .map(|(k, v)| vec![k.clone(), cell(v)])
                .collect();
            aligned(&rows, out);
        }
        (None, other) => {
            out.push_str(&cell(other));
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Value {
        obj([
            ("Name", "b".into()),
            ("Quoted", "a \"q\"\n".into()),
            ("Size", 5u64.into()),
            ("Missing", Value::Null),
            (
                "Items",
                vec![
                    obj([("Key", "k1".into()), ("Size", 1u64.into())]),
                    obj([("Key", "true".into()), ("Size", 22u64.into())]),
                ]
                .into(),
            ),
            ("Empty", Value::List(vec![])),
        ])
    }

    #[test]
    fn json_escapes_and_nests() {
        let s = sample().render(Format::Json);
        assert!(s.contains("\"Quoted\": \"a \\\"q\\\"\\n\""), "{s}");
        assert!(s.contains("\"Missing\": null"));
        assert!(s.contains("\"Empty\": []"));
        assert!(s.contains("    {\n      \"Key\": \"k1\","), "{s}");
    }

    #[test]
    fn yaml_quotes_what_could_be_misread() {
        let s = sample().render(Format::Yaml);
        assert!(s.starts_with("Name: b\n"), "{s}");
        assert!(s.contains("Quoted: \"a \\\"q\\\"\\n\"\n"), "{s}");
        assert!(
            s.contains("Items:\n- Key: k1\n  Size: 1\n- Key: \"true\"\n  Size: 22\n"),
            "{s}"
        );
        assert!(s.contains("Empty: []\n"), "{s}");
    }

    #[test]
    fn table_of_the_first_list() {
        let s = sample().render(Format::Table);
        assert_eq!(s, "KEY   SIZE\nk1    1\ntrue  22\n");
        let fields = obj([("A", "x".into()), ("Longer", 3u64.into())]).render(Format::Table);
        assert_eq!(fields, "A       x\nLonger  3\n");
    }
}

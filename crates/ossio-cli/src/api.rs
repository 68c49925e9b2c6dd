//! `ossio api <operation>`: one subcommand per operation of the core's registry
//! (`ossio_core::ops::OPERATIONS`), built at run time. Flags come from the input schema,
//! help from the docs, and every call goes through the one generic bridge
//! (`ossio_core::ops::dynamic`): nothing here is written per operation.

use crate::ctx::Ctx;
use crate::error::CliError;
use crate::transfer;
use crate::value::{Format, Value};
use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Arg, ArgAction, ArgMatches, Command, FromArgMatches, Subcommand};
use ossio_core::ops::decl::{FieldSchema, Location, OpSchema, StructSchema, TypeRef};
use ossio_core::ops::dynamic::{self, Dyn, ErasedOp};
use ossio_core::ops::{OPERATIONS, operation};
use ossio_core::{Method, ValidationError, ValidationKind};
use std::io::Read;
use std::path::Path;

/// The flags every operation's subcommand may add to those of its fields.
const INPUT: &str = "input";
const OUTFILE: &str = "outfile";
const NO_PAGINATE: &str = "no-paginate";

/// One registered operation and the flags it was called with.
#[derive(Debug, Clone)]
pub struct ApiCommand {
    op: &'static OpSchema,
    matches: ArgMatches,
}

impl FromArgMatches for ApiCommand {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let (name, sub) = m.subcommand().ok_or_else(|| {
            clap::Error::raw(
                clap::error::ErrorKind::MissingSubcommand,
                "an operation is required",
            )
        })?;
        let op = operation(name).ok_or_else(|| {
            clap::Error::raw(
                clap::error::ErrorKind::InvalidSubcommand,
                format!("{name} is not a registered operation"),
            )
        })?;
        Ok(ApiCommand {
            op,
            matches: sub.clone(),
        })
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl Subcommand for ApiCommand {
    fn augment_subcommands(cmd: Command) -> Command {
        cmd.subcommands(OPERATIONS.iter().copied().map(op_command))
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        Self::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        operation(name).is_some()
    }
}

/// How a flag fills its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One value: text, a number, a boolean, one of an enumeration, a byte range.
    Scalar,
    /// Repeatable: one list item per use.
    List,
    /// Repeatable `NAME=VALUE`: one map entry per use.
    Pairs,
    /// The whole value as a JSON document.
    Json,
    /// The body given inline (`-` reads stdin).
    Body,
    /// The body read from a file (streamed when the body is an object's bytes).
    BodyFile,
}

/// A flag derived from an input field.
#[derive(Debug, Clone)]
pub struct Flag {
    /// The long name, without `--`; also the argument's id.
    pub long: String,
    /// The field it fills.
    pub field: &'static FieldSchema,
    /// How.
    pub form: Form,
}

/// The input fields of `s` as flags see them: a flattened struct's fields stand beside
/// their parent's (the bridge reads them from the same map).
fn input_fields(s: &'static StructSchema, out: &mut Vec<&'static FieldSchema>) {
    for f in s.fields {
        match (f.location, f.ty) {
            (Location::Flatten, TypeRef::Struct(inner)) => input_fields(inner, out),
            _ => out.push(f),
        }
    }
}

fn is_scalar(t: &TypeRef) -> bool {
    matches!(
        t,
        TypeRef::String
            | TypeRef::Bool
            | TypeRef::U16
            | TypeRef::U32
            | TypeRef::U64
            | TypeRef::ByteRange
            | TypeRef::Enum(_)
    )
}

/// Whether the bridge refuses the input without the field: a declared rule, or a value
/// with no obvious empty form (`false`, an empty list or map, an empty object body).
pub fn is_required(f: &FieldSchema) -> bool {
    f.required
        || (!f.optional
            && !matches!(
                f.ty,
                TypeRef::Bool | TypeRef::List(_) | TypeRef::Map | TypeRef::Body
            ))
}

/// The long flags the command line already uses: the global options and the subcommand's
/// own (`--input`, ...). A field whose name is one of them gets `--field-<name>`.
fn reserved() -> Vec<String> {
    let globals = <crate::cli::Global as clap::Args>::augment_args(Command::new("global"));
    let mut taken: Vec<String> = globals
        .get_arguments()
        .filter_map(|a| a.get_long().map(str::to_owned))
        .collect();
    taken.extend([INPUT, OUTFILE, NO_PAGINATE, "help", "version"].map(String::from));
    taken
}

/// Every flag of `op`'s input, in declaration order.
pub fn flags(op: &OpSchema) -> Vec<Flag> {
    let taken = reserved();
    let mut fields = Vec::new();
    input_fields(op.input, &mut fields);
    let mut out = Vec::new();
    for field in fields {
        let kebab = field.name.replace('_', "-");
        let mut push = |suffix: &str, form: Form| {
            let mut long = format!("{kebab}{suffix}");
            if taken.contains(&long) {
                long = format!("field-{long}");
            }
            out.push(Flag { long, field, form });
        };
        match (field.location, field.ty) {
            (Location::Body, _) => {
                push("", Form::Body);
                push("-file", Form::BodyFile);
            }
            (_, t) if is_scalar(&t) => push("", Form::Scalar),
            (_, TypeRef::List(inner)) if is_scalar(inner) => {
                push("", Form::List);
                push("-json", Form::Json);
            }
            (_, TypeRef::Map) => {
                push("", Form::Pairs);
                push("-json", Form::Json);
            }
            _ => push("-json", Form::Json),
        }
    }
    out
}

/// Whether `op` answers with a stream of bytes: a GET of an object with no sub-resource
/// whose output is read from the status and headers alone (the body is the object's, for
/// the caller to read; GetSymlink's `?symlink` answer has none).
pub fn streams_answer(op: &OpSchema) -> bool {
    let mut fields = Vec::new();
    input_fields(op.output, &mut fields);
    op.method == Method::Get
        && op.sub_resources.is_empty()
        && op.input.fields.iter().any(|f| f.location == Location::Key)
        && fields.iter().all(|f| {
            matches!(
                f.location,
                Location::Header(_) | Location::HeaderPrefix(_) | Location::Status
            )
        })
}

/// For a listing whose page is a document the output holds (`alibabacloud-oss-v2`'s
/// `list_inventory_configurations_result`), that document field; `None` when the page's
/// fields are the output's own, or for anything else.
pub fn page_document(op: &OpSchema) -> Option<&'static str> {
    if op.output.field("is_truncated").is_some() {
        return None;
    }
    op.output
        .fields
        .iter()
        .find_map(|f| match (f.location, f.ty) {
            (Location::Document, TypeRef::Struct(s)) if s.field("is_truncated").is_some() => {
                Some(f.name)
            }
            _ => None,
        })
}

/// The struct a listing's page is: the output, or the document it holds.
fn page_struct(op: &OpSchema) -> Option<&'static StructSchema> {
    if op.output.field("is_truncated").is_some() {
        return Some(op.output);
    }
    let doc = op.output.field(page_document(op)?)?;
    match doc.ty {
        TypeRef::Struct(s) => Some(s),
        _ => None,
    }
}

/// For a listing, the page fields that carry the next page's tokens and the input fields
/// they go to (`next_marker` to `marker`): a paginated page says `is_truncated`. Empty
/// for anything else.
pub fn page_links(op: &OpSchema) -> Vec<(&'static str, &'static str)> {
    let Some(page) = page_struct(op) else {
        return Vec::new();
    };
    page.fields
        .iter()
        .filter_map(|f| {
            let target = f.name.strip_prefix("next_")?;
            op.input.field(target).map(|t| (f.name, t.name))
        })
        .collect()
}

/// The page in an output value: the value itself, or its `doc` field.
fn page_of<'a>(v: &'a mut Dyn, doc: Option<&str>) -> Option<&'a mut Vec<(String, Dyn)>> {
    let v = match doc {
        None => v,
        Some(d) => match v {
            Dyn::Map(fields) => &mut fields.iter_mut().find(|(k, _)| k == d)?.1,
            _ => return None,
        },
    };
    match v {
        Dyn::Map(fields) => Some(fields),
        _ => None,
    }
}

/// Doc text for a terminal: rustdoc links (`` [`Name`] ``, `[text](target)`) and code
/// marks dropped, lines of a paragraph joined.
pub fn plain_doc(doc: &str) -> String {
    let mut out = String::new();
    let mut rest = doc;
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let link = after.find(']').filter(|&j| {
            (after.starts_with('`') && after[..j].ends_with('`')) || after[j + 1..].starts_with('(')
        });
        match link {
            Some(j) => {
                out.push_str(&after[..j]);
                rest = &after[j + 1..];
                // `[text](target)`: the target is for rustdoc.
                if let (true, Some(k)) = (rest.starts_with('('), rest.find(')')) {
                    rest = &rest[k + 1..];
                }
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace('`', "")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Shows an enumeration's values in help and completions; the bridge checks them, so the
/// error names the operation and the field.
#[derive(Clone)]
struct Choices(&'static [&'static str]);

impl TypedValueParser for Choices {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &Command,
        _arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(|v| PossibleValue::new(*v))))
    }
}

/// The clap argument of one flag.
fn arg(flag: &Flag, all: &[Flag]) -> Arg {
    let f = flag.field;
    let mut help = plain_doc(f.doc);
    let streamed = f.ty == TypeRef::Body;
    match flag.form {
        Form::Scalar if f.ty == TypeRef::ByteRange => help.push_str(" FIRST-LAST or FIRST-."),
        Form::List => help.push_str(" Repeatable."),
        Form::Pairs => help.push_str(" NAME=VALUE, repeatable."),
        Form::Json => help.push_str(" As JSON, with the field names of --input."),
        Form::Body => help.push_str(" Given inline; - reads stdin."),
        Form::BodyFile if streamed => help.push_str(" Streamed from this file."),
        Form::BodyFile => help.push_str(" Read from this file."),
        Form::Scalar => {}
    }
    if is_required(f) {
        help.push_str(" [required]");
    }
    let mut a = Arg::new(flag.long.clone())
        .long(flag.long.clone())
        .help(help)
        .value_name(f.name.to_uppercase())
        .action(ArgAction::Set);
    a = match (flag.form, f.ty) {
        (Form::Scalar, TypeRef::Bool) => a
            .value_name("BOOL")
            .num_args(0..=1)
            .default_missing_value("true")
            .value_parser(Choices(&["true", "false"])),
        (Form::Scalar, TypeRef::Enum(e)) => a.value_parser(Choices(e.values)),
        (Form::Scalar, TypeRef::U16 | TypeRef::U32 | TypeRef::U64) => a.value_name("N"),
        (Form::Scalar, TypeRef::ByteRange) => a.value_name("FIRST-[LAST]"),
        (Form::List, _) => a.action(ArgAction::Append),
        (Form::Pairs, _) => a.action(ArgAction::Append).value_name("NAME=VALUE"),
        (Form::Json, _) => a.value_name("JSON"),
        (Form::BodyFile, _) => a.value_name("PATH"),
        _ => a,
    };
    // The other flags of the same field fill it too: one at a time.
    for other in all {
        if std::ptr::eq(other.field, f) && other.long != flag.long {
            a = a.conflicts_with(other.long.clone());
        }
    }
    a
}

/// The subcommand of `op`, from its registry entry.
pub fn op_command(op: &'static OpSchema) -> Command {
    let doc = plain_doc(op.doc);
    let about = doc.split("\n\n").next().unwrap_or_default().to_owned();
    let flags = flags(op);
    let mut fields = Vec::new();
    input_fields(op.input, &mut fields);
    let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
    let mut cmd = Command::new(op.kebab)
        .about(about)
        .long_about(format!("{}: {doc}", op.name))
        .after_long_help(format!(
            "The whole input can come from --input FILE (JSON or YAML), a map of these fields: \
             {}. Flags override its fields. The result is printed as JSON with the output's \
             field names.",
            names.join(", ")
        ));
    for flag in &flags {
        cmd = cmd.arg(arg(flag, &flags));
    }
    cmd =
        cmd.arg(Arg::new(INPUT).long(INPUT).value_name("FILE").help(
            "The input as a JSON or YAML document (- reads stdin); flags override its fields",
        ));
    if streams_answer(op) {
        cmd = cmd.arg(Arg::new(OUTFILE).long(OUTFILE).value_name("PATH").help(
            "Where to write the answer's bytes (default, or -: stdout, and no metadata \
                     is printed). The file appears once every byte arrived and was checked.",
        ));
    }
    if !page_links(op).is_empty() {
        cmd = cmd.arg(
            Arg::new(NO_PAGINATE)
                .long(NO_PAGINATE)
                .action(ArgAction::SetTrue)
                .help(
                    "Fetch one page only (by default every page is fetched and the lists joined)",
                ),
        );
    }
    cmd
}

/// A rejected input, before anything was sent: names the operation and the field.
fn invalid(op: &OpSchema, field: String, value: Option<&str>, reason: &str) -> CliError {
    ossio_core::Error::Validation(
        ValidationError::new(ValidationKind::Argument, field, value, reason.to_owned())
            .in_operation(op.name),
    )
    .into()
}

/// `name (--flag)`: how errors name a field.
fn label(field: &FieldSchema, flags: &[Flag]) -> String {
    let longs: Vec<String> = flags
        .iter()
        .filter(|f| std::ptr::eq(f.field, field))
        .map(|f| format!("--{}", f.long))
        .collect();
    format!("{} ({})", field.name, longs.join(" or "))
}

/// Sets `name` in a map value, replacing what was there.
fn set(map: &mut Vec<(String, Dyn)>, name: &str, v: Dyn) {
    match map.iter_mut().find(|(k, _)| k == name) {
        Some(slot) => slot.1 = v,
        None => map.push((name.to_owned(), v)),
    }
}

/// A JSON document as a value.
fn from_json(v: serde_json::Value) -> Result<Dyn, String> {
    use serde_json::Value as J;
    Ok(match v {
        J::Null => Dyn::Null,
        J::Bool(b) => Dyn::Bool(b),
        J::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Dyn::Int(i.into()),
            (_, Some(u)) => Dyn::Int(u.into()),
            _ => return Err(format!("{n} is not an integer")),
        },
        J::String(s) => Dyn::Str(s),
        J::Array(items) => Dyn::List(items.into_iter().map(from_json).collect::<Result<_, _>>()?),
        J::Object(m) => Dyn::Map(
            m.into_iter()
                .map(|(k, v)| Ok((k, from_json(v)?)))
                .collect::<Result<_, String>>()?,
        ),
    })
}

/// A YAML document as a value.
fn from_yaml(y: yaml_rust2::Yaml) -> Result<Dyn, String> {
    use yaml_rust2::Yaml as Y;
    Ok(match y {
        Y::Null => Dyn::Null,
        Y::Boolean(b) => Dyn::Bool(b),
        Y::Integer(i) => Dyn::Int(i.into()),
        Y::String(s) => Dyn::Str(s),
        Y::Real(r) => return Err(format!("{r} is not an integer")),
        Y::Array(items) => Dyn::List(items.into_iter().map(from_yaml).collect::<Result<_, _>>()?),
        Y::Hash(h) => Dyn::Map(
            h.into_iter()
                .map(|(k, v)| match k {
                    Y::String(k) => Ok((k, from_yaml(v)?)),
                    other => Err(format!("a map key must be text, not {other:?}")),
                })
                .collect::<Result<_, String>>()?,
        ),
        Y::Alias(_) | Y::BadValue => return Err("unsupported YAML value".into()),
    })
}

/// Parses a document: JSON when it looks like JSON (or the file name says so), YAML
/// otherwise (a YAML file name says so too).
fn parse_document(text: &str, path: &str) -> Result<Dyn, String> {
    let yaml = path.ends_with(".yaml") || path.ends_with(".yml");
    let json = path.ends_with(".json") || (!yaml && text.trim_start().starts_with(['{', '[']));
    if json {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        return from_json(v);
    }
    let mut docs = yaml_rust2::YamlLoader::load_from_str(text).map_err(|e| e.to_string())?;
    match docs.len() {
        0 => Ok(Dyn::Map(Vec::new())),
        1 => from_yaml(docs.remove(0)),
        n => Err(format!("{n} YAML documents; give one")),
    }
}

/// Reads a file, or stdin for `-`.
fn read_text(path: &str) -> Result<String, CliError> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| CliError::local(format!("cannot read stdin: {e}")))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| CliError::local(format!("cannot read {path}: {e}")))
}

/// The input, gathered from `--input` and the flags, and the file a streamed body comes
/// from.
struct Input {
    value: Dyn,
    stream_from: Option<String>,
}

impl ApiCommand {
    /// One flag's text as the field's value.
    fn scalar(&self, flag: &Flag, ty: &TypeRef, text: &str) -> Result<Dyn, CliError> {
        let op = self.op;
        let field = || label(flag.field, &flags(op));
        Ok(match ty {
            TypeRef::U16 | TypeRef::U32 | TypeRef::U64 => match text.trim().parse::<i128>() {
                Ok(n) => Dyn::Int(n),
                Err(_) => return Err(invalid(op, field(), Some(text), "expected an integer")),
            },
            TypeRef::Bool => match text {
                "true" => Dyn::Bool(true),
                "false" => Dyn::Bool(false),
                _ => return Err(invalid(op, field(), Some(text), "expected true or false")),
            },
            // The wire form is `bytes=FIRST-LAST`; the flag may leave out `bytes=`.
            TypeRef::ByteRange if !text.starts_with("bytes=") => Dyn::Str(format!("bytes={text}")),
            _ => Dyn::Str(text.to_owned()),
        })
    }

    fn input(&self) -> Result<Input, CliError> {
        let op = self.op;
        let all = flags(op);
        let stdin_body = all.iter().any(|f| {
            f.form == Form::Body
                && self.matches.get_one::<String>(&f.long).map(String::as_str) == Some("-")
        });
        if stdin_body && self.matches.get_one::<String>(INPUT).map(String::as_str) == Some("-") {
            let reason = "stdin can feed the input or the body, not both";
            return Err(invalid(op, "input (--input)".into(), Some("-"), reason));
        }
        let mut map = match self.matches.get_one::<String>(INPUT) {
            None => Vec::new(),
            Some(path) => match parse_document(&read_text(path)?, path) {
                Ok(Dyn::Map(m)) => m,
                Ok(other) => {
                    let reason = format!("must be a map of fields, not {}", other.kind());
                    return Err(invalid(op, "input (--input)".into(), None, &reason));
                }
                Err(e) => return Err(invalid(op, "input (--input)".into(), None, &e)),
            },
        };
        let mut stream_from = None;
        for flag in &all {
            let Some(values) = self.matches.get_many::<String>(&flag.long) else {
                continue;
            };
            let values: Vec<&String> = values.collect();
            let f = flag.field;
            let first = values[0].as_str();
            let v = match flag.form {
                Form::Scalar => self.scalar(flag, &f.ty, first)?,
                Form::List => {
                    let TypeRef::List(inner) = f.ty else {
                        unreachable!("list flags are derived from list fields")
                    };
                    Dyn::List(
                        values
                            .iter()
                            .map(|v| self.scalar(flag, inner, v))
                            .collect::<Result<_, _>>()?,
                    )
                }
                Form::Pairs => Dyn::Map(
                    values
                        .iter()
                        .map(|v| match v.split_once('=') {
                            Some((k, v)) => Ok((k.to_owned(), Dyn::Str(v.to_owned()))),
                            None => {
                                Err(invalid(op, label(f, &all), Some(v), "expected NAME=VALUE"))
                            }
                        })
                        .collect::<Result<_, _>>()?,
                ),
                Form::Json => serde_json::from_str::<serde_json::Value>(first)
                    .map_err(|e| e.to_string())
                    .and_then(from_json)
                    .map_err(|e| invalid(op, label(f, &all), None, &format!("bad JSON: {e}")))?,
                Form::Body if first == "-" && f.ty == TypeRef::Body => {
                    Dyn::Bytes(transfer::read_stdin()?)
                }
                Form::Body if first == "-" => Dyn::Str(read_text("-")?),
                Form::Body => Dyn::Str(first.to_owned()),
                Form::BodyFile if f.ty == TypeRef::Body => {
                    stream_from = Some(first.to_owned());
                    continue;
                }
                Form::BodyFile => Dyn::Str(read_text(first)?),
            };
            set(&mut map, f.name, v);
        }
        let mut fields = Vec::new();
        input_fields(op.input, &mut fields);
        // Unknown names first: a misspelt field would otherwise read as a missing one.
        if let Some((k, _)) = map
            .iter()
            .find(|(k, _)| !fields.iter().any(|f| f.name == k))
        {
            let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
            let reason = format!("unknown field {k} (known: {})", known.join(", "));
            return Err(invalid(op, "input (--input)".into(), None, &reason));
        }
        for f in fields {
            let given = map.iter().any(|(k, v)| k == f.name && *v != Dyn::Null);
            if is_required(f) && !given {
                return Err(invalid(op, label(f, &all), None, "is required"));
            }
        }
        Ok(Input {
            value: Dyn::Map(map),
            stream_from,
        })
    }

    /// Builds the operation; an error names the flag beside the field.
    fn build(&self, input: &Dyn) -> Result<Box<dyn ErasedOp>, CliError> {
        dynamic::build(self.op.name, input).map_err(|e| self.named(e))
    }

    /// Adds the flag to the field a validation error names.
    fn named(&self, e: ossio_core::Error) -> CliError {
        match e {
            ossio_core::Error::Validation(mut v) => {
                let all = flags(self.op);
                if let Some(flag) = all.iter().find(|f| f.field.name == v.field) {
                    v.field = label(flag.field, &all).into();
                }
                ossio_core::Error::Validation(v).into()
            }
            other => other.into(),
        }
    }

    /// Runs the operation and prints its result.
    pub fn run(self, ctx: &mut Ctx) -> Result<(), CliError> {
        let input = self.input()?;
        let op = self.build(&input.value)?;
        let request = || op.to_request().map_err(|e| self.named(e));
        if let Some(path) = &input.stream_from {
            // Validated before the file is opened.
            request()?;
            let out = transfer::upload_file(
                ctx,
                path,
                || op.to_request(),
                |c, p| c.send_dyn_from_file(&*op, p),
                |c, r, len| c.send_dyn_from_reader(&*op, r, len),
            )?;
            return match out {
                Some(out) => ctx.print(&Value::from(&out), Format::Json),
                None => Ok(()),
            };
        }
        let req = request()?;
        if ctx.dry_run_request(|| Ok(req), None)? {
            return Ok(());
        }
        if streams_answer(self.op) {
            return self.download(ctx, &*op);
        }
        let client = ctx.client()?.clone();
        let mut out = client.send_dyn(&*op)?;
        let links = page_links(self.op);
        if !links.is_empty() && !self.matches.get_flag(NO_PAGINATE) {
            out = self.remaining_pages(&client, input.value, out, &links)?;
        }
        ctx.print(&Value::from(&out), Format::Json)
    }

    /// Fetches the pages after `first` and joins them: the lists of every page one after
    /// the other, `is_truncated` and the `next_*` tokens of the last page, every other field
    /// of the first.
    fn remaining_pages(
        &self,
        client: &ossio::Client,
        mut input: Dyn,
        first: Dyn,
        links: &[(&'static str, &'static str)],
    ) -> Result<Dyn, CliError> {
        let doc = page_document(self.op);
        let mut merged = first.clone();
        let mut page = first;
        while let Some(body) = page_of(&mut page, doc).map(|f| Dyn::Map(f.clone())) {
            if body.get("is_truncated") != Some(&Dyn::Bool(true)) {
                break;
            }
            let Dyn::Map(mut next) = input.clone() else {
                break;
            };
            for (token, field) in links {
                // A marker is text, or a number (ListParts' part number marker).
                if let Some(v @ (Dyn::Str(_) | Dyn::Int(_))) = body.get(token) {
                    set(&mut next, field, v.clone());
                }
            }
            let next = Dyn::Map(next);
            // A truncated page without a new token: stop rather than ask again forever.
            if next == input {
                break;
            }
            input = next;
            page = client.send_dyn(&*self.build(&input)?)?;
            let Some(fields) = page_of(&mut page, doc).cloned() else {
                break;
            };
            let Some(into) = page_of(&mut merged, doc) else {
                break;
            };
            for (k, v) in &fields {
                let Some(slot) = into.iter_mut().find(|(name, _)| name == k) else {
                    continue;
                };
                match (&mut slot.1, v) {
                    (Dyn::List(all), Dyn::List(more)) => all.extend(more.iter().cloned()),
                    _ if k == "is_truncated" || k.starts_with("next_") => slot.1 = v.clone(),
                    _ => {}
                }
            }
        }
        Ok(merged)
    }

    /// Streams the answer's bytes to `--outfile` (then prints the metadata) or stdout.
    fn download(&self, ctx: &mut Ctx, op: &dyn ErasedOp) -> Result<(), CliError> {
        let dest = self
            .matches
            .get_one::<String>(OUTFILE)
            .map_or("-", String::as_str);
        let label = format!("{} {dest}", self.op.kebab);
        let meta = transfer::download_with(
            ctx,
            label,
            Path::new(dest),
            |c| c.send_dyn_for_reader(op),
            None,
            |m| match m.get("content_length") {
                Some(Dyn::Int(n)) => u64::try_from(*n).ok(),
                _ => None,
            },
        )?;
        if dest == "-" {
            return Ok(());
        }
        ctx.print(&Value::from(&meta), Format::Json)
    }
}

/// A command-line error inside `ossio api <operation>`, as one line naming the operation,
/// or `None` when the arguments do not call an operation.
pub fn usage_error(args: &[String], e: &clap::Error) -> Option<String> {
    let op = args
        .windows(2)
        .find(|w| w[0] == "api")
        .and_then(|w| operation(&w[1]))?;
    let rendered = e.render().to_string();
    let first = rendered.lines().next()?.trim_start_matches("error: ");
    let mut line = format!("{}: {first}", op.name);
    if let Some(clap::error::ContextValue::String(s)) =
        e.get(clap::error::ContextKind::SuggestedArg)
    {
        line.push_str(&format!(" (a similar flag exists: {s})"));
    }
    line.push_str(&format!("; see `ossio api {} --help`", op.kebab));
    Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        crate::cli::Cli::command().debug_assert();
    }

    #[test]
    fn docs_lose_their_markup() {
        assert_eq!(
            plain_doc("VPC id; required for [`NetworkOrigin::Vpc`], refused for `Internet`."),
            "VPC id; required for NetworkOrigin::Vpc, refused for Internet."
        );
        assert_eq!(
            plain_doc(
                "errors in `x-oss-err`, which\n[`Response::check`](crate::Response::check) decodes.\n\nMore."
            ),
            "errors in x-oss-err, which Response::check decodes.\n\nMore."
        );
        assert_eq!(plain_doc("a [b"), "a [b");
        assert_eq!(plain_doc("3–19 of `[a-z0-9-]`."), "3–19 of [a-z0-9-].");
    }

    #[test]
    fn documents_become_values() {
        let yaml = parse_document(
            "bucket: b\nmax_keys: 5\nquiet: true\nitems:\n  - key: a\n",
            "x.yaml",
        );
        assert_eq!(
            yaml.unwrap(),
            Dyn::map([
                ("bucket", Dyn::from("b")),
                ("max_keys", Dyn::Int(5)),
                ("quiet", Dyn::Bool(true)),
                (
                    "items",
                    Dyn::List(vec![Dyn::map([("key", Dyn::from("a"))])])
                ),
            ])
        );
        let json = parse_document(r#"{"max_keys": 5, "bucket": null}"#, "-").unwrap();
        assert_eq!(json.get("max_keys"), Some(&Dyn::Int(5)));
        assert_eq!(json.get("bucket"), Some(&Dyn::Null));
        assert!(parse_document(r#"{"n": 1.5}"#, "x.json").is_err());
        assert!(parse_document("n: 1.5", "x.yml").is_err());
    }

    #[test]
    fn listings_page_through_their_tokens_only() {
        for op in OPERATIONS.iter() {
            let links = page_links(op);
            // A page says `is_truncated`; one without a token to follow is a single page
            // (ListBucketDataRedundancyTransition).
            if page_struct(op).is_none() {
                assert!(links.is_empty(), "{}", op.name);
            }
            for (token, field) in links {
                assert_eq!(token, format!("next_{field}"));
            }
        }
        // Every listing OSS pages is paged, its page the output or a document in it; some
        // listings have one page only.
        let paged = |n: &str| operation(n).is_some_and(|o| !page_links(o).is_empty());
        assert!(
            [
                "ListObjects",
                "ListObjectsV2",
                "ListBuckets",
                "ListAccessPoints"
            ]
            .iter()
            .all(|n| paged(n))
        );
        if let Some(inventory) = operation("ListBucketInventory") {
            assert_eq!(
                page_document(inventory),
                Some("list_inventory_configurations_result")
            );
            assert_eq!(
                page_links(inventory),
                [("next_continuation_token", "continuation_token")]
            );
        }
        // Listings OSS answers in one page take no token.
        assert!(!paged("ListCname") && !paged("ListStyle"));
    }

    #[test]
    fn a_page_in_a_document_is_found_there() {
        let mut v = Dyn::map([(
            "list_inventory_configurations_result",
            Dyn::map([("is_truncated", Dyn::Bool(true))]),
        )]);
        let page = page_of(&mut v, Some("list_inventory_configurations_result")).unwrap();
        assert_eq!(page[0].0, "is_truncated");
        assert!(page_of(&mut v, None).is_some());
    }
}

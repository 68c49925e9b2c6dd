//! The one bridge between JavaScript values and operations: any registered operation is
//! built from a plain object (camelCase keys, mapped onto the registry's snake_case names
//! through the operation's schema) by `ossio_core::ops::dynamic::build`, and its output comes
//! back as a plain object. Nothing here is written per operation.

use crate::error::{self, ErrorInfo, guard};
use crate::signer::{HeaderPair, RequestData, request_to};
use napi::bindgen_prelude::{
    Array, BigInt, Buffer, JsObjectValue, JsValue, Null, Object, ToNapiValue, Unknown,
};
use napi::{Env, ValueType, sys};
use napi_derive::napi;
use ossio_core::ops::DYN_OPERATIONS;
use ossio_core::ops::decl::{FieldSchema, Location, OpSchema, StructSchema, TypeRef};
use ossio_core::ops::dynamic::{Dyn, ErasedOp};
use ossio_core::{Headers, Response};

/// Whether `camel` is the camelCase spelling of `snake` (compared without allocating: this
/// runs for every field of every call).
fn camel_is(snake: &str, camel: &str) -> bool {
    let mut c = camel.chars();
    let mut upper = false;
    for s in snake.chars() {
        if s == '_' {
            upper = true;
            continue;
        }
        let want = if upper { s.to_ascii_uppercase() } else { s };
        upper = false;
        if c.next() != Some(want) {
            return false;
        }
    }
    c.next().is_none()
}

/// `snake_case` as `camelCase`.
pub fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for s in snake.chars() {
        if s == '_' {
            upper = true;
        } else if upper {
            out.push(s.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(s);
        }
    }
    out
}

/// The field of `s` (or of a struct flattened into it) whose camelCase name is `key`.
fn field_by_camel(s: &'static StructSchema, key: &str) -> Option<&'static FieldSchema> {
    s.fields.iter().find_map(|f| match (f.location, f.ty) {
        (Location::Flatten, TypeRef::Struct(inner)) => field_by_camel(inner, key),
        _ if camel_is(f.name, key) => Some(f),
        _ => None,
    })
}

/// The field of `s` (or of a struct flattened into it) named `name` in the registry.
fn field_by_name(s: &'static StructSchema, name: &str) -> Option<&'static FieldSchema> {
    s.fields.iter().find_map(|f| match (f.location, f.ty) {
        (Location::Flatten, TypeRef::Struct(inner)) => field_by_name(inner, name),
        _ if f.name == name => Some(f),
        _ => None,
    })
}

fn known(s: &'static StructSchema, out: &mut Vec<String>) {
    for f in s.fields {
        match (f.location, f.ty) {
            (Location::Flatten, TypeRef::Struct(inner)) => known(inner, out),
            _ => out.push(camel(f.name)),
        }
    }
}

/// The registry entry named `name` (any spelling).
pub fn schema(name: &str) -> napi::Result<&'static OpSchema> {
    ossio_core::ops::operation(name).ok_or_else(|| {
        ErrorInfo::argument(
            "operation",
            format!("{name:?} is not a registered operation"),
        )
        .into_napi()
    })
}

/// Converts one JavaScript input, naming the operation and the field in its errors.
struct ToDyn {
    op: &'static str,
}

impl ToDyn {
    fn bad(&self, field: &str, reason: impl std::fmt::Display) -> napi::Error {
        ErrorInfo {
            field: Some(field.to_owned()),
            operation: Some(self.op.to_owned()),
            ..ErrorInfo::new(
                "InvalidArgument",
                format!("{}: invalid {field}: {reason}", self.op),
            )
        }
        .into_napi()
    }

    fn object(&self, v: Unknown<'_>, s: &'static StructSchema, field: &str) -> napi::Result<Dyn> {
        if v.get_type()? != ValueType::Object || v.is_array()? || v.is_typedarray()? {
            return Err(self.bad(field, "expected an object"));
        }
        // SAFETY: the type was checked just above.
        let obj: Object<'_> = unsafe { v.cast()? };
        let keys = Object::keys(&obj)?;
        let mut m = Vec::with_capacity(keys.len());
        for key in keys {
            let value: Unknown<'_> = obj.get_named_property(&key)?;
            if value.get_type()? == ValueType::Undefined {
                continue;
            }
            let Some(f) = field_by_camel(s, &key) else {
                let mut names = Vec::new();
                known(s, &mut names);
                return Err(self.bad(&key, format!("unknown field (known: {})", names.join(", "))));
            };
            m.push((f.name.to_owned(), self.value(value, Some(&f.ty), &key)?));
        }
        Ok(Dyn::Map(m))
    }

    fn value(&self, v: Unknown<'_>, ty: Option<&TypeRef>, field: &str) -> napi::Result<Dyn> {
        // SAFETY (each cast): the value's type was read first and matches the cast.
        Ok(match v.get_type()? {
            ValueType::Undefined | ValueType::Null => Dyn::Null,
            ValueType::Boolean => Dyn::Bool(unsafe { v.cast::<bool>()? }),
            ValueType::String => Dyn::Str(unsafe { v.cast::<String>()? }),
            ValueType::Number => {
                let n: f64 = unsafe { v.cast()? };
                // Beyond 2^53 a number is no longer exact: such values come as bigint.
                if !n.is_finite() || n.fract() != 0.0 || n.abs() > 9_007_199_254_740_991.0 {
                    return Err(self.bad(field, format!("expected an integer, got {n}")));
                }
                Dyn::Int(n as i128)
            }
            ValueType::BigInt => {
                let b: BigInt = unsafe { v.cast()? };
                let (n, lossless) = b.get_i128();
                if !lossless {
                    return Err(self.bad(field, "the bigint is out of range"));
                }
                Dyn::Int(n)
            }
            ValueType::Object if v.is_typedarray()? || v.is_buffer()? => {
                let bytes: &[u8] = unsafe { v.cast() }
                    .map_err(|_| self.bad(field, "expected a Buffer or Uint8Array"))?;
                Dyn::Bytes(bytes.to_vec())
            }
            ValueType::Object if v.is_arraybuffer()? => {
                let b: napi::bindgen_prelude::ArrayBuffer<'_> = unsafe { v.cast()? };
                Dyn::Bytes(b.to_vec())
            }
            ValueType::Object if v.is_array()? => {
                let arr: Array<'_> = unsafe { v.cast()? };
                let item = match ty {
                    Some(TypeRef::List(t)) => Some(*t),
                    _ => None,
                };
                let mut out = Vec::with_capacity(arr.len() as usize);
                for i in 0..arr.len() {
                    let e: Unknown<'_> = arr.get_element(i)?;
                    out.push(self.value(e, item, field)?);
                }
                Dyn::List(out)
            }
            ValueType::Object => match ty {
                Some(TypeRef::Struct(s)) => self.object(v, s, field)?,
                // Metadata and other free-form maps keep their keys as given.
                _ => {
                    let obj: Object<'_> = unsafe { v.cast()? };
                    let keys = Object::keys(&obj)?;
                    let mut m = Vec::with_capacity(keys.len());
                    for key in keys {
                        let value: Unknown<'_> = obj.get_named_property(&key)?;
                        if value.get_type()? != ValueType::Undefined {
                            m.push((key, self.value(value, None, field)?));
                        }
                    }
                    Dyn::Map(m)
                }
            },
            other => return Err(self.bad(field, format!("unsupported value ({other:?})"))),
        })
    }
}

/// Builds operation `op` from a JavaScript input object: every field checked (required,
/// type, enum value, known name) before anything is sent.
pub fn build(op: &'static OpSchema, input: Option<Unknown<'_>>) -> napi::Result<Box<dyn ErasedOp>> {
    let conv = ToDyn { op: op.name };
    let value = match input {
        Some(v) if !matches!(v.get_type()?, ValueType::Undefined | ValueType::Null) => {
            conv.object(v, op.input, "input")?
        }
        _ => Dyn::Map(Vec::new()),
    };
    let entry = DYN_OPERATIONS
        .iter()
        .find(|e| e.schema.name == op.name)
        .ok_or_else(|| {
            ErrorInfo::new("InternalError", "operation without a builder").into_napi()
        })?;
    (entry.build)(&value).map_err(core_in_js)
}

/// A core error whose field is named the JavaScript way (camelCase).
pub fn core_in_js(e: ossio_core::Error) -> napi::Error {
    let mut info = ErrorInfo::from(&e);
    if let ossio_core::Error::Validation(v) = &e {
        info.operation = v.operation.map(str::to_owned);
        let js = camel(&v.field);
        info.message = info
            .message
            .replace(&format!("invalid {}", v.field), &format!("invalid {js}"));
        info.field = Some(js);
    }
    info.into_napi()
}

/// An output value as JavaScript sees it: keys in camelCase (free-form maps as given),
/// integers as numbers (as bigints beyond 2^53), bytes as a Buffer.
pub struct Out<'a> {
    /// The value.
    pub value: &'a Dyn,
    /// Its declared type, when known.
    pub ty: Option<TypeRef>,
}

impl Out<'_> {
    /// The output of `op`.
    pub fn of<'a>(op: &'static OpSchema, value: &'a Dyn) -> Out<'a> {
        Out {
            value,
            ty: Some(TypeRef::Struct(op.output)),
        }
    }
}

impl ToNapiValue for Out<'_> {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        let e = Env::from_raw(env);
        match val.value {
            Dyn::Null => unsafe { Null::to_napi_value(env, Null) },
            Dyn::Bool(b) => unsafe { bool::to_napi_value(env, *b) },
            Dyn::Int(n) if n.unsigned_abs() <= 9_007_199_254_740_991 => unsafe {
                f64::to_napi_value(env, *n as f64)
            },
            Dyn::Int(n) => unsafe { BigInt::to_napi_value(env, BigInt::from(*n)) },
            Dyn::Str(s) => unsafe { String::to_napi_value(env, s.clone()) },
            Dyn::Bytes(b) => unsafe { Buffer::to_napi_value(env, Buffer::from(b.clone())) },
            Dyn::List(items) => {
                let item = match val.ty {
                    Some(TypeRef::List(t)) => Some(*t),
                    _ => None,
                };
                let mut arr = e.create_array(items.len() as u32)?;
                for (i, v) in items.iter().enumerate() {
                    arr.set(i as u32, Out { value: v, ty: item })?;
                }
                unsafe { Array::to_napi_value(env, arr) }
            }
            Dyn::Map(m) => {
                let mut obj = Object::new(&e)?;
                match val.ty {
                    Some(TypeRef::Struct(s)) => {
                        for (k, v) in m {
                            let f = field_by_name(s, k);
                            obj.set(
                                camel(k),
                                Out {
                                    value: v,
                                    ty: f.map(|f| f.ty),
                                },
                            )?;
                        }
                    }
                    _ => {
                        for (k, v) in m {
                            obj.set(k, Out { value: v, ty: None })?;
                        }
                    }
                }
                unsafe { Object::to_napi_value(env, obj) }
            }
        }
    }
}

/// A sans-IO operation built from its JavaScript input (wrapped by `ops.<Name>` in
/// `index.js`).
#[napi]
pub struct NativeOp {
    pub(crate) schema: &'static OpSchema,
    pub(crate) op: Box<dyn ErasedOp>,
}

#[napi]
impl NativeOp {
    /// Builds operation `name` (any spelling) from `input`, validating every field.
    #[napi(constructor)]
    pub fn new(name: String, input: Option<Unknown<'_>>) -> napi::Result<Self> {
        guard(|| {
            let schema = schema(&name)?;
            let op = build(schema, input)?;
            // The request's own rules (bucket names, keys, ...) fail here too, where the
            // input was written, not later at `request()`.
            op.to_request().map_err(core_in_js)?;
            Ok(NativeOp { schema, op })
        })
    }

    /// The request to sign and send.
    #[napi]
    pub fn request(&self) -> napi::Result<RequestData> {
        guard(|| Ok(request_to(self.op.to_request().map_err(core_in_js)?)))
    }

    /// The input as the operation holds it (defaults filled in).
    #[napi(ts_return_type = "Record<string, unknown>")]
    pub fn input(&self) -> napi::Result<OwnedOut> {
        Ok(OwnedOut {
            value: self.op.input(),
            ty: TypeRef::Struct(self.schema.input),
        })
    }

    /// The output of a response (an `OssError` for an error response).
    #[napi(ts_return_type = "Record<string, unknown>")]
    pub fn parse(
        &self,
        status: u32,
        headers: Vec<HeaderPair>,
        body: Buffer,
    ) -> napi::Result<OwnedOut> {
        guard(|| {
            let mut h = Headers::new();
            for p in headers {
                h.append(p.name, p.value);
            }
            let status = u16::try_from(status)
                .map_err(|_| ErrorInfo::argument("status", "must be an HTTP status").into_napi())?;
            let out = self
                .op
                .parse_response(&Response::new(status, &h, &body))
                .map_err(error::core)?;
            Ok(OwnedOut {
                value: out,
                ty: TypeRef::Struct(self.schema.output),
            })
        })
    }
}

/// An owned value on its way to JavaScript (see [`Out`]).
pub struct OwnedOut {
    /// The value.
    pub value: Dyn,
    /// Its type.
    pub ty: TypeRef,
}

/// Declares a value type as a plain object to napi (for return types and task results).
macro_rules! object_type {
    ($($t:ty),*) => {$(
        impl napi::bindgen_prelude::TypeName for $t {
            fn type_name() -> &'static str {
                "Object"
            }
            fn value_type() -> napi::ValueType {
                napi::ValueType::Object
            }
        }
    )*};
}
pub(crate) use object_type;
object_type!(OwnedOut);

impl ToNapiValue for OwnedOut {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> napi::Result<sys::napi_value> {
        unsafe {
            Out::to_napi_value(
                env,
                Out {
                    value: &val.value,
                    ty: Some(val.ty),
                },
            )
        }
    }
}

//! The one bridge between Python values and operations: every operation of the registry is
//! built by name from a dict of its fields (`ossio_core::ops::dynamic`), and every result
//! comes back as an instance of the class `ossio.ops` registered for its schema. Nothing
//! here is written per operation.

use crate::errors::{self, guard};
use crate::sansio::{Request, headers_from};
use ossio_core::Response;
use ossio_core::ops::DYN_OPERATIONS;
use ossio_core::ops::decl::{Location, OpSchema, StructSchema, TypeRef};
use ossio_core::ops::dynamic::{Dyn, DynEntry, ErasedOp};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyInt, PyList, PyMemoryView, PyString, PyTuple, PyType,
};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The classes of `ossio.ops`, by schema name, and the base class of every model; set once
/// when `ossio.ops` is imported.
struct Classes {
    model: Py<PyType>,
    by_name: HashMap<String, Py<PyAny>>,
    /// Field names as Python strings, made once rather than per result.
    names: HashMap<&'static str, Py<PyString>>,
    new: Py<PyAny>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

/// Registers the classes results are made of (called by `ossio.ops` at import).
#[pyfunction]
pub fn _register(
    py: Python<'_>,
    model: Bound<'_, PyType>,
    classes: Bound<'_, PyDict>,
) -> PyResult<()> {
    let new = py
        .import("builtins")?
        .getattr("object")?
        .getattr("__new__")?;
    let mut by_name = HashMap::new();
    for (k, v) in classes.iter() {
        by_name.insert(k.extract::<String>()?, v.unbind());
    }
    fn names_of(
        s: &'static StructSchema,
        py: Python<'_>,
        out: &mut HashMap<&'static str, Py<PyString>>,
    ) {
        for f in s.fields {
            out.entry(f.name)
                .or_insert_with(|| PyString::intern(py, f.name).unbind());
            let mut t = &f.ty;
            while let TypeRef::List(i) = t {
                t = i;
            }
            if let TypeRef::Struct(inner) = t {
                names_of(inner, py, out);
            }
        }
    }
    let mut names = HashMap::new();
    for e in DYN_OPERATIONS.iter() {
        names_of(e.schema.output, py, &mut names);
    }
    let _ = CLASSES.set(
        py,
        Classes {
            model: model.unbind(),
            by_name,
            names,
            new: new.unbind(),
        },
    );
    Ok(())
}

fn entry(name: &str) -> Option<&'static DynEntry> {
    static BY_NAME: OnceLock<HashMap<&'static str, &'static DynEntry>> = OnceLock::new();
    BY_NAME
        .get_or_init(|| DYN_OPERATIONS.iter().map(|e| (e.schema.name, e)).collect())
        .get(name)
        .copied()
}

/// Sets an attribute past the class's own `__setattr__` (models are immutable to users).
fn set_attr(
    obj: &Bound<'_, PyAny>,
    name: &Bound<'_, PyString>,
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    static SETATTR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let py = obj.py();
    let setattr = SETATTR.get_or_try_init(py, || {
        py.import("builtins")?
            .getattr("object")?
            .getattr("__setattr__")
            .map(Bound::unbind)
    })?;
    setattr.bind(py).call1((obj, name, value)).map(drop)
}

/// The bytes of a bytes-like value (`bytes`, `bytearray`, `memoryview`).
fn bytes_like(v: &Bound<'_, PyAny>) -> Option<Vec<u8>> {
    if let Ok(b) = v.cast::<PyBytes>() {
        return Some(b.as_bytes().to_vec());
    }
    if let Ok(b) = v.cast::<PyByteArray>() {
        return Some(b.to_vec());
    }
    if v.is_instance_of::<PyMemoryView>() {
        return v.call_method0("tobytes").ok()?.extract().ok();
    }
    None
}

fn invalid(op: &'static str, field: &str, reason: String) -> ossio_core::ValidationError {
    ossio_core::ValidationError::new(
        ossio_core::ValidationKind::Argument,
        field.to_owned(),
        None,
        reason,
    )
    .in_operation(op)
}

/// A Python value as a [`Dyn`]: `None`, `bool`, `int`, `str`, bytes-like, `list`/`tuple`,
/// `dict` and the typed classes of `ossio.ops` (their fields). `None` inside a map means
/// the field is absent.
pub fn to_dyn(
    v: &Bound<'_, PyAny>,
    op: &'static str,
    field: &str,
) -> Result<Dyn, ossio_core::ValidationError> {
    let py = v.py();
    if v.is_none() {
        return Ok(Dyn::Null);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Dyn::Str(s.to_string()));
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(Dyn::Bool(b.is_true()));
    }
    if let Ok(i) = v.cast::<PyInt>() {
        return i
            .extract::<i128>()
            .map(Dyn::Int)
            .map_err(|_| invalid(op, field, "the integer is out of range".into()));
    }
    if let Some(b) = bytes_like(v) {
        return Ok(Dyn::Bytes(b));
    }
    if let Ok(d) = v.cast::<PyDict>() {
        let mut out = Vec::with_capacity(d.len());
        for (k, item) in d.iter() {
            let Ok(k) = k.cast_into::<PyString>() else {
                return Err(invalid(op, field, "map keys must be strings".into()));
            };
            push_field(&mut out, k.to_string(), &item, op, field)?;
        }
        return Ok(Dyn::Map(out));
    }
    if v.is_instance_of::<PyList>() || v.is_instance_of::<PyTuple>() {
        let mut out = Vec::new();
        for (i, item) in v
            .try_iter()
            .map_err(|_| invalid(op, field, "not iterable".into()))?
            .enumerate()
        {
            let item = item.map_err(|e| invalid(op, field, e.to_string()))?;
            out.push(to_dyn(&item, op, &format!("{field}[{i}]"))?);
        }
        return Ok(Dyn::List(out));
    }
    if let Some(c) = CLASSES.get(py)
        && v.is_instance(c.model.bind(py)).unwrap_or(false)
    {
        let names = v
            .getattr(pyo3::intern!(py, "_fields"))
            .and_then(|n| n.cast_into::<PyTuple>().map_err(PyErr::from))
            .map_err(|e| invalid(op, field, e.to_string()))?;
        let mut out = Vec::with_capacity(names.len());
        for name in names.iter() {
            let item = v
                .getattr(
                    name.cast::<PyString>()
                        .map_err(|e| invalid(op, field, e.to_string()))?,
                )
                .map_err(|e| invalid(op, field, e.to_string()))?;
            push_field(&mut out, name.to_string(), &item, op, field)?;
        }
        return Ok(Dyn::Map(out));
    }
    let kind = v
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "an unknown type".into());
    Err(invalid(
        op,
        field,
        format!("a value of type {kind} is not accepted"),
    ))
}

/// Adds the field `k` of a map at `field` (leaving it out when `None`: absent).
fn push_field(
    out: &mut Vec<(String, Dyn)>,
    k: String,
    item: &Bound<'_, PyAny>,
    op: &'static str,
    field: &str,
) -> Result<(), ossio_core::ValidationError> {
    if item.is_none() {
        return Ok(());
    }
    let path = if field.is_empty() {
        k.clone()
    } else {
        format!("{field}.{k}")
    };
    let value = to_dyn(item, op, &path)?;
    out.push((k, value));
    Ok(())
}

/// The type of the field `name` of `s`, looking into flattened structs.
fn field_type(s: &'static StructSchema, name: &str) -> Option<&'static TypeRef> {
    for f in s.fields {
        if f.location == Location::Flatten {
            if let TypeRef::Struct(inner) = f.ty
                && let Some(t) = field_type(inner, name)
            {
                return Some(t);
            }
        } else if f.name == name {
            return Some(&f.ty);
        }
    }
    None
}

/// A [`Dyn`] as a Python value, typed by `ty` when known.
fn to_py<'py>(
    py: Python<'py>,
    v: &Dyn,
    ty: Option<&'static TypeRef>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(match (v, ty) {
        (Dyn::Null, _) => py.None().into_bound(py),
        (Dyn::Map(_), Some(TypeRef::Struct(s))) => struct_to_py(py, s, v)?,
        (Dyn::List(items), Some(TypeRef::List(inner))) => {
            let out = PyList::empty(py);
            for i in items {
                out.append(to_py(py, i, Some(inner))?)?;
            }
            out.into_any()
        }
        (Dyn::Bool(b), _) => PyBool::new(py, *b).to_owned().into_any(),
        (Dyn::Int(n), _) => n.into_pyobject(py)?.into_any(),
        (Dyn::Str(s), _) => PyString::new(py, s).into_any(),
        (Dyn::Bytes(b), _) => PyBytes::new(py, b).into_any(),
        (Dyn::List(items), _) => {
            let out = PyList::empty(py);
            for i in items {
                out.append(to_py(py, i, None)?)?;
            }
            out.into_any()
        }
        (Dyn::Map(m), _) => {
            let d = PyDict::new(py);
            for (k, i) in m {
                d.set_item(k, to_py(py, i, None)?)?;
            }
            d.into_any()
        }
    })
}

/// A declared struct's value as an instance of its class in `ossio.ops` (a dict when no
/// class is registered for it).
pub fn struct_to_py<'py>(
    py: Python<'py>,
    s: &'static StructSchema,
    v: &Dyn,
) -> PyResult<Bound<'py, PyAny>> {
    let Dyn::Map(m) = v else {
        return to_py(py, v, None);
    };
    let Some(classes) = CLASSES.get(py) else {
        return to_py(py, v, None);
    };
    let Some(cls) = classes.by_name.get(s.name) else {
        return to_py(py, v, None);
    };
    let obj = classes.new.bind(py).call1((cls,))?;
    for (k, item) in m {
        let value = to_py(py, item, field_type(s, k))?;
        // Results are plain slotted classes: the ordinary attribute path is the fast one.
        match classes.names.get(k.as_str()) {
            Some(name) => obj.setattr(name.bind(py), value)?,
            None => obj.setattr(k.as_str(), value)?,
        }
    }
    Ok(obj)
}

/// An operation built from its fields, validated: what every request class of `ossio.ops`
/// holds, and what `ossio.Client` sends.
#[pyclass(frozen, module = "ossio._ossio")]
pub struct NativeOp {
    pub(crate) op: Box<dyn ErasedOp>,
    /// The body field the caller gave as a stream (file object or path), if any.
    pub(crate) stream_field: Option<&'static str>,
}

impl NativeOp {
    /// The registry entry.
    pub fn schema(&self) -> &'static OpSchema {
        self.op.schema()
    }

    /// A result as its Python class.
    pub fn output<'py>(&self, py: Python<'py>, v: &Dyn) -> PyResult<Bound<'py, PyAny>> {
        struct_to_py(py, self.schema().output, v)
    }
}

#[pymethods]
impl NativeOp {
    /// The request to send (sign it with `ossio.Signer`).
    fn request(&self, py: Python<'_>) -> PyResult<Request> {
        guard(py, || {
            if let Some(f) = self.stream_field {
                return Err(errors::validation(
                    py,
                    &invalid(
                        self.schema().name,
                        f,
                        "a file or path body is streamed by ossio.Client; pass bytes to build the request".into(),
                    ),
                ));
            }
            let inner = self
                .op
                .to_request()
                .map_err(|e| errors::core(py, &e, Some(self.schema().name)))?;
            Ok(Request { inner })
        })
    }

    /// Parses a response into the typed result, or raises the typed error.
    #[pyo3(signature = (status, headers, body = None))]
    fn parse<'py>(
        &self,
        py: Python<'py>,
        status: u16,
        headers: &Bound<'py, PyAny>,
        body: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let headers = headers_from(Some(headers))?;
            let body = match body.filter(|b| !b.is_none()) {
                None => Vec::new(),
                Some(b) => match to_dyn(b, self.schema().name, "body") {
                    Ok(Dyn::Bytes(b)) => b,
                    Ok(Dyn::Str(s)) => s.into_bytes(),
                    _ => return Err(errors::argument(py, "body", "must be bytes or str")),
                },
            };
            let resp = Response::new(status, &headers, &body);
            let out = self
                .op
                .parse_response(&resp)
                .map_err(|e| errors::core(py, &e, Some(self.schema().name)))?;
            self.output(py, &out)
        })
    }

    /// The API name.
    #[getter]
    fn name(&self) -> &'static str {
        self.schema().name
    }

    /// The body field given as a stream, if any.
    #[getter]
    fn stream_field(&self) -> Option<&'static str> {
        self.stream_field
    }

    fn __repr__(&self) -> String {
        format!("NativeOp({})", self.schema().name)
    }
}

/// Whether a value is an in-memory body (bytes-like or text) rather than a stream.
fn in_memory(v: &Bound<'_, PyAny>) -> bool {
    v.is_none()
        || v.is_instance_of::<PyString>()
        || v.is_instance_of::<PyBytes>()
        || v.is_instance_of::<PyByteArray>()
        || v.is_instance_of::<PyMemoryView>()
}

/// A new instance of the request class `cls` built from `fields` (the keywords a client
/// method was given): what `cls(**fields)` does, without its Python frames. Unknown and
/// missing fields are the core's errors, naming the field and the operation.
#[pyfunction]
pub fn _new_op<'py>(
    py: Python<'py>,
    cls: &Bound<'py, PyType>,
    fields: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    let name: String = cls.getattr(pyo3::intern!(py, "name"))?.extract()?;
    let new = match CLASSES.get(py) {
        Some(c) => c.new.bind(py).clone(),
        None => py
            .import("builtins")?
            .getattr("object")?
            .getattr("__new__")?,
    };
    let obj = new.call1((cls,))?;
    _init_op(py, &obj, &name, fields)?;
    Ok(obj)
}

/// Builds the operation `name` from `fields` into `obj` (an instance of its class in
/// `ossio.ops`): keeps `fields` as `_values` and the validated operation as `_op`.
#[pyfunction]
pub fn _init_op(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    name: &str,
    fields: &Bound<'_, PyDict>,
) -> PyResult<()> {
    guard(py, || {
        let entry = entry(name)
            .ok_or_else(|| errors::argument(py, "operation", "is not a registered operation"))?;
        let schema = entry.schema;
        let mut map = Vec::with_capacity(fields.len());
        let mut stream_field = None;
        for (k, v) in fields.iter() {
            let k = k.cast_into::<PyString>()?;
            if v.is_none() {
                continue;
            }
            let key = k.to_cow()?;
            let key: &str = &key;
            if field_type(schema.input, key).is_none() {
                let known: Vec<&str> = schema.input.fields.iter().map(|f| f.name).collect();
                let reason = format!("unknown field (known: {})", known.join(", "));
                return Err(errors::validation(py, &invalid(schema.name, key, reason)));
            }
            let f = schema.input.field(key).filter(|f| f.name == key);
            if let Some(f) = f
                && f.ty == TypeRef::Body
                && !in_memory(&v)
            {
                stream_field = Some(f.name);
                continue;
            }
            let value = to_dyn(&v, schema.name, key).map_err(|e| errors::validation(py, &e))?;
            map.push((key.to_owned(), value));
        }
        let op =
            (entry.build)(&Dyn::Map(map)).map_err(|e| errors::core(py, &e, Some(schema.name)))?;
        let native = Bound::new(py, NativeOp { op, stream_field })?;
        // The fields stay in their dict (read through `__getattr__`): two attributes to
        // set instead of one per field.
        set_attr(obj, pyo3::intern!(py, "_values"), fields.as_any())?;
        set_attr(obj, pyo3::intern!(py, "_op"), native.as_any())
    })
}

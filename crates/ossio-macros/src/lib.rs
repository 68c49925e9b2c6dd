//! `#[derive(Oss)]`: an OSS operation, its output and the documents they carry, declared once.
//!
//! The derive reads `#[oss(...)]` attributes on a struct and its fields (where each field
//! travels, its wire name, its validation rules) and writes the code that `ossio-core`'s
//! generic marshaller (`ossio_core::ops::decl`) calls: validation, writing into a request or
//! response, reading back from one, and the schema constant the registry publishes. The
//! attributes are described in `crates/ossio-core/src/ops/decl.rs`.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Ts;
use quote::quote;
use syn::{
    Data, DeriveInput, Fields, GenericArgument, LitInt, LitStr, Path, PathArguments, Type,
    parse_macro_input,
};

/// Derives `ossio_core::ops::decl::Fields` (and, with `#[oss(op = "...")]`, the operation).
#[proc_macro_derive(Oss, attributes(oss))]
pub fn derive_oss(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(ts) => ts.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

#[derive(Default)]
struct StructAttrs {
    op: Option<LitStr>,
    method: Option<LitStr>,
    sub_resources: Vec<LitStr>,
    fixed_query: Vec<LitStr>,
    output: Option<Path>,
    xml: Option<LitStr>,
    check: Option<Path>,
    manual: bool,
    url_encoding: Option<LitStr>,
    body_optional: bool,
    custom_xml: bool,
}

enum Loc {
    Bucket,
    Key,
    Query(LitStr),
    Header(LitStr),
    HeaderPrefix(LitStr),
    Xml(LitStr),
    Body,
    Document,
    Status,
    Flatten,
    CopySource(LitStr),
}

#[derive(Default)]
struct FieldAttrs {
    loc: Option<Loc>,
    rename: Option<LitStr>,
    required: bool,
    validate: Vec<Path>,
    min: Option<LitInt>,
    max: Option<LitInt>,
    when_true: Option<LitStr>,
    url_encoded: bool,
    md5: bool,
    content_type: Option<LitStr>,
    each: bool,
    empty_none: bool,
    default_true: bool,
}

enum Shape {
    One,
    Opt(Type),
    List(Type),
}

fn wrapped(ty: &Type, name: &str) -> Option<Type> {
    let Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if seg.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &seg.arguments else {
        return None;
    };
    match args.args.first()? {
        GenericArgument::Type(t) => Some(t.clone()),
        _ => None,
    }
}

fn shape(ty: &Type) -> Shape {
    if let Some(t) = wrapped(ty, "Option") {
        Shape::Opt(t)
    } else if let Some(t) = wrapped(ty, "Vec") {
        Shape::List(t)
    } else {
        Shape::One
    }
}

fn docs(attrs: &[syn::Attribute]) -> String {
    let mut lines = Vec::new();
    for a in attrs {
        if !a.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &a.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                lines.push(s.value().trim().to_owned());
            }
        }
    }
    // Doc examples are for rustdoc, not for the registry's help text.
    let mut out = Vec::new();
    let mut in_code = false;
    for l in lines {
        if l.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if !in_code {
            out.push(l);
        }
    }
    out.join("\n").trim().to_owned()
}

fn parse_struct_attrs(attrs: &[syn::Attribute]) -> syn::Result<StructAttrs> {
    let mut s = StructAttrs::default();
    for a in attrs.iter().filter(|a| a.path().is_ident("oss")) {
        a.parse_nested_meta(|m| {
            let p = &m.path;
            if p.is_ident("op") {
                s.op = Some(m.value()?.parse()?);
            } else if p.is_ident("method") {
                s.method = Some(m.value()?.parse()?);
            } else if p.is_ident("sub_resource") {
                s.sub_resources.push(m.value()?.parse()?);
            } else if p.is_ident("fixed_query") {
                s.fixed_query.push(m.value()?.parse()?);
            } else if p.is_ident("output") {
                s.output = Some(m.value()?.parse()?);
            } else if p.is_ident("xml") {
                s.xml = Some(m.value()?.parse()?);
            } else if p.is_ident("check") {
                s.check = Some(m.value()?.parse()?);
            } else if p.is_ident("manual") {
                s.manual = true;
            } else if p.is_ident("url_encoding") {
                s.url_encoding = Some(m.value()?.parse()?);
            } else if p.is_ident("body_optional") {
                s.body_optional = true;
            } else if p.is_ident("custom_xml") {
                s.custom_xml = true;
            } else {
                return Err(m.error("unknown #[oss] struct attribute"));
            }
            Ok(())
        })?;
    }
    Ok(s)
}

fn parse_field_attrs(attrs: &[syn::Attribute]) -> syn::Result<FieldAttrs> {
    let mut f = FieldAttrs::default();
    for a in attrs.iter().filter(|a| a.path().is_ident("oss")) {
        a.parse_nested_meta(|m| {
            let p = &m.path;
            let loc = if p.is_ident("bucket") {
                Some(Loc::Bucket)
            } else if p.is_ident("key") {
                Some(Loc::Key)
            } else if p.is_ident("query") {
                Some(Loc::Query(m.value()?.parse()?))
            } else if p.is_ident("header") {
                Some(Loc::Header(m.value()?.parse()?))
            } else if p.is_ident("header_prefix") {
                Some(Loc::HeaderPrefix(m.value()?.parse()?))
            } else if p.is_ident("xml") {
                Some(Loc::Xml(m.value()?.parse()?))
            } else if p.is_ident("body") {
                Some(Loc::Body)
            } else if p.is_ident("document") {
                Some(Loc::Document)
            } else if p.is_ident("status") {
                Some(Loc::Status)
            } else if p.is_ident("flatten") {
                Some(Loc::Flatten)
            } else if p.is_ident("copy_source") {
                let part: LitStr = m.value()?.parse()?;
                if !["bucket", "key", "version_id"].contains(&part.value().as_str()) {
                    return Err(m.error("copy_source is \"bucket\", \"key\" or \"version_id\""));
                }
                Some(Loc::CopySource(part))
            } else {
                None
            };
            if let Some(loc) = loc {
                if f.loc.is_some() {
                    return Err(m.error("a field has one location"));
                }
                f.loc = Some(loc);
            } else if p.is_ident("rename") {
                f.rename = Some(m.value()?.parse()?);
            } else if p.is_ident("required") {
                f.required = true;
            } else if p.is_ident("validate") {
                f.validate.push(m.value()?.parse()?);
            } else if p.is_ident("min") {
                f.min = Some(m.value()?.parse()?);
            } else if p.is_ident("max") {
                f.max = Some(m.value()?.parse()?);
            } else if p.is_ident("when_true") {
                f.when_true = Some(m.value()?.parse()?);
            } else if p.is_ident("url_encoded") {
                f.url_encoded = true;
            } else if p.is_ident("md5") {
                f.md5 = true;
            } else if p.is_ident("each") {
                f.each = true;
            } else if p.is_ident("empty_none") {
                f.empty_none = true;
            } else if p.is_ident("default_true") {
                f.default_true = true;
            } else if p.is_ident("content_type") {
                f.content_type = Some(m.value()?.parse()?);
            } else {
                return Err(m.error("unknown #[oss] field attribute"));
            }
            Ok(())
        })?;
    }
    Ok(f)
}

fn snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let prev_lower =
                i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            let prev_upper = i > 0 && chars[i - 1].is_ascii_uppercase();
            if i > 0 && (prev_lower || (prev_upper && next_lower)) {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(*c);
        }
    }
    out
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    for (i, part) in snake.split('_').enumerate() {
        if i == 0 {
            out.push_str(part);
        } else {
            let mut cs = part.chars();
            if let Some(f) = cs.next() {
                out.push(f.to_ascii_uppercase());
                out.extend(cs);
            }
        }
    }
    out
}

fn split_path(path: &LitStr) -> (Vec<String>, String) {
    let v = path.value();
    let mut parts: Vec<String> = v.split('>').map(|s| s.trim().to_owned()).collect();
    let last = parts.pop().unwrap_or_default();
    (parts, last)
}

fn expand(input: &DeriveInput) -> syn::Result<Ts> {
    let ident = &input.ident;
    let sa = parse_struct_attrs(&input.attrs)?;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            ident,
            "#[derive(Oss)] needs a struct",
        ));
    };
    let Fields::Named(named) = &data.fields else {
        return Err(syn::Error::new_spanned(
            ident,
            "#[derive(Oss)] needs named fields",
        ));
    };
    let d = quote!(::ossio_core::ops::decl);
    let type_name = ident.to_string();
    let struct_doc = docs(&input.attrs);

    let mut schema_fields = Vec::new();
    let mut writes = Vec::new();
    let mut reads = Vec::new();
    let mut checks = Vec::new();
    let mut idents = Vec::new();
    let mut url_flag = quote!(false);
    let dy = quote!(::ossio_core::ops::dynamic);
    let mut dyn_pushes = Vec::new();
    let mut dyn_reads = Vec::new();

    for field in &named.named {
        let f = field.ident.as_ref().expect("named");
        idents.push(f.clone());
        let ty = &field.ty;
        let fa = parse_field_attrs(&field.attrs)?;
        let Some(loc) = &fa.loc else {
            return Err(syn::Error::new_spanned(
                field,
                "every field needs a location: bucket, key, query, header, header_prefix, xml, body, document, status, flatten or copy_source",
            ));
        };
        let rust_name = f.to_string();
        let name = fa
            .rename
            .as_ref()
            .map(LitStr::value)
            .unwrap_or_else(|| rust_name.clone());
        let doc = docs(&field.attrs);
        let sh = shape(ty);
        let optional = matches!(sh, Shape::Opt(_));
        let required = fa.required;
        let enc = fa.url_encoded;
        let each = fa.each;
        let empty_none = fa.empty_none;
        if each && !(matches!(sh, Shape::List(_)) && matches!(loc, Loc::Xml(_))) {
            return Err(syn::Error::new_spanned(
                field,
                "`each` is for a Vec in an xml path A>B",
            ));
        }

        // As a plain value, for the bindings.
        let (push, read) = match loc {
            Loc::HeaderPrefix(_) => (
                quote!(out.push((::std::string::String::from(#name), #dy::pairs_to_dyn(&self.#f)));),
                quote!(match #dy::take(m, #name, used) {
                    ::core::option::Option::Some(v) => #dy::pairs_from_dyn(v, #name)?,
                    ::core::option::Option::None => ::std::vec::Vec::new(),
                }),
            ),
            Loc::Body => (
                quote!(out.push((::std::string::String::from(#name), <#ty as #dy::DynBody>::body_dyn(&self.#f)));),
                quote!(<#ty as #dy::DynBody>::body_from_dyn(
                    #dy::take(m, #name, used).unwrap_or(&#dy::Dyn::Null),
                    #name,
                )?),
            ),
            Loc::Flatten => (
                quote!(#dy::DynStruct::dyn_fields(&self.#f, out);),
                quote!(<#ty as #dy::DynStruct>::from_dyn_map(m, used)?),
            ),
            _ => {
                // A field left out of a plain value takes its type's empty value, or true
                // for a flag declared `default_true` (as the constructor sets it).
                let absent = if fa.default_true {
                    quote!(<#ty as #dy::DynField>::from_dyn(&#dy::Dyn::Bool(true), #name)?)
                } else {
                    quote!(<#ty as #dy::DynField>::absent(#name)?)
                };
                (
                    quote!(out.push((::std::string::String::from(#name), #dy::DynField::to_dyn(&self.#f)));),
                    quote!(match #dy::take(m, #name, used) {
                        ::core::option::Option::Some(v) => <#ty as #dy::DynField>::from_dyn(v, #name)?,
                        ::core::option::Option::None => #absent,
                    }),
                )
            }
        };
        dyn_pushes.push(push);
        dyn_reads.push(read);

        // The schema entry.
        let (location, ty_ref) = match loc {
            Loc::Bucket => (quote!(#d::Location::Bucket), value_type(&d, ty, &sh)),
            Loc::Key => (quote!(#d::Location::Key), value_type(&d, ty, &sh)),
            Loc::Query(q) => (quote!(#d::Location::Query(#q)), value_type(&d, ty, &sh)),
            Loc::Header(h) => (quote!(#d::Location::Header(#h)), value_type(&d, ty, &sh)),
            Loc::HeaderPrefix(p) => (
                quote!(#d::Location::HeaderPrefix(#p)),
                quote!(#d::TypeRef::Map),
            ),
            Loc::Xml(x) => (quote!(#d::Location::Xml(#x)), value_type(&d, ty, &sh)),
            Loc::Body => (
                quote!(#d::Location::Body),
                quote!(<#ty as #d::RawBody>::TYPE),
            ),
            Loc::Document => (quote!(#d::Location::Document), value_type(&d, ty, &sh)),
            Loc::Status => (quote!(#d::Location::Status), value_type(&d, ty, &sh)),
            Loc::CopySource(p) => (
                quote!(#d::Location::CopySource(#p)),
                value_type(&d, ty, &sh),
            ),
            Loc::Flatten => (
                quote!(#d::Location::Flatten),
                quote!(#d::TypeRef::Struct(&<#ty as #d::Fields>::SCHEMA)),
            ),
        };
        let when_true = match &fa.when_true {
            Some(w) => quote!(::core::option::Option::Some(#w)),
            None => quote!(::core::option::Option::None),
        };
        schema_fields.push(quote! {
            #d::FieldSchema {
                name: #name,
                rust_name: #rust_name,
                doc: #doc,
                ty: #ty_ref,
                optional: #optional,
                required: #required,
                location: #location,
                url_encoded: #enc,
                when_true: #when_true,
                each: #each,
                empty_none: #empty_none,
            }
        });

        // Writing.
        let w = match loc {
            Loc::Bucket | Loc::Key => {
                let slot = if matches!(loc, Loc::Bucket) {
                    quote!(bucket)
                } else {
                    quote!(key)
                };
                match sh {
                    Shape::Opt(_) => quote!(s.wire.#slot = ::core::clone::Clone::clone(&self.#f);),
                    _ => {
                        quote!(s.wire.#slot = ::core::option::Option::Some(::core::clone::Clone::clone(&self.#f));)
                    }
                }
            }
            Loc::Query(q) | Loc::Header(q) => {
                let put = if matches!(loc, Loc::Query(_)) {
                    quote!(query)
                } else {
                    quote!(header)
                };
                if let Some(wt) = &fa.when_true {
                    quote!(if self.#f { s.#put(#q, #wt); })
                } else {
                    match sh {
                        Shape::Opt(_) => quote!(if let ::core::option::Option::Some(v) = &self.#f {
                            s.#put(#q, &#d::Scalar::to_text(v));
                        }),
                        Shape::List(_) => {
                            quote!(for v in &self.#f { s.#put(#q, &#d::Scalar::to_text(v)); })
                        }
                        Shape::One => quote!(s.#put(#q, &#d::Scalar::to_text(&self.#f));),
                    }
                }
            }
            Loc::HeaderPrefix(p) => quote!(#d::write_prefixed(s, #p, &self.#f);),
            Loc::Body => {
                let md5 = fa.md5;
                let ct = match &fa.content_type {
                    Some(c) => quote!(::core::option::Option::Some(#c)),
                    None => quote!(::core::option::Option::None),
                };
                quote!(#d::RawBody::write_body(&self.#f, s, #md5, #ct);)
            }
            Loc::Xml(x) => {
                let (mut parents, last) = split_path(x);
                let put = if each {
                    let wrapper = parents.pop().unwrap_or_default();
                    quote! {
                        let cx = s.cx(#enc);
                        let w = s.xml_at(&[#(#parents),*]);
                        w.start(#wrapper);
                        #d::Value::write_xml(v, w, #last, cx);
                        w.end(#wrapper);
                    }
                } else {
                    quote! {
                        let cx = s.cx(#enc);
                        #d::Value::write_xml(v, s.xml_at(&[#(#parents),*]), #last, cx);
                    }
                };
                match sh {
                    Shape::Opt(_) => {
                        quote!(if let ::core::option::Option::Some(v) = &self.#f { #put })
                    }
                    Shape::List(_) => quote!(for v in &self.#f { #put }),
                    Shape::One => quote!({ let v = &self.#f; #put }),
                }
            }
            Loc::Document => match sh {
                Shape::Opt(_) => quote!(if let ::core::option::Option::Some(v) = &self.#f {
                    #d::write_document(v, s);
                }),
                _ => quote!(#d::write_document(&self.#f, s);),
            },
            Loc::Status => quote!(s.wire.status = ::core::option::Option::Some(self.#f);),
            Loc::Flatten => quote!(#d::Fields::write(&self.#f, s);),
            Loc::CopySource(p) => match sh {
                Shape::Opt(_) => quote!(if let ::core::option::Option::Some(v) = &self.#f {
                    #d::write_copy_source(s, #p, &#d::Scalar::to_text(v));
                }),
                Shape::List(_) => {
                    return Err(syn::Error::new_spanned(
                        field,
                        "a copy_source part is one value",
                    ));
                }
                Shape::One => quote!(#d::write_copy_source(s, #p, &#d::Scalar::to_text(&self.#f));),
            },
        };
        writes.push(w);

        // Reading.
        let r = match loc {
            Loc::Bucket | Loc::Key => {
                let slot = if matches!(loc, Loc::Bucket) {
                    quote!(bucket)
                } else {
                    quote!(key)
                };
                match sh {
                    Shape::Opt(_) => quote!(src.#slot.map(::std::borrow::ToOwned::to_owned)),
                    _ => quote!(#d::text_req::<#ty>(src.#slot, #name)?),
                }
            }
            Loc::Query(q) | Loc::Header(q) => {
                let get = if matches!(loc, Loc::Query(_)) {
                    quote!(src.query_value(#q))
                } else {
                    quote!(src.headers.get(#q))
                };
                if let Some(wt) = &fa.when_true {
                    quote!(#get == ::core::option::Option::Some(#wt))
                } else {
                    match &sh {
                        // A valueless parameter reads as absent when declared `empty_none`.
                        Shape::Opt(inner) if empty_none => quote!(#d::text_opt::<#inner>(
                            #get.filter(|v| !v.is_empty()),
                            #name
                        )?),
                        Shape::Opt(inner) if matches!(loc, Loc::Query(_)) => {
                            quote!(#d::text_opt::<#inner>(src.query_given(#q), #name)?)
                        }
                        Shape::Opt(inner) => quote!(#d::text_opt::<#inner>(#get, #name)?),
                        Shape::List(inner) => {
                            if matches!(loc, Loc::Query(_)) {
                                quote!(#d::text_list::<#inner>(src.query_values(#q), #name)?)
                            } else {
                                quote!(#d::text_list::<#inner>(src.headers.get_all(#q), #name)?)
                            }
                        }
                        Shape::One if required => quote!(#d::text_req::<#ty>(#get, #name)?),
                        Shape::One => quote!(#d::text_or_default::<#ty>(#get, #name)?),
                    }
                }
            }
            Loc::HeaderPrefix(p) => quote!(#d::read_prefixed(src.headers, #p)),
            Loc::Body => quote!(<#ty as #d::RawBody>::read_body(&src.body, #name)?),
            Loc::Document => match &sh {
                Shape::Opt(inner) => quote!(#d::read_document_opt::<#inner>(src, #name)?),
                _ => quote!(#d::read_document::<#ty>(src, #name)?),
            },
            Loc::Xml(x) => {
                let (mut parents, last) = split_path(x);
                let wrapper = if each {
                    let w = parents.pop().unwrap_or_default();
                    quote!(::core::option::Option::Some(#w))
                } else {
                    quote!(::core::option::Option::None)
                };
                let at = quote!(&#d::At {
                    parents: &[#(#parents),*],
                    wrapper: #wrapper,
                    last: #last,
                    field: #name,
                    enc: #enc,
                    empty_none: #empty_none,
                });
                match &sh {
                    Shape::Opt(inner) => quote!(#d::xml_opt::<#inner>(src, #at)?),
                    Shape::List(inner) => quote!(#d::xml_list::<#inner>(src, #at)?),
                    Shape::One if required => quote!(#d::xml_req::<#ty>(src, #at)?),
                    Shape::One => quote!(#d::xml_or_default::<#ty>(src, #at)?),
                }
            }
            Loc::Status => quote!(src.status),
            Loc::Flatten => quote!(<#ty as #d::Fields>::read(src)?),
            Loc::CopySource(p) => {
                let get = quote!(#d::read_copy_source(src, #p, #name)?.as_deref());
                match &sh {
                    Shape::Opt(inner) => quote!(#d::text_opt::<#inner>(#get, #name)?),
                    Shape::One if required => quote!(#d::text_req::<#ty>(#get, #name)?),
                    _ => quote!(#d::text_or_default::<#ty>(#get, #name)?),
                }
            }
        };
        reads.push(r);

        // Validation.
        let each = |call: Ts| -> Ts {
            match sh {
                Shape::Opt(_) => {
                    quote!(if let ::core::option::Option::Some(v) = &self.#f { #call })
                }
                Shape::List(_) => quote!(for v in &self.#f { #call }),
                Shape::One => quote!({ let v = &self.#f; #call }),
            }
        };
        match loc {
            Loc::Bucket => checks.push(each(quote!(::ossio_core::validate::bucket_name(v)?;))),
            Loc::Key => checks.push(each(quote!(::ossio_core::validate::object_key(v)?;))),
            _ => {}
        }
        for p in &fa.validate {
            if matches!(loc, Loc::HeaderPrefix(_)) {
                checks.push(quote!(#p(&self.#f)?;));
            } else {
                checks.push(each(quote!(#p(v)?;)));
            }
        }
        if fa.min.is_some() || fa.max.is_some() {
            let min = fa.min.as_ref().map_or(quote!(0u64), |m| quote!(#m));
            let max = fa.max.as_ref().map_or(quote!(u64::MAX), |m| quote!(#m));
            if matches!(sh, Shape::List(_)) {
                checks.push(quote!(#d::check_count(#name, self.#f.len(), #min, #max)?;));
            } else {
                checks.push(each(
                    quote!(#d::check_range(#name, u64::from(*v), #min, #max)?;),
                ));
            }
        }
        // A required body must not be blank; other required fields need only be present,
        // which their types already ensure.
        if required && matches!(sh, Shape::One) && matches!(loc, Loc::Body) {
            checks.push(quote!(#d::RawBody::check_present(&self.#f, #name)?;));
        }
        match loc {
            Loc::Xml(_) | Loc::Document => {
                checks.push(each(quote!(#d::Value::validate_value(v)?;)))
            }
            Loc::Flatten => checks.push(quote!(#d::Fields::validate(&self.#f)?;)),
            _ => {}
        }

        if let Some(u) = &sa.url_encoding {
            if let Loc::Xml(x) = loc {
                if x.value() == u.value() {
                    url_flag = quote!(#d::is_url(&self.#f));
                }
            }
        }
    }

    let struct_check = sa.check.as_ref().map(|c| quote!(#c(self)?;));
    let xml_root = match &sa.xml {
        Some(x) => quote!(::core::option::Option::Some(#x)),
        None => quote!(::core::option::Option::None),
    };
    let url_encoding = match &sa.url_encoding {
        Some(x) => quote!(::core::option::Option::Some(#x)),
        None => quote!(::core::option::Option::None),
    };
    let body_optional = sa.body_optional;

    let mut out = quote! {
        impl #d::Fields for #ident {
            const SCHEMA: #d::StructSchema = #d::StructSchema {
                name: #type_name,
                doc: #struct_doc,
                xml: #xml_root,
                url_encoding: #url_encoding,
                body_optional: #body_optional,
                fields: &[#(#schema_fields),*],
            };

            fn validate(&self) -> ::core::result::Result<(), ::ossio_core::ValidationError> {
                #(#checks)*
                #struct_check
                ::core::result::Result::Ok(())
            }

            fn write(&self, s: &mut #d::Sink<'_>) {
                #(#writes)*
            }

            fn read(src: &#d::Source<'_>) -> ::core::result::Result<Self, #d::FieldError> {
                ::core::result::Result::Ok(#ident {
                    #(#idents: #reads,)*
                })
            }

            fn url_encoded(&self) -> bool {
                #url_flag
            }
        }

        impl #dy::DynStruct for #ident {
            fn dyn_fields(&self, out: &mut ::std::vec::Vec<(::std::string::String, #dy::Dyn)>) {
                #(#dyn_pushes)*
            }

            fn from_dyn_map(
                m: &[(::std::string::String, #dy::Dyn)],
                used: &mut ::std::vec::Vec<&'static str>,
            ) -> ::core::result::Result<Self, #d::FieldError> {
                ::core::result::Result::Ok(#ident {
                    #(#idents: #dyn_reads,)*
                })
            }
        }

        impl #dy::DynField for #ident {
            fn to_dyn(&self) -> #dy::Dyn {
                let mut out = ::std::vec::Vec::new();
                #dy::DynStruct::dyn_fields(self, &mut out);
                #dy::Dyn::Map(out)
            }

            fn from_dyn(v: &#dy::Dyn, field: &'static str) -> ::core::result::Result<Self, #d::FieldError> {
                #dy::struct_from_dyn(v, field)
            }
        }

        impl #d::Value for #ident {
            const TYPE: #d::TypeRef = #d::TypeRef::Struct(&<#ident as #d::Fields>::SCHEMA);

            fn write_xml(&self, w: &mut ::ossio_core::xml::Writer, name: &str, cx: #d::Cx) {
                #d::write_element(self, w, name, cx);
            }

            fn read_xml(e: &::ossio_core::xml::Element<'_>, cx: #d::Cx) -> ::core::result::Result<Self, ::std::string::String> {
                #d::read_element(e, cx)
            }

            fn validate_value(&self) -> ::core::result::Result<(), ::ossio_core::ValidationError> {
                #d::Fields::validate(self)
            }
        }
    };

    if let Some(op) = &sa.op {
        let Some(output) = &sa.output else {
            return Err(syn::Error::new_spanned(
                op,
                "an operation needs output = Type",
            ));
        };
        let Some(method) = &sa.method else {
            return Err(syn::Error::new_spanned(
                op,
                "an operation needs method = \"GET\"|...",
            ));
        };
        let method = match method.value().as_str() {
            "GET" => quote!(::ossio_core::Method::Get),
            "PUT" => quote!(::ossio_core::Method::Put),
            "POST" => quote!(::ossio_core::Method::Post),
            "DELETE" => quote!(::ossio_core::Method::Delete),
            "HEAD" => quote!(::ossio_core::Method::Head),
            "OPTIONS" => quote!(::ossio_core::Method::Options),
            _ => return Err(syn::Error::new_spanned(method, "unknown method")),
        };
        let api = op.value();
        let sn = snake(&api);
        let cm = camel(&sn);
        let kb = sn.replace('_', "-");
        let subs = &sa.sub_resources;
        let mut fixed = Vec::new();
        for q in &sa.fixed_query {
            let v = q.value();
            let Some((k, val)) = v.split_once('=') else {
                return Err(syn::Error::new_spanned(q, "fixed_query is \"name=value\""));
            };
            fixed.push(quote!((#k, #val)));
        }
        out.extend(quote! {
            impl #d::Declared for #ident {
                type Out = #output;
                const OP: #d::OpSchema = #d::OpSchema {
                    name: #api,
                    snake: #sn,
                    camel: #cm,
                    kebab: #kb,
                    doc: #struct_doc,
                    method: #method,
                    sub_resources: &[#(#subs),*],
                    fixed_query: &[#(#fixed),*],
                    input: &<#ident as #d::Fields>::SCHEMA,
                    output: &<#output as #d::Fields>::SCHEMA,
                };
            }

            // The registry entries: no hand-kept list of operations exists. linkme places
            // them in a link section, which the unsafe-code lint counts as unsafe.
            #[allow(unsafe_code)]
            const _: () = {
                #[::linkme::distributed_slice(::ossio_core::ops::REGISTERED)]
                static OP: &'static #d::OpSchema = &<#ident as #d::Declared>::OP;

                #[::linkme::distributed_slice(::ossio_core::ops::DYN_OPERATIONS)]
                static DYN: ::ossio_core::ops::dynamic::DynEntry = ::ossio_core::ops::dynamic::DynEntry {
                    schema: &<#ident as #d::Declared>::OP,
                    build: ::ossio_core::ops::dynamic::build_as::<#ident>,
                    read: ::ossio_core::ops::dynamic::read_as::<#ident>,
                };
            };
        });
        if !sa.manual {
            out.extend(quote! {
                impl ::ossio_core::ops::Operation for #ident {
                    type Output = #output;
                    const NAME: &'static str = #api;

                    fn to_request(&self) -> ::core::result::Result<::ossio_core::Request, ::ossio_core::Error> {
                        #d::Declared::declared_request(self)
                    }

                    fn parse_response(
                        &self,
                        response: &::ossio_core::Response<'_>,
                    ) -> ::core::result::Result<Self::Output, ::ossio_core::Error> {
                        <#output as #d::Fields>::from_response(response)
                    }
                }
            });
        }
    } else if sa.xml.is_some() && !sa.custom_xml {
        out.extend(quote! {
            impl #ident {
                /// The XML document (what the server side of the call writes).
                pub fn to_xml(&self) -> ::std::string::String {
                    #d::to_xml(self)
                }

                /// Reads the XML document back.
                pub fn from_xml(body: &[u8]) -> ::core::result::Result<Self, ::std::string::String> {
                    #d::from_xml(body)
                }
            }
        });
    }
    Ok(out)
}

fn value_type(d: &Ts, ty: &Type, sh: &Shape) -> Ts {
    match sh {
        Shape::One => quote!(<#ty as #d::Value>::TYPE),
        Shape::Opt(t) => quote!(<#t as #d::Value>::TYPE),
        Shape::List(t) => quote!(#d::TypeRef::List(&<#t as #d::Value>::TYPE)),
    }
}

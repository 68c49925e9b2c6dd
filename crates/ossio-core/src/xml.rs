//! XML in and out: a small tolerant reader (local names, namespaces ignored, entity
//! declarations refused) and a writer that escapes everything XML 1.0 can carry.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::borrow::Cow;
use std::sync::Arc;

/// One element of a parsed document: its local name, its text and its child elements. Text
/// borrows from the document where it has no entity to resolve.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Element<'a> {
    /// Local name (any namespace prefix removed); shared by every element of that name.
    pub name: Arc<str>,
    /// Text content: exact for leaf elements (object keys may start or end with spaces),
    /// trimmed for elements with children (where it is only indentation).
    pub text: Cow<'a, str>,
    /// Child elements in document order.
    pub children: Vec<Element<'a>>,
}

impl<'a> Element<'a> {
    /// Whether this element is named `name`.
    pub fn is(&self, name: &str) -> bool {
        &*self.name == name
    }

    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Element<'a>> {
        self.children.iter().find(|c| c.is(name))
    }

    /// Every child named `name`.
    pub fn children_named<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Element<'a>> {
        self.children.iter().filter(move |c| c.is(name))
    }

    /// The text of the first child named `name`.
    pub fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.as_ref())
    }

    /// The text of the first child named `name`, or an error naming it.
    pub fn required(&self, name: &str) -> Result<&str, String> {
        self.text_of(name)
            .ok_or_else(|| format!("missing element <{name}> in <{}>", self.name))
    }

    /// Follows a path of child names, e.g. `["Owner", "ID"]`.
    pub fn path(&self, names: &[&str]) -> Option<&Element<'a>> {
        names.iter().try_fold(self, |e, n| e.child(n))
    }
}

/// Element names repeat (a listing has a thousand `<Key>`s): one allocation per distinct name.
#[derive(Default)]
struct Names(Vec<Arc<str>>);

impl Names {
    fn get(&mut self, raw: &[u8]) -> Arc<str> {
        if let Some(n) = self.0.iter().find(|n| n.as_bytes() == raw) {
            return n.clone();
        }
        let n: Arc<str> = Arc::from(String::from_utf8_lossy(raw).as_ref());
        self.0.push(n.clone());
        n
    }
}

fn append<'a>(text: &mut Cow<'a, str>, more: Cow<'a, str>) {
    if text.is_empty() {
        *text = more;
    } else {
        text.to_mut().push_str(&more);
    }
}

/// Parses a whole document into its root element. Truncated, malformed or non-XML input and
/// documents with a DOCTYPE (entity declarations) are errors, never panics.
pub fn parse(bytes: &[u8]) -> Result<Element<'_>, String> {
    let mut reader = Reader::from_reader(bytes);
    let mut names = Names::default();
    let mut stack: Vec<Element<'_>> = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if stack.len() > 64 {
                    return Err("XML nested too deeply".into());
                }
                stack.push(Element {
                    name: names.get(e.local_name().as_ref()),
                    ..Element::default()
                });
            }
            Ok(Event::Empty(e)) => {
                let el = Element {
                    name: names.get(e.local_name().as_ref()),
                    ..Element::default()
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => return Ok(el),
                }
            }
            Ok(Event::End(_)) => {
                let mut el = stack.pop().ok_or("unbalanced end tag")?;
                if !el.children.is_empty() {
                    el.text = match std::mem::take(&mut el.text) {
                        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
                        Cow::Owned(s) => Cow::Owned(s.trim().to_owned()),
                    };
                }
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => return Ok(el),
                }
            }
            Ok(Event::Text(t)) => {
                let text = t.unescape().map_err(|e| format!("bad XML text: {e}"))?;
                // XML 1.0 cannot carry U+0000, raw or as `&#x0;`: refuse both alike.
                if text.contains('\0') {
                    return Err("XML text contains U+0000".into());
                }
                match stack.last_mut() {
                    // Indentation between children is dropped as it comes.
                    Some(el) if !el.children.is_empty() && text.trim().is_empty() => {}
                    Some(el) => append(&mut el.text, text),
                    None if text.trim().is_empty() => {}
                    None => return Err("text outside the root element: not an XML document".into()),
                }
            }
            Ok(Event::CData(t)) => {
                if let Some(el) = stack.last_mut() {
                    let raw = t.into_inner();
                    let text = match raw {
                        Cow::Borrowed(b) => String::from_utf8_lossy(b),
                        Cow::Owned(b) => Cow::Owned(String::from_utf8_lossy(&b).into_owned()),
                    };
                    append(&mut el.text, text);
                }
            }
            Ok(Event::DocType(_)) => return Err("XML with a DOCTYPE is refused".into()),
            Ok(Event::Eof) => {
                return Err(if stack.is_empty() {
                    "empty document".into()
                } else {
                    "truncated XML document".into()
                });
            }
            Ok(_) => {}
            Err(e) => return Err(format!("malformed XML: {e}")),
        }
    }
}

/// Escapes text for an XML element: `& < > " '` as entities, control characters other than
/// tab and LF as character references (CR too: a parser reads a raw one as LF). Tab and LF
/// stay as they are, as the official SDKs write them (a PEM certificate's line breaks).
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    let raw = |b: u8| b == b'\t' || b == b'\n';
    if !s
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'') || (b < 0x20 && !raw(b)))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 => out.push_str(&format!("&#x{:X};", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Escapes an element's text as the official SDKs write it (Python's ElementTree): `& < >`
/// as entities, tab and LF as they are (a PEM certificate's line breaks), other control
/// characters as character references (CR too: a parser reads a raw one as LF); quotes
/// stay as they are, so a JSON value in a document is signed as the SDKs sign it.
pub fn escape_text(s: &str) -> std::borrow::Cow<'_, str> {
    let raw = |b: u8| b == b'\t' || b == b'\n';
    if !s
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>') || (b < 0x20 && !raw(b)))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 => out.push_str(&format!("&#x{:X};", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The path step that names an element's own text rather than a child.
pub const SELF: &str = ".";

/// Builds an XML document without declaration or whitespace, as the official SDKs send.
///
/// ```
/// let mut w = ossio_core::xml::Writer::new();
/// w.start("A");
/// w.element("B", "x & y");
/// w.end("A");
/// assert_eq!(w.finish(), "<A><B>x &amp; y</B></A>");
/// ```
#[derive(Debug, Default)]
pub struct Writer {
    buf: String,
}

impl Writer {
    /// An empty document.
    pub fn new() -> Self {
        Writer::default()
    }

    /// Opens `<name>`.
    pub fn start(&mut self, name: &str) {
        self.buf.push('<');
        self.buf.push_str(name);
        self.buf.push('>');
    }

    /// Closes `</name>`.
    pub fn end(&mut self, name: &str) {
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
    }

    /// Writes `<name>text</name>` with `text` escaped; the name `.` writes the text alone,
    /// as the enclosing element's own text (`<LocationConstraint>oss-cn-hangzhou</...>`).
    pub fn element(&mut self, name: &str, text: &str) {
        if name == SELF {
            self.buf.push_str(&escape_text(text));
            return;
        }
        self.start(name);
        self.buf.push_str(&escape_text(text));
        self.end(name);
    }

    /// The document.
    pub fn finish(self) -> String {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_namespace_and_entities() {
        let doc = br#"<?xml version="1.0"?><R xmlns="http://x"><A> a &amp; b </A><B/><C><D>1</D><D>2</D></C></R>"#;
        let r = parse(doc).unwrap();
        assert!(r.is("R"));
        assert_eq!(r.text_of("A"), Some(" a & b "));
        assert_eq!(r.text_of("B"), Some(""));
        assert_eq!(
            r.child("C")
                .unwrap()
                .children_named("D")
                .map(|d| d.text.as_ref())
                .collect::<Vec<_>>(),
            ["1", "2"]
        );
        assert!(r.required("Z").unwrap_err().contains("<Z>"));
    }

    #[test]
    fn refuses_bad_documents() {
        for bad in [
            &b""[..],
            b"<html><body>502 Bad Gateway",
            b"not xml at all",
            b"<A><B></A>",
            b"<!DOCTYPE x [<!ENTITY e \"boom\">]><A>&e;</A>",
            b"<A>a\0b</A>",
            b"<A>&#x0;</A>",
        ] {
            assert!(parse(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn escape_round_trips() {
        let s = "a<b>&\"c'\u{1}\té\r\n-----END CERTIFICATE-----\n";
        let doc = format!("<A>{}</A>", escape(s));
        assert_eq!(parse(doc.as_bytes()).unwrap().text, s);
        assert_eq!(parse(b"<K> padded key </K>").unwrap().text, " padded key ");
    }
}

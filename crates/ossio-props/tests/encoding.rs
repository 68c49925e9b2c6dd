//! Round trips of every encoding the protocol uses: percent-encoding of paths and query
//! components, query rendering and parsing, XML escaping and parsing.

use ossio_core::encoding::{decode, encode_component, encode_path, parse_query, render_query};
use ossio_core::xml;
use proptest::prelude::*;

/// Text that stresses the encoders: ASCII punctuation, the characters with a meaning in URLs,
/// multi-byte UTF-8 and emoji.
fn tricky() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 +%~?#&=/;:@!$'()*,\\[\\]._-]{0,40}",
        "[a-z+%~?#/ ]{0,10}[é中😀\u{7f}\u{80}\u{ffff}]{0,5}[a-z+%~?#/ ]{0,10}",
    ]
}

fn only_allowed(encoded: &str, keep_slash: bool) -> bool {
    let b = encoded.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            let hex = |x: u8| x.is_ascii_digit() || (b'A'..=b'F').contains(&x);
            if i + 2 >= b.len() {
                return false;
            }
            if !(hex(b[i + 1]) && hex(b[i + 2])) {
                return false;
            }
            i += 3;
        } else if c.is_ascii_alphanumeric()
            || matches!(c, b'-' | b'_' | b'.' | b'~')
            || (keep_slash && c == b'/')
        {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn component_encoding_round_trips(s in tricky()) {
        let e = encode_component(&s);
        prop_assert!(only_allowed(&e, false), "{e:?}");
        prop_assert_eq!(decode(&e, true).unwrap(), s.clone());
        prop_assert_eq!(decode(&e, false).unwrap(), s);
    }

    #[test]
    fn path_encoding_round_trips_and_keeps_slashes(s in tricky()) {
        let e = encode_path(&s);
        prop_assert!(only_allowed(&e, true), "{e:?}");
        prop_assert_eq!(e.matches('/').count(), s.matches('/').count());
        prop_assert_eq!(decode(&e, false).unwrap(), s);
    }

    #[test]
    fn decode_never_panics(s in any::<String>(), plus in any::<bool>()) {
        // Whatever it returns, decoding what it returns as a component is stable.
        if let Ok(d) = decode(&s, plus) {
            prop_assert_eq!(decode(&encode_component(&d), plus).unwrap(), d);
        }
    }

    #[test]
    fn query_render_then_parse_round_trips(
        pairs in prop::collection::vec((tricky(), prop::option::of(tricky())), 0..8)
    ) {
        // A name must be non-empty for the parameter to exist on the wire.
        let pairs: Vec<(String, Option<String>)> =
            pairs.into_iter().filter(|(k, _)| !k.is_empty()).collect();
        let rendered = render_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_deref())));
        let parsed = parse_query(&rendered).unwrap();
        // An empty value is rendered as a bare name: it comes back as no value.
        let expected: Vec<(String, Option<String>)> = pairs
            .into_iter()
            .map(|(k, v)| (k, v.filter(|v| !v.is_empty())))
            .collect();
        prop_assert_eq!(parsed, expected);
    }

    #[test]
    fn xml_escape_then_parse_round_trips(s in "[^\u{0}]{0,60}") {
        let doc = format!("<A>{}</A>", xml::escape(&s));
        let parsed = xml::parse(doc.as_bytes());
        prop_assert!(parsed.is_ok(), "{doc:?}: {parsed:?}");
        let parsed = parsed.unwrap();
        prop_assert_eq!(parsed.text, s.clone());
        // Also as the text of a nested leaf, the shape every response has.
        let nested = format!("<R><K>{}</K><N>1</N></R>", xml::escape(&s));
        let r = xml::parse(nested.as_bytes()).unwrap();
        prop_assert_eq!(r.text_of("K"), Some(s.as_str()));
        prop_assert_eq!(r.text_of("N"), Some("1"));
    }

    #[test]
    fn xml_writer_output_parses_back(
        items in prop::collection::vec(("[A-Z][a-zA-Z]{0,8}", "[^\u{0}]{0,30}"), 1..6)
    ) {
        let mut w = xml::Writer::new();
        w.start("Root");
        for (name, text) in &items {
            w.element(name, text);
        }
        w.end("Root");
        let doc = w.finish();
        let root = xml::parse(doc.as_bytes()).unwrap();
        prop_assert_eq!(root.children.len(), items.len());
        for (el, (name, text)) in root.children.iter().zip(&items) {
            prop_assert_eq!(&*el.name, name.as_str());
            prop_assert_eq!(&el.text, text);
        }
    }

    #[test]
    fn xml_parse_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = xml::parse(&bytes);
    }

    #[test]
    fn xml_with_a_doctype_is_always_refused(
        name in "[a-z]{1,8}",
        value in "[a-z ]{0,20}",
    ) {
        let doc = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY {name} \"{value}\">]><r>&{name};</r>"
        );
        prop_assert!(xml::parse(doc.as_bytes()).is_err());
    }
}

#[test]
fn nul_is_the_one_character_xml_cannot_carry() {
    // XML 1.0 has no representation for U+0000; the escaper writes `&#x0;`, and the parser
    // must refuse it or give it back, but never panic.
    let doc = format!("<A>{}</A>", xml::escape("a\u{0}b"));
    match xml::parse(doc.as_bytes()) {
        Ok(e) => assert_eq!(e.text, "a\u{0}b"),
        Err(e) => assert!(!e.is_empty()),
    }
}

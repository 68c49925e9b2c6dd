//! Parses the ListObjectsV2 page of 1,000 keys 20 times (and scans it 20 times with bare
//! quick-xml, the floor): a fixed workload for
//! `valgrind --tool=callgrind target/release/examples/profile_parse_list`, whose
//! instruction counts repeat exactly on a noisy machine.
use ossio_core::Response;
use ossio_core::ops::{ListObjectsV2, Operation};
fn main() {
    let doc = ossio_bench::list_objects_xml(1000);
    let headers: ossio_core::Headers = [("x-oss-request-id", "5C1B138A109F4E405B2D0000")]
        .into_iter()
        .collect();
    let op = ListObjectsV2::new(ossio_bench::BUCKET);
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut n = 0;
    for _ in 0..20 {
        if mode == "scan" {
            let mut r = quick_xml::Reader::from_reader(doc.as_bytes());
            while !matches!(r.read_event(), Ok(quick_xml::events::Event::Eof) | Err(_)) {
                n += 1;
            }
        } else {
            let out = op
                .parse_response(&Response::new(200, &headers, doc.as_bytes()))
                .unwrap();
            n += out.contents.len();
        }
    }
    println!("{n}");
}

//! SQL over CSV and JSON objects: SelectObject (`POST /<key>?x-oss-process=csv/select`
//! with a `SelectRequest` document) and CreateSelectObjectMeta
//! (`POST /<key>?x-oss-process=csv/meta` with a `CsvMetaRequest` or `JsonMetaRequest`).
//!
//! As in `alibabacloud-oss-v2`, the texts OSS wants base64-encoded (the SQL expression,
//! delimiters, quote and comment characters) are given already encoded. Both answers are
//! OSS's framed binary stream, returned as the raw body.

use super::decl::Oss;
use crate::request::Body;

wire_enum! {
    /// What SelectObject reads.
    pub enum SelectProcess("select process") {
        /// A CSV object.
        Csv = "csv/select",
        /// A JSON object.
        Json = "json/select",
    }
}

wire_enum! {
    /// What CreateSelectObjectMeta indexes.
    pub enum SelectMetaProcess("select meta process") {
        /// A CSV object.
        Csv = "csv/meta",
        /// A JSON object.
        Json = "json/meta",
    }
}

/// `CSV` in `InputSerialization`: how a CSV object is read.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct CsvInput {
    /// Record delimiter (base64; `\n` by default).
    #[oss(xml = "RecordDelimiter")]
    pub record_delimiter: Option<String>,
    /// Field delimiter (base64; `,` by default).
    #[oss(xml = "FieldDelimiter")]
    pub field_delimiter: Option<String>,
    /// Quote character (base64; `"` by default).
    #[oss(xml = "QuoteCharacter")]
    pub quote_character: Option<String>,
    /// Comment character (base64).
    #[oss(xml = "CommentCharacter")]
    pub comment_character: Option<String>,
    /// Only part of the object: `line-range=<a>-<b>` or `split-range=<a>-<b>`.
    #[oss(xml = "Range")]
    pub range: Option<String>,
    /// Whether a quoted field may contain the record delimiter.
    #[oss(xml = "AllowQuotedRecordDelimiter")]
    pub allow_quoted_record_delimiter: Option<bool>,
    /// `Use`, `Ignore` or `None`: what the first line is.
    #[oss(xml = "FileHeaderInfo")]
    pub file_header_info: Option<String>,
}

/// `JSON` in `InputSerialization`: how a JSON object is read.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JsonInput {
    /// Read numbers as strings (no precision lost).
    #[oss(xml = "ParseJsonNumberAsString")]
    pub parse_json_number_as_string: Option<bool>,
    /// `DOCUMENT` or `LINES`.
    #[oss(xml = "Type", rename = "type")]
    pub json_type: Option<String>,
    /// Only part of the object: `line-range=<a>-<b>` or `split-range=<a>-<b>`.
    #[oss(xml = "Range")]
    pub range: Option<String>,
}

/// `InputSerialization`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct InputSerialization {
    /// `None` or `GZIP`.
    #[oss(xml = "CompressionType")]
    pub compression_type: Option<String>,
    /// For a CSV object.
    #[oss(xml = "CSV")]
    pub csv: Option<CsvInput>,
    /// For a JSON object.
    #[oss(xml = "JSON")]
    pub json: Option<JsonInput>,
}

/// `CSV` in `OutputSerialization`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct CsvOutput {
    /// Record delimiter (base64).
    #[oss(xml = "RecordDelimiter")]
    pub record_delimiter: Option<String>,
    /// Field delimiter (base64).
    #[oss(xml = "FieldDelimiter")]
    pub field_delimiter: Option<String>,
    /// Quote character (base64).
    #[oss(xml = "QuoteCharacter")]
    pub quote_character: Option<String>,
}

/// `JSON` in `OutputSerialization`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct JsonOutput {
    /// Record delimiter (base64).
    #[oss(xml = "RecordDelimiter")]
    pub record_delimiter: Option<String>,
}

/// `OutputSerialization`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct OutputSerialization {
    /// Every column, not only those selected.
    #[oss(xml = "KeepAllColumns")]
    pub keep_all_columns: Option<bool>,
    /// The CSV header line first.
    #[oss(xml = "OutputHeader")]
    pub output_header: Option<bool>,
    /// Plain data instead of frames.
    #[oss(xml = "OutputRawData")]
    pub output_raw_data: Option<bool>,
    /// A CRC-32 on every frame.
    #[oss(xml = "EnablePayloadCrc")]
    pub enable_payload_crc: Option<bool>,
    /// CSV output.
    #[oss(xml = "CSV")]
    pub csv: Option<CsvOutput>,
    /// JSON output.
    #[oss(xml = "JSON")]
    pub json: Option<JsonOutput>,
}

/// `Options` of a `SelectRequest`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
pub struct SelectRequestOptions {
    /// Skip a partial last record instead of failing.
    #[oss(xml = "SkipPartialDataRecord")]
    pub skip_partial_data_record: Option<bool>,
    /// How many malformed records may be skipped.
    #[oss(xml = "MaxSkippedRecordsAllowed")]
    pub max_skipped_records_allowed: Option<u64>,
}

/// The `SelectRequest` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "SelectRequest")]
pub struct SelectRequest {
    /// Options.
    #[oss(xml = "Options")]
    pub options: Option<SelectRequestOptions>,
    /// The SQL statement, base64-encoded.
    #[oss(xml = "Expression")]
    pub expression: Option<String>,
    /// How the object is read.
    #[oss(xml = "InputSerialization")]
    pub input_serialization: Option<InputSerialization>,
    /// How the result is written.
    #[oss(xml = "OutputSerialization")]
    pub output_serialization: Option<OutputSerialization>,
}

/// Runs a SQL statement over a CSV or JSON object; the answer is OSS's framed stream.
///
/// ```
/// use ossio_core::ops::{Operation, SelectObject, SelectProcess, SelectRequest};
/// let op = SelectObject::new("examplebucket", "a.csv", SelectProcess::Csv, SelectRequest {
///     expression: Some("c2VsZWN0ICogZnJvbSBvc3NvYmplY3Q=".into()),
///     ..Default::default()
/// });
/// let req = op.to_request().unwrap();
/// assert_eq!(req.query_value("x-oss-process"), Some(Some("csv/select")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "SelectObject", method = "POST", output = SelectObjectOutput)]
pub struct SelectObject {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// `csv/select` or `json/select`.
    #[oss(query = "x-oss-process", required)]
    pub process: SelectProcess,
    /// The statement and formats.
    #[oss(document, required)]
    pub select_request: SelectRequest,
}

impl SelectObject {
    /// Runs `select_request` over `bucket`/`key`.
    pub fn new(
        bucket: impl Into<String>,
        key: impl Into<String>,
        process: SelectProcess,
        select_request: SelectRequest,
    ) -> Self {
        SelectObject {
            bucket: bucket.into(),
            key: key.into(),
            process,
            select_request,
        }
    }
}

/// The result of [`SelectObject`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct SelectObjectOutput {
    /// The framed answer as sent (plain data with `OutputRawData`).
    #[oss(body)]
    pub body: Body,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// The `CsvMetaRequest` document: the body of [`CreateSelectObjectMeta`] for CSV.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "CsvMetaRequest")]
pub struct CsvMetaRequest {
    /// How the object is read.
    #[oss(xml = "InputSerialization")]
    pub input_serialization: Option<InputSerialization>,
    /// Rebuild an existing index.
    #[oss(xml = "OverwriteIfExists")]
    pub overwrite_if_exists: Option<bool>,
}

/// The `JsonMetaRequest` document: the body of [`CreateSelectObjectMeta`] for JSON.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "JsonMetaRequest")]
pub struct JsonMetaRequest {
    /// How the object is read.
    #[oss(xml = "InputSerialization")]
    pub input_serialization: Option<InputSerialization>,
    /// Rebuild an existing index.
    #[oss(xml = "OverwriteIfExists")]
    pub overwrite_if_exists: Option<bool>,
}

/// Indexes a CSV or JSON object for SelectObject (rows, columns, splits).
///
/// The body is a `CsvMetaRequest` or a `JsonMetaRequest` document, given as XML text
/// (`CsvMetaRequest::to_xml`, or [`CreateSelectObjectMeta::csv`] / [`CreateSelectObjectMeta::json`]).
///
/// ```
/// use ossio_core::ops::{CreateSelectObjectMeta, CsvMetaRequest, Operation};
/// let op = CreateSelectObjectMeta::csv("examplebucket", "a.csv", &CsvMetaRequest {
///     overwrite_if_exists: Some(true),
///     ..Default::default()
/// });
/// let req = op.to_request().unwrap();
/// assert_eq!(req.query_value("x-oss-process"), Some(Some("csv/meta")));
/// assert_eq!(
///     req.body.as_bytes().unwrap(),
///     b"<CsvMetaRequest><OverwriteIfExists>true</OverwriteIfExists></CsvMetaRequest>"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "CreateSelectObjectMeta", method = "POST", output = CreateSelectObjectMetaOutput)]
pub struct CreateSelectObjectMeta {
    /// The bucket or access point alias.
    #[oss(bucket)]
    pub bucket: String,
    /// Object key.
    #[oss(key)]
    pub key: String,
    /// `csv/meta` or `json/meta`.
    #[oss(query = "x-oss-process", required)]
    pub process: SelectMetaProcess,
    /// The `CsvMetaRequest` or `JsonMetaRequest` document.
    #[oss(body, required, md5, content_type = "application/xml")]
    pub select_meta_request: String,
}

impl CreateSelectObjectMeta {
    /// Indexes the CSV object `bucket`/`key`.
    pub fn csv(bucket: impl Into<String>, key: impl Into<String>, doc: &CsvMetaRequest) -> Self {
        CreateSelectObjectMeta {
            bucket: bucket.into(),
            key: key.into(),
            process: SelectMetaProcess::Csv,
            select_meta_request: doc.to_xml(),
        }
    }

    /// Indexes the JSON object `bucket`/`key`.
    pub fn json(bucket: impl Into<String>, key: impl Into<String>, doc: &JsonMetaRequest) -> Self {
        CreateSelectObjectMeta {
            bucket: bucket.into(),
            key: key.into(),
            process: SelectMetaProcess::Json,
            select_meta_request: doc.to_xml(),
        }
    }
}

/// The result of [`CreateSelectObjectMeta`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct CreateSelectObjectMetaOutput {
    /// The framed answer as sent (its end frame carries the counts).
    #[oss(body)]
    pub body: Body,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// One frame of a SelectObject or CreateSelectObjectMeta answer. On the wire each is
/// `version (1) | type (3) | payload length (4) | header checksum (4) | payload | payload
/// checksum (4)`, numbers big-endian; every payload starts with the 8-byte offset in the
/// object the frame reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelectFrame {
    /// Result bytes.
    Data {
        /// How far into the object.
        offset: u64,
        /// The bytes.
        data: Vec<u8>,
    },
    /// A keep-alive while OSS scans.
    Continuous {
        /// How far into the object.
        offset: u64,
    },
    /// The last frame of a SelectObject answer.
    End {
        /// How far into the object.
        offset: u64,
        /// Bytes scanned in all.
        total_scanned_bytes: u64,
        /// The HTTP status of the whole operation.
        status: u32,
        /// `Code.Message` when the status is not 2xx.
        error: String,
    },
    /// The last frame of a CreateSelectObjectMeta answer.
    MetaEnd {
        /// How far into the object.
        offset: u64,
        /// Bytes scanned in all.
        total_scanned_bytes: u64,
        /// The HTTP status of the whole operation.
        status: u32,
        /// Splits.
        splits_count: u32,
        /// Rows.
        rows_count: u64,
        /// Columns (CSV only).
        cols_count: Option<u32>,
        /// `Code.Message` when the status is not 2xx.
        error: String,
    },
}

const DATA_FRAME: u32 = 0x80_0001;
const CONTINUOUS_FRAME: u32 = 0x80_0004;
const END_FRAME: u32 = 0x80_0005;
const CSV_META_END_FRAME: u32 = 0x80_0006;
const JSON_META_END_FRAME: u32 = 0x80_0007;

fn be(bytes: &[u8], at: usize, n: usize) -> Result<u64, String> {
    let b = bytes
        .get(at..at + n)
        .ok_or_else(|| format!("a select frame is cut short at byte {at}"))?;
    Ok(b.iter().fold(0u64, |v, x| (v << 8) | u64::from(*x)))
}

/// Splits a select answer into its frames (checksums are not verified).
///
/// ```
/// use ossio_core::ops::{SelectFrame, select_frames};
/// let mut wire = vec![1, 0x80, 0, 1, 0, 0, 0, 11, 0, 0, 0, 0];
/// wire.extend([0, 0, 0, 0, 0, 0, 0, 3]);
/// wire.extend(b"a,b");
/// wire.extend([0, 0, 0, 0]);
/// let frames = select_frames(&wire).unwrap();
/// assert_eq!(frames, [SelectFrame::Data { offset: 3, data: b"a,b".to_vec() }]);
/// ```
pub fn select_frames(body: &[u8]) -> Result<Vec<SelectFrame>, String> {
    let mut frames = Vec::new();
    let mut at = 0;
    while at < body.len() {
        let kind = be(body, at + 1, 3)? as u32;
        let len = be(body, at + 4, 4)? as usize;
        let p = at + 12;
        let payload = body
            .get(p..p + len)
            .ok_or_else(|| format!("a select frame at byte {at} is cut short"))?;
        let offset = be(payload, 0, 8)?;
        let text =
            |from: usize| String::from_utf8_lossy(payload.get(from..).unwrap_or(&[])).into_owned();
        frames.push(match kind {
            DATA_FRAME => SelectFrame::Data {
                offset,
                data: payload[8..].to_vec(),
            },
            CONTINUOUS_FRAME => SelectFrame::Continuous { offset },
            END_FRAME => SelectFrame::End {
                offset,
                total_scanned_bytes: be(payload, 8, 8)?,
                status: be(payload, 16, 4)? as u32,
                error: text(20),
            },
            CSV_META_END_FRAME | JSON_META_END_FRAME => {
                let csv = kind == CSV_META_END_FRAME;
                SelectFrame::MetaEnd {
                    offset,
                    total_scanned_bytes: be(payload, 8, 8)?,
                    status: be(payload, 16, 4)? as u32,
                    splits_count: be(payload, 20, 4)? as u32,
                    rows_count: be(payload, 24, 8)?,
                    cols_count: if csv {
                        Some(be(payload, 32, 4)? as u32)
                    } else {
                        None
                    },
                    error: text(if csv { 36 } else { 32 }),
                }
            }
            other => return Err(format!("unknown select frame type {other:#x}")),
        });
        at = p + len + 4;
    }
    Ok(frames)
}

impl SelectObjectOutput {
    /// The result bytes of a framed answer (not `OutputRawData`): the data frames joined;
    /// an end frame with a failing status is an error (`status`, `Code.Message`).
    pub fn data(&self) -> Result<Vec<u8>, String> {
        let Some(bytes) = self.body.as_bytes() else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for f in select_frames(bytes)? {
            match f {
                SelectFrame::Data { data, .. } => out.extend(data),
                SelectFrame::End { status, error, .. } if !(200..300).contains(&status) => {
                    return Err(format!("{status} {error}"));
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl CreateSelectObjectMetaOutput {
    /// The end frame's counts: `(total_scanned_bytes, splits_count, rows_count,
    /// cols_count)`; a failing status is an error.
    pub fn counts(&self) -> Result<(u64, u32, u64, Option<u32>), String> {
        let bytes = self.body.as_bytes().unwrap_or_default();
        for f in select_frames(bytes)? {
            if let SelectFrame::MetaEnd {
                total_scanned_bytes,
                status,
                splits_count,
                rows_count,
                cols_count,
                error,
                ..
            } = f
            {
                if !(200..300).contains(&status) {
                    return Err(format!("{status} {error}"));
                }
                return Ok((total_scanned_bytes, splits_count, rows_count, cols_count));
            }
        }
        Err("the answer has no end frame".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(kind: u32, payload: &[u8]) -> Vec<u8> {
        let mut f = vec![1];
        f.extend(&kind.to_be_bytes()[1..]);
        f.extend((payload.len() as u32).to_be_bytes());
        f.extend([0; 4]);
        f.extend(payload);
        f.extend([0; 4]);
        f
    }

    fn body(frames: &[Vec<u8>]) -> Body {
        Body::Bytes(frames.concat())
    }

    #[test]
    fn data_continuous_and_end_frames() {
        let mut data = 5u64.to_be_bytes().to_vec();
        data.extend(b"1,2\n");
        let mut end = 9u64.to_be_bytes().to_vec();
        end.extend(9u64.to_be_bytes());
        end.extend(200u32.to_be_bytes());
        let out = SelectObjectOutput {
            body: body(&[
                frame(DATA_FRAME, &data),
                frame(CONTINUOUS_FRAME, &7u64.to_be_bytes()),
                frame(DATA_FRAME, &data),
                frame(END_FRAME, &end),
            ]),
            request_id: String::new(),
        };
        assert_eq!(out.data().unwrap(), b"1,2\n1,2\n");
        // A failing end frame is an error with its message.
        let mut bad = 9u64.to_be_bytes().to_vec();
        bad.extend(9u64.to_be_bytes());
        bad.extend(400u32.to_be_bytes());
        bad.extend(b"InvalidSql.bad column");
        let out = SelectObjectOutput {
            body: body(&[frame(END_FRAME, &bad)]),
            request_id: String::new(),
        };
        assert_eq!(out.data().unwrap_err(), "400 InvalidSql.bad column");
        // A cut frame is refused.
        assert!(select_frames(&frame(DATA_FRAME, &data)[..10]).is_err());
    }

    #[test]
    fn meta_end_frames_carry_the_counts() {
        let mut csv = 0u64.to_be_bytes().to_vec();
        csv.extend(1000u64.to_be_bytes());
        csv.extend(200u32.to_be_bytes());
        csv.extend(3u32.to_be_bytes());
        csv.extend(42u64.to_be_bytes());
        csv.extend(5u32.to_be_bytes());
        let out = CreateSelectObjectMetaOutput {
            body: body(&[frame(CSV_META_END_FRAME, &csv)]),
            request_id: String::new(),
        };
        assert_eq!(out.counts().unwrap(), (1000, 3, 42, Some(5)));
        let json = csv[..32].to_vec();
        let out = CreateSelectObjectMetaOutput {
            body: body(&[frame(JSON_META_END_FRAME, &json)]),
            request_id: String::new(),
        };
        assert_eq!(out.counts().unwrap(), (1000, 3, 42, None));
    }
}

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

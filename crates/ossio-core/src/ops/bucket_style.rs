//! A bucket's image processing styles: PutStyle, GetStyle, ListStyle, DeleteStyle
//! (`/?style&styleName=<name>`; the listing is `/?style`).

use super::decl::Oss;

/// The `Style` document PutStyle sends: the processing parameters (`content` is required).
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "Style", check = content_given)]
pub struct StyleContent {
    /// The parameters, e.g. `image/resize,p_50` or `image/resize,p_63/quality,q_90`.
    #[oss(xml = "Content")]
    pub content: Option<String>,
}

fn content_given(s: &StyleContent) -> Result<(), crate::error::ValidationError> {
    match s.content.as_deref() {
        Some(c) if !c.trim().is_empty() => Ok(()),
        other => Err(crate::error::ValidationError::invalid(
            "content",
            other.unwrap_or(""),
            "is required",
        )),
    }
}

/// Creates or replaces a style.
///
/// ```
/// use ossio_core::ops::{Operation, PutStyle};
/// let req = PutStyle::new("examplebucket", "small", "image/resize,p_50").to_request().unwrap();
/// assert_eq!(req.query_value("styleName"), Some(Some("small")));
/// assert_eq!(req.body.as_bytes().unwrap(), b"<Style><Content>image/resize,p_50</Content></Style>");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "PutStyle", method = "PUT", sub_resource = "style", output = super::EmptyOutput)]
pub struct PutStyle {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The style's name.
    #[oss(query = "styleName", required)]
    pub style_name: String,
    /// What the style processes: `image`, `document` or `video`.
    #[oss(query = "category")]
    pub category: Option<String>,
    /// The style.
    #[oss(document, required)]
    pub style: StyleContent,
}

impl PutStyle {
    /// Style `name` of `bucket` with processing parameters `content`.
    pub fn new(
        bucket: impl Into<String>,
        name: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        PutStyle {
            bucket: bucket.into(),
            style_name: name.into(),
            category: None,
            style: StyleContent {
                content: Some(content.into()),
            },
        }
    }
}

/// A style as OSS describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "Style")]
pub struct StyleInfo {
    /// The style's name.
    #[oss(xml = "Name")]
    pub name: Option<String>,
    /// The processing parameters.
    #[oss(xml = "Content")]
    pub content: Option<String>,
    /// When it was created.
    #[oss(xml = "CreateTime")]
    pub create_time: Option<String>,
    /// When it last changed.
    #[oss(xml = "LastModifyTime")]
    pub last_modify_time: Option<String>,
    /// `image`, `document` or `video`.
    #[oss(xml = "Category")]
    pub category: Option<String>,
}

/// Reads one style.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "GetStyle", method = "GET", sub_resource = "style", output = GetStyleOutput)]
pub struct GetStyle {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The style's name.
    #[oss(query = "styleName", required)]
    pub style_name: String,
}

impl GetStyle {
    /// Style `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        GetStyle {
            bucket: bucket.into(),
            style_name: name.into(),
        }
    }
}

/// The result of [`GetStyle`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct GetStyleOutput {
    /// The style.
    #[oss(document)]
    pub style: StyleInfo,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Lists a bucket's styles (all of them: the listing has no pages).
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "ListStyle", method = "GET", sub_resource = "style", output = ListStyleOutput)]
pub struct ListStyle {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
}

impl ListStyle {
    /// Every style of `bucket`.
    pub fn new(bucket: impl Into<String>) -> Self {
        ListStyle {
            bucket: bucket.into(),
        }
    }
}

/// The `StyleList` document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Oss)]
#[oss(xml = "StyleList")]
pub struct StyleList {
    /// The styles.
    #[oss(xml = "Style")]
    pub styles: Vec<StyleInfo>,
}

/// The result of [`ListStyle`].
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
pub struct ListStyleOutput {
    /// The styles.
    #[oss(document)]
    pub style_list: StyleList,
    /// `x-oss-request-id` of the response.
    #[oss(header = "x-oss-request-id")]
    pub request_id: String,
}

/// Deletes one style.
#[derive(Debug, Clone, PartialEq, Eq, Oss)]
#[oss(op = "DeleteStyle", method = "DELETE", sub_resource = "style", output = super::EmptyOutput)]
pub struct DeleteStyle {
    /// The bucket.
    #[oss(bucket)]
    pub bucket: String,
    /// The style's name.
    #[oss(query = "styleName", required)]
    pub style_name: String,
}

impl DeleteStyle {
    /// Style `name` of `bucket`.
    pub fn new(bucket: impl Into<String>, name: impl Into<String>) -> Self {
        DeleteStyle {
            bucket: bucket.into(),
            style_name: name.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::Operation;

    #[test]
    fn one_style_and_the_listing_route_apart() {
        let name = |r: &crate::Request| crate::ops::route(r).map(|o| o.name);
        let get = GetStyle::new("bucket-1", "small").to_request().unwrap();
        let list = ListStyle::new("bucket-1").to_request().unwrap();
        assert_eq!(name(&get), Some("GetStyle"));
        assert_eq!(name(&list), Some("ListStyle"));
        assert!(get.sub_resources.iter().any(|s| s == "styleName"));
    }

    #[test]
    fn a_style_needs_content() {
        let mut op = PutStyle::new("bucket-1", "small", "");
        assert!(op.to_request().unwrap_err().to_string().contains("content"));
        op.style.content = None;
        assert!(op.to_request().is_err());
    }
}

//! The `Content-Type` an upload gets when the caller gives none, guessed from the key's
//! extension as `alibabacloud-oss-v2` (Python) does: its own table of Office and Android
//! types first, then Python's `mimetypes` table, with compression suffixes (`.gz`, `.bz2`,
//! `.xz`, `.br`, `.Z`) looked through (`x.tar.gz` is `application/x-tar`) and `.tgz`-style
//! abbreviations expanded; `application/octet-stream` when nothing matches.
//!
//! The table is Python's built-in one (what `mimetypes` knows without the system's
//! `/etc/mime.types`) plus the SDK's additions, so the answer does not depend on the
//! machine.
//!
//! ```
//! use ossio_core::mime::guess;
//! assert_eq!(guess("photo.jpg"), "image/jpeg");
//! assert_eq!(guess("dir/A.TXT"), "text/plain");
//! assert_eq!(guess("x.tar.gz"), "application/x-tar");
//! assert_eq!(guess("noext"), "application/octet-stream");
//! assert_eq!(guess(".bashrc"), "application/octet-stream");
//! ```

/// What an object of unknown type is sent as.
pub const DEFAULT: &str = "application/octet-stream";

/// Extensions (with the dot, lower case) and their types, sorted by extension.
const TYPES: &[(&str, &str)] = &[
    (".3g2", "audio/3gpp2"),
    (".3gp", "audio/3gpp"),
    (".3gpp", "audio/3gpp"),
    (".3gpp2", "audio/3gpp2"),
    (".a", "application/octet-stream"),
    (".aac", "audio/aac"),
    (".adts", "audio/aac"),
    (".ai", "application/postscript"),
    (".aif", "audio/x-aiff"),
    (".aifc", "audio/x-aiff"),
    (".aiff", "audio/x-aiff"),
    (".apk", "application/vnd.android.package-archive"),
    (".ass", "audio/aac"),
    (".au", "audio/basic"),
    (".avi", "video/x-msvideo"),
    (".avif", "image/avif"),
    (".bat", "text/plain"),
    (".bcpio", "application/x-bcpio"),
    (".bin", "application/octet-stream"),
    (".bmp", "image/bmp"),
    (".c", "text/plain"),
    (".cdf", "application/x-netcdf"),
    (".cpio", "application/x-cpio"),
    (".csh", "application/x-csh"),
    (".css", "text/css"),
    (".csv", "text/csv"),
    (".dll", "application/octet-stream"),
    (".doc", "application/msword"),
    (
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (".dot", "application/msword"),
    (
        ".dotx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
    ),
    (".dvi", "application/x-dvi"),
    (".eml", "message/rfc822"),
    (".eps", "application/postscript"),
    (".etx", "text/x-setext"),
    (".exe", "application/octet-stream"),
    (".gif", "image/gif"),
    (".gtar", "application/x-gtar"),
    (".h", "text/plain"),
    (".h5", "application/x-hdf5"),
    (".hdf", "application/x-hdf"),
    (".heic", "image/heic"),
    (".heif", "image/heif"),
    (".htm", "text/html"),
    (".html", "text/html"),
    (".ico", "image/vnd.microsoft.icon"),
    (".ief", "image/ief"),
    (".jpe", "image/jpeg"),
    (".jpeg", "image/jpeg"),
    (".jpg", "image/jpeg"),
    (".js", "application/javascript"),
    (".json", "application/json"),
    (".ksh", "text/plain"),
    (".latex", "application/x-latex"),
    (".loas", "audio/aac"),
    (".m1v", "video/mpeg"),
    (".m3u", "application/vnd.apple.mpegurl"),
    (".m3u8", "application/vnd.apple.mpegurl"),
    (".man", "application/x-troff-man"),
    (".me", "application/x-troff-me"),
    (".mht", "message/rfc822"),
    (".mhtml", "message/rfc822"),
    (".mif", "application/x-mif"),
    (".mjs", "application/javascript"),
    (".mov", "video/quicktime"),
    (".movie", "video/x-sgi-movie"),
    (".mp2", "audio/mpeg"),
    (".mp3", "audio/mpeg"),
    (".mp4", "video/mp4"),
    (".mpa", "video/mpeg"),
    (".mpe", "video/mpeg"),
    (".mpeg", "video/mpeg"),
    (".mpg", "video/mpeg"),
    (".ms", "application/x-troff-ms"),
    (".n3", "text/n3"),
    (".nc", "application/x-netcdf"),
    (".nq", "application/n-quads"),
    (".nt", "application/n-triples"),
    (".nws", "message/rfc822"),
    (".o", "application/octet-stream"),
    (".obj", "application/octet-stream"),
    (".oda", "application/oda"),
    (".opus", "audio/opus"),
    (".p12", "application/x-pkcs12"),
    (".p7c", "application/pkcs7-mime"),
    (".pbm", "image/x-portable-bitmap"),
    (".pdf", "application/pdf"),
    (".pfx", "application/x-pkcs12"),
    (".pgm", "image/x-portable-graymap"),
    (".pl", "text/plain"),
    (".png", "image/png"),
    (".pnm", "image/x-portable-anymap"),
    (".pot", "application/vnd.ms-powerpoint"),
    (
        ".potx",
        "application/vnd.openxmlformats-officedocument.presentationml.template",
    ),
    (".ppa", "application/vnd.ms-powerpoint"),
    (".ppm", "image/x-portable-pixmap"),
    (".pps", "application/vnd.ms-powerpoint"),
    (
        ".ppsx",
        "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
    ),
    (".ppt", "application/vnd.ms-powerpoint"),
    (
        ".pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    (".ps", "application/postscript"),
    (".pwz", "application/vnd.ms-powerpoint"),
    (".py", "text/x-python"),
    (".pyc", "application/x-python-code"),
    (".pyo", "application/x-python-code"),
    (".qt", "video/quicktime"),
    (".ra", "audio/x-pn-realaudio"),
    (".ram", "application/x-pn-realaudio"),
    (".ras", "image/x-cmu-raster"),
    (".rdf", "application/xml"),
    (".rgb", "image/x-rgb"),
    (".roff", "application/x-troff"),
    (".rtx", "text/richtext"),
    (".sgm", "text/x-sgml"),
    (".sgml", "text/x-sgml"),
    (".sh", "application/x-sh"),
    (".shar", "application/x-shar"),
    (
        ".sldx",
        "application/vnd.openxmlformats-officedocument.presentationml.slide",
    ),
    (".snd", "audio/basic"),
    (".so", "application/octet-stream"),
    (".src", "application/x-wais-source"),
    (".srt", "text/plain"),
    (".sv4cpio", "application/x-sv4cpio"),
    (".sv4crc", "application/x-sv4crc"),
    (".svg", "image/svg+xml"),
    (".swf", "application/x-shockwave-flash"),
    (".t", "application/x-troff"),
    (".tar", "application/x-tar"),
    (".tcl", "application/x-tcl"),
    (".tex", "application/x-tex"),
    (".texi", "application/x-texinfo"),
    (".texinfo", "application/x-texinfo"),
    (".tif", "image/tiff"),
    (".tiff", "image/tiff"),
    (".tr", "application/x-troff"),
    (".trig", "application/trig"),
    (".tsv", "text/tab-separated-values"),
    (".txt", "text/plain"),
    (".ustar", "application/x-ustar"),
    (".vcf", "text/x-vcard"),
    (".vtt", "text/vtt"),
    (".wasm", "application/wasm"),
    (".wav", "audio/x-wav"),
    (".webm", "video/webm"),
    (".webmanifest", "application/manifest+json"),
    (".wiz", "application/msword"),
    (".wsdl", "application/xml"),
    (".xbm", "image/x-xbitmap"),
    (".xlam", "application/vnd.ms-excel.addin.macroEnabled.12"),
    (".xlb", "application/vnd.ms-excel"),
    (".xls", "application/vnd.ms-excel"),
    (
        ".xlsb",
        "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
    ),
    (
        ".xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        ".xltx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
    ),
    (".xml", "text/xml"),
    (".xpdl", "application/xml"),
    (".xpm", "image/x-xpixmap"),
    (".xsl", "application/xml"),
    (".xwd", "image/x-xwindowdump"),
    (".zip", "application/zip"),
];

/// The SDK's own table, looked up before the others (by the last extension, lower-cased).
const SDK_FIRST: &[&str] = &[
    ".apk", ".docx", ".dotx", ".js", ".potx", ".ppsx", ".pptx", ".sldx", ".xlam", ".xlsb", ".xlsx",
    ".xltx",
];

/// Abbreviations that stand for two extensions.
const SUFFIXES: &[(&str, &str)] = &[
    (".svgz", ".svg.gz"),
    (".taz", ".tar.gz"),
    (".tbz2", ".tar.bz2"),
    (".tgz", ".tar.gz"),
    (".txz", ".tar.xz"),
    (".tz", ".tar.gz"),
];

/// Compression suffixes (case-sensitive), looked through.
const ENCODINGS: &[&str] = &[".Z", ".br", ".bz2", ".gz", ".xz"];

/// `(base, extension)` as Python's `posixpath.splitext`: the extension starts at the last
/// dot of the last path segment, unless only dots come before it.
fn split_ext(path: &str) -> (&str, &str) {
    let sep = path.rfind('/').map_or(0, |i| i + 1);
    let Some(dot) = path.rfind('.') else {
        return (path, "");
    };
    if dot < sep || path[sep..dot].bytes().all(|b| b == b'.') {
        return (path, "");
    }
    path.split_at(dot)
}

fn lookup(ext: &str) -> Option<&'static str> {
    let ext = ext.to_ascii_lowercase();
    TYPES
        .binary_search_by(|(e, _)| (*e).cmp(ext.as_str()))
        .ok()
        .map(|i| TYPES[i].1)
}

/// The type of an object named `key`, from its extension; [`DEFAULT`] when unknown.
pub fn guess(key: &str) -> &'static str {
    let (_, last) = split_ext(key);
    if SDK_FIRST.contains(&last.to_ascii_lowercase().as_str()) {
        return lookup(last).unwrap_or(DEFAULT);
    }
    let mut path = key.to_owned();
    let (mut base, mut ext) = {
        let (b, e) = split_ext(&path);
        (b.to_owned(), e.to_owned())
    };
    while let Some((_, full)) = SUFFIXES
        .iter()
        .find(|(s, _)| *s == ext.to_ascii_lowercase())
    {
        path = format!("{base}{full}");
        let (b, e) = split_ext(&path);
        (base, ext) = (b.to_owned(), e.to_owned());
    }
    if ENCODINGS.contains(&ext.as_str()) {
        let (_, e) = split_ext(&base);
        ext = e.to_owned();
    }
    lookup(&ext).unwrap_or(DEFAULT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_lower_case() {
        assert!(TYPES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(
            TYPES
                .iter()
                .all(|(e, _)| e.starts_with('.') && *e == e.to_ascii_lowercase())
        );
        assert!(SDK_FIRST.iter().all(|e| lookup(e).is_some()));
    }

    #[test]
    fn guesses_as_the_python_sdk() {
        for (key, want) in [
            ("photo.jpg", "image/jpeg"),
            ("a.txt", "text/plain"),
            ("noext", DEFAULT),
            ("x.tar.gz", "application/x-tar"),
            ("x.tgz", "application/x-tar"),
            ("a.gz", DEFAULT),
            ("a.svgz", "image/svg+xml"),
            ("a.js", "application/javascript"),
            (
                "a.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ),
            ("dir.d/noext", DEFAULT),
            ("dir/..hidden", DEFAULT),
            ("a.JPG", "image/jpeg"),
            ("a.json", "application/json"),
            ("a.", DEFAULT),
        ] {
            assert_eq!(guess(key), want, "{key}");
        }
    }
}

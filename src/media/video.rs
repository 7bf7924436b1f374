//! Video figures: `![caption](clip.mp4)` (MP4 or WebM) becomes a `<video controls
//! preload="metadata" playsinline>`, never autoplaying, with a poster and a captions track
//! when files named like the video sit beside it (`clip.jpg`, `clip.vtt`).
//!
//! Width and height come from the MP4 track header (`moov/trak/tkhd`) or the WebM video
//! track ([`super::webm`]), read by walking box or element headers only; when neither says,
//! the figure warns (the element then takes its size from the file as it loads).

use crate::html::html_escape;

/// A video file's facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Video {
    /// `video/mp4` or `video/webm`.
    pub mime: &'static str,
    /// Width and height of the picture, when the header says.
    pub size: Option<(u32, u32)>,
}

/// Whether an extension is a video the figure code shows.
pub(crate) fn is_video_ext(ext: &str) -> bool {
    matches!(ext, "mp4" | "m4v" | "webm")
}

/// Checks the file is the video its name says, and reads its size where it can.
pub(crate) fn probe(ext: &str, bytes: &[u8]) -> super::Media {
    if ext == "webm" {
        if bytes.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
            return super::Media::Video(Video {
                mime: "video/webm",
                size: super::webm::size(bytes),
            });
        }
        return super::Media::Bad("it is not a WebM video (no EBML header)".into());
    }
    if bytes.get(4..8) != Some(b"ftyp") {
        return super::Media::Bad("it is not an MP4 video (no `ftyp` box at its start)".into());
    }
    super::Media::Video(Video {
        mime: "video/mp4",
        size: mp4_size(bytes),
    })
}

/// The (width, height) of the first track with a picture, from its `tkhd` box.
fn mp4_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let moov = child(bytes, b"moov")?;
    boxes(moov)
        .filter(|(kind, _)| kind == b"trak")
        .filter_map(|(_, trak)| child(trak, b"tkhd"))
        .filter_map(tkhd_size)
        .find(|(w, h)| *w > 0 && *h > 0)
}

fn tkhd_size(tkhd: &[u8]) -> Option<(u32, u32)> {
    let at = if *tkhd.first()? == 1 { 88 } else { 76 };
    let word = |i: usize| -> Option<u32> {
        Some(u32::from_be_bytes(tkhd.get(i..i + 4)?.try_into().ok()?))
    };
    Some((word(at)? >> 16, word(at + 4)? >> 16))
}

fn child<'a>(data: &'a [u8], kind: &[u8; 4]) -> Option<&'a [u8]> {
    boxes(data).find(|(k, _)| k == kind).map(|(_, b)| b)
}

/// The boxes directly inside `data`: (type, payload). Stops at the first malformed header.
fn boxes(data: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8])> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let head = data.get(at..at + 8)?;
        let size32 = u32::from_be_bytes(head[..4].try_into().ok()?) as usize;
        let kind: [u8; 4] = head[4..8].try_into().ok()?;
        let (start, size) = match size32 {
            0 => (at + 8, data.len() - at),
            1 => {
                let big = data.get(at + 8..at + 16)?;
                (
                    at + 16,
                    usize::try_from(u64::from_be_bytes(big.try_into().ok()?)).ok()?,
                )
            }
            n => (at + 8, n),
        };
        let end = at.checked_add(size)?;
        if size < start - at || end > data.len() {
            return None;
        }
        let payload = &data[start..end];
        at = end;
        Some((kind, payload))
    })
}

/// What the `<video>` element is built from.
pub(crate) struct VideoMarkup<'a> {
    /// The video's URL (relative to the page).
    pub src: &'a str,
    /// The caption / alt text (escaped): the fallback link's words.
    pub alt: &'a str,
    /// The probed facts.
    pub video: &'a Video,
    /// The poster image's URL, if one sits beside the video.
    pub poster: Option<String>,
    /// The captions track, if one sits beside the video.
    pub track: Option<Track>,
}

/// A captions track: its URL, and the page's language (`srclang`) and that language's
/// name (`label`, what the player's captions menu shows).
pub(crate) struct Track {
    /// The `.vtt` file's URL (relative to the page).
    pub url: String,
    /// BCP 47 tag of the captions (the page's language).
    pub lang: String,
    /// The language's own name (`English`, `Deutsch`).
    pub label: String,
}

/// The `<video>` element.
pub(crate) fn html(m: &VideoMarkup) -> String {
    let size = m.video.size.map_or(String::new(), |(w, h)| {
        format!(" width=\"{w}\" height=\"{h}\"")
    });
    let poster = m
        .poster
        .as_ref()
        .map_or(String::new(), |p| format!(" poster=\"{}\"", html_escape(p)));
    let track = m.track.as_ref().map_or(String::new(), |t| {
        format!(
            "\n<track kind=\"captions\" src=\"{}\" srclang=\"{}\" label=\"{}\">",
            html_escape(&t.url),
            html_escape(&t.lang),
            html_escape(&t.label)
        )
    });
    let src = html_escape(m.src);
    format!(
        "<video class=\"figure-video\" controls preload=\"metadata\" playsinline{size}{poster}>\n<source src=\"{src}\" type=\"{}\">{track}\n<a href=\"{src}\">Download the video: {}</a>\n</video>",
        m.video.mime, m.alt
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bx(kind: &[u8; 4], payload: &[u8]) -> Vec<u8> {
        let mut v = ((payload.len() + 8) as u32).to_be_bytes().to_vec();
        v.extend_from_slice(kind);
        v.extend_from_slice(payload);
        v
    }

    /// A minimal MP4: `ftyp`, then `moov/trak/tkhd` (version 0) for a 640×360 picture.
    pub(crate) fn tiny_mp4() -> Vec<u8> {
        let mut tkhd = vec![0u8; 84];
        tkhd[76..80].copy_from_slice(&(640u32 << 16).to_be_bytes());
        tkhd[80..84].copy_from_slice(&(360u32 << 16).to_be_bytes());
        let moov = bx(b"moov", &bx(b"trak", &bx(b"tkhd", &tkhd)));
        let mut file = bx(b"ftyp", b"isom\0\0\0\0isomavc1");
        file.extend(moov);
        file
    }

    #[test]
    fn mp4_size_from_tkhd() {
        let m = probe("mp4", &tiny_mp4());
        assert_eq!(
            m,
            super::super::Media::Video(Video {
                mime: "video/mp4",
                size: Some((640, 360))
            })
        );
        assert!(matches!(
            probe("mp4", b"not a video at all"),
            super::super::Media::Bad(_)
        ));
        assert!(matches!(
            probe("webm", b"\x1aE\xdf\xa3rest"),
            super::super::Media::Video(_)
        ));
    }
}

//! A WebM's picture size, from its EBML elements: `Segment/Tracks/TrackEntry/Video`'s
//! `PixelWidth` and `PixelHeight`. Only element headers are walked (sizes skip the rest);
//! nothing is decoded. A stream whose Tracks come after its first Cluster, or whose sizes
//! are damaged, gives `None` (the figure then warns that the size could not be read).

const SEGMENT: u32 = 0x1853_8067;
const TRACKS: u32 = 0x1654_AE6B;
const TRACK_ENTRY: u32 = 0xAE;
const VIDEO: u32 = 0xE0;
const PIXEL_WIDTH: u32 = 0xB0;
const PIXEL_HEIGHT: u32 = 0xBA;
const CLUSTER: u32 = 0x1F43_B675;

/// The (width, height) of the first video track.
pub(crate) fn size(bytes: &[u8]) -> Option<(u32, u32)> {
    let segment = elements(bytes).find(|(id, _)| *id == SEGMENT)?.1;
    let tracks = elements(segment)
        .take_while(|(id, _)| *id != CLUSTER)
        .find(|(id, _)| *id == TRACKS)?
        .1;
    elements(tracks)
        .filter(|(id, _)| *id == TRACK_ENTRY)
        .filter_map(|(_, entry)| elements(entry).find(|(id, _)| *id == VIDEO))
        .find_map(|(_, video)| {
            let get = |want: u32| {
                elements(video)
                    .find(|(id, _)| *id == want)
                    .and_then(|(_, v)| uint(v))
            };
            Some((get(PIXEL_WIDTH)?, get(PIXEL_HEIGHT)?))
        })
        .filter(|(w, h)| *w > 0 && *h > 0)
}

/// The elements directly inside `data`: (id with its marker bits, payload). An element of
/// unknown size runs to the end of `data`; a damaged header ends the walk.
fn elements(data: &[u8]) -> impl Iterator<Item = (u32, &[u8])> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let (id, id_len) = vint(data.get(at..)?, true)?;
        let (size, size_len) = vint(data.get(at + id_len..)?, false)?;
        let start = at + id_len + size_len;
        let unknown = size == (1u64 << (7 * size_len)) - 1;
        let end = if unknown {
            data.len()
        } else {
            start.checked_add(usize::try_from(size).ok()?)?
        };
        let payload = data.get(start..end)?;
        at = end;
        Some((u32::try_from(id).ok()?, payload))
    })
}

/// An EBML variable-length integer: its value (with the length marker kept for ids) and
/// its length in bytes. Ids are at most 4 bytes, sizes at most 8.
fn vint(b: &[u8], keep_marker: bool) -> Option<(u64, usize)> {
    let first = *b.first()?;
    let len = first.leading_zeros() as usize + 1;
    if len > if keep_marker { 4 } else { 8 } {
        return None;
    }
    let bytes = b.get(..len)?;
    // The length marker is bit `8 - len` of the first byte (len 8: no bits are left).
    let mut v = if keep_marker {
        u64::from(first)
    } else {
        u64::from(first) & (0xFF >> len)
    };
    for byte in &bytes[1..] {
        v = (v << 8) | u64::from(*byte);
    }
    Some((v, len))
}

/// An unsigned integer element's value (1 to 4 bytes that fit a u32).
fn uint(v: &[u8]) -> Option<u32> {
    if v.is_empty() || v.len() > 4 {
        return None;
    }
    Some(v.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)))
}

#[cfg(test)]
pub(crate) mod tests {
    /// An EBML element: a 1-to-4-byte id (as written) and a 1-byte size.
    fn el(id: &[u8], payload: &[u8]) -> Vec<u8> {
        let mut v = id.to_vec();
        v.push(0x80 | u8::try_from(payload.len()).unwrap());
        v.extend_from_slice(payload);
        v
    }

    /// A minimal WebM: EBML header, then a Segment of unknown size with one 320×240 track.
    pub(crate) fn tiny_webm(w: u16, h: u16) -> Vec<u8> {
        let video = el(
            &[0xE0],
            &[el(&[0xB0], &w.to_be_bytes()), el(&[0xBA], &h.to_be_bytes())].concat(),
        );
        let entry = el(
            &[0xAE],
            &[el(&[0xD7], &[1]), el(&[0x83], &[1]), video].concat(),
        );
        let tracks = el(&[0x16, 0x54, 0xAE, 0x6B], &entry);
        let info = el(
            &[0x15, 0x49, 0xA9, 0x66],
            &el(&[0x2A, 0xD7, 0xB1], &[0x0F, 0x42, 0x40]),
        );
        let mut file = el(&[0x1A, 0x45, 0xDF, 0xA3], &el(&[0x42, 0x82], b"webm"));
        file.extend_from_slice(&[
            0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        ]);
        file.extend(info);
        file.extend(tracks);
        file
    }

    #[test]
    fn webm_size_from_the_video_track() {
        assert_eq!(super::size(&tiny_webm(320, 240)), Some((320, 240)));
        assert_eq!(super::size(&tiny_webm(1920, 1080)), Some((1920, 1080)));
        assert_eq!(super::size(b"\x1a\x45\xdf\xa3 webm body"), None);
        let mut cut = tiny_webm(320, 240);
        cut.truncate(cut.len() - 3);
        assert_eq!(super::size(&cut), None);
    }
}

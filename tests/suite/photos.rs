//! Photos and video figures (issue 14): responsive variants, EXIF orientation, stripped
//! metadata, the processed-image cache, size warnings, video markup and each bad input.
//! Every photo is made by the test (nothing big is committed).

use image::{ImageEncoder, Rgb, RgbImage};

use crate::harness::GuideTest;

pub const BOOK: &str =
    "[book]\ntitle = \"Photos\"\ndescription = \"Photo tests.\"\nlanguage = \"en\"\n";

/// A `w`×`h` JPEG, left half red and right half blue.
pub fn halves_jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(w, h, |x, _| {
        if x < w / 2 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(&img, w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// `jpeg` with an EXIF block: orientation `o` and a description standing for a GPS position.
pub fn with_exif(jpeg: &[u8], o: u16, secret: &str) -> Vec<u8> {
    let mut text = secret.as_bytes().to_vec();
    text.push(0);
    let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&2u16.to_le_bytes());
    // ImageDescription (ASCII), its text after the IFD at offset 38.
    tiff.extend_from_slice(&0x010Eu16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&(text.len() as u32).to_le_bytes());
    tiff.extend_from_slice(&38u32.to_le_bytes());
    // Orientation (SHORT).
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&o.to_le_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&text);
    let mut app1 = vec![0xFF, 0xE1];
    app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend(app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A `w`×`h` PNG of one colour.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let img = RgbImage::from_pixel(w, h, Rgb([30, 160, 60]));
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&img, w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

fn photo_guide() -> GuideTest {
    let g = GuideTest::empty(BOOK);
    let jpeg = with_exif(&halves_jpeg(2000, 1000), 6, "GPS-SECRET-48.8584N");
    g.write("content/photos/big.jpg", jpeg);
    g.write("content/photos/small.png", png(300, 200));
    g.write(
        "content/_index.md",
        "# Photos\n\nIntro.\n\n![A red and blue card](photos/big.jpg)\n\nMiddle.\n\n![A green square](photos/small.png \"Small\")\n",
    );
    g
}

/// The published files of `rel`'s variants (`photos/big.<key>.800.jpg`), sorted.
fn variants(g: &GuideTest, dir: &str, stem: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(g.path(&format!("public/{dir}")))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!("{stem}.")) && n.matches('.').count() == 3)
        .map(|n| {
            let mut parts = n.split('.');
            let (_, _, w, ext) = (
                parts.next(),
                parts.next(),
                parts.next().unwrap(),
                parts.next().unwrap(),
            );
            format!("{w}.{ext}")
        })
        .collect();
    v.sort();
    v
}

#[test]
fn photos_picture_markup_widths_formats_orientation_and_no_metadata() {
    let g = photo_guide();
    g.build_ok();
    let main = g.main_of("public/index.html");
    // The rotated photo is 1000×2000: never upscaled past 1000.
    assert_eq!(
        variants(&g, "photos", "big"),
        [
            "1000.jpg",
            "1000.webp",
            "480.jpg",
            "480.webp",
            "800.jpg",
            "800.webp"
        ]
    );
    assert_eq!(variants(&g, "photos", "small"), ["300.png", "300.webp"]);
    assert!(main.contains("<a class=\"figure-zoom\" href=\"./photos/big.jpg\"><picture><source type=\"image/webp\" srcset=\"./photos/big."), "{main}");
    assert!(main.contains(" 480w, ./photos/big."), "{main}");
    assert!(
        main.contains("sizes=\"(min-width: 48rem) 44rem, calc(100vw - 2rem)\""),
        "{main}"
    );
    assert!(
        main.contains(
            "alt=\"A red and blue card\" width=\"1000\" height=\"2000\" decoding=\"async\""
        ),
        "the first figure is not lazy: {main}"
    );
    assert!(main.contains("alt=\"A green square\" width=\"300\" height=\"200\" loading=\"lazy\" decoding=\"async\""), "{main}");
    // The full-size copy at the original's path: turned upright, metadata gone.
    let full = std::fs::read(g.path("public/photos/big.jpg")).unwrap();
    assert!(
        !full.windows(10).any(|w| w == b"GPS-SECRET"),
        "the description survived"
    );
    assert!(
        !full.windows(4).any(|w| w == b"Exif"),
        "an EXIF block survived"
    );
    let img = image::load_from_memory(&full).unwrap().to_rgb8();
    assert_eq!(img.dimensions(), (1000, 2000));
    let (top, bottom) = (img.get_pixel(500, 100), img.get_pixel(500, 1900));
    assert!(
        top[0] > 150 && top[2] < 100,
        "rotated: the red half is on top ({top:?})"
    );
    assert!(
        bottom[2] > 150 && bottom[0] < 100,
        "the blue half at the bottom ({bottom:?})"
    );
    for entry in std::fs::read_dir(g.path("public/photos")).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(!bytes.windows(10).any(|w| w == b"GPS-SECRET"));
    }
    let webp = std::fs::read_dir(g.path("public/photos"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.to_string_lossy().ends_with(".480.webp") && p.to_string_lossy().contains("big.")
        })
        .unwrap();
    let small = image::load_from_memory(&std::fs::read(webp).unwrap()).unwrap();
    assert_eq!((small.width(), small.height()), (480, 960));
}

#[test]
fn photos_second_build_processes_nothing_and_cache_is_not_published() {
    let g = photo_guide();
    let first = g.cmd(&["build"]);
    let out = String::from_utf8_lossy(&first.stdout);
    assert!(
        out.contains("photos: 2 processed, 0 from the cache"),
        "{out}"
    );
    let second = g.cmd(&["build"]);
    let out = String::from_utf8_lossy(&second.stdout);
    assert!(
        out.contains("photos: 0 processed, 2 from the cache"),
        "{out}"
    );
    assert!(g.path(".guide-cache/images").is_dir());
    assert!(!g.path("public/.guide-cache").exists());
    // A changed photo is processed again; the other comes from the cache.
    g.write("content/photos/small.png", png(320, 200));
    let third = g.cmd(&["build"]);
    let out = String::from_utf8_lossy(&third.stdout);
    assert!(
        out.contains("photos: 1 processed, 1 from the cache"),
        "{out}"
    );
    assert_eq!(variants(&g, "photos", "small"), ["320.png", "320.webp"]);
}

#[test]
fn photos_large_original_warns_naming_what_was_published() {
    let g = photo_guide();
    g.write(
        "book.toml",
        format!("{BOOK}\n[images]\nwarn-kb = 10\nwidths = [400, 900]\n"),
    );
    let out = g.cmd(&["build"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning: image `photos/big.jpg` is "), "{err}");
    assert!(
        err.contains("(1000×2000 pixels): pages get 400–900 px wide WebP and JPG variants"),
        "{err}"
    );
    assert!(err.contains("content/_index.md:5:1"), "{err}");
    assert_eq!(
        variants(&g, "photos", "big"),
        ["400.jpg", "400.webp", "900.jpg", "900.webp"]
    );
    g.write("book.toml", format!("{BOOK}\n[images]\nquality = 0\n"));
    let err = g.build_err();
    assert!(err.contains("[images] quality 0 is outside 1–100"), "{err}");
}

/// A PNG header claiming `w`×`h` pixels, with no pixel data.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&w.to_be_bytes());
    png.extend_from_slice(&h.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0]);
    let crc = crc32(&png[12..29]);
    png.extend_from_slice(&crc.to_be_bytes());
    // One IDAT chunk: a tiny zlib stream (a real bomb compresses its zeros the same way).
    let idat: &[u8] = b"IDAT\x78\x01\x01\x01\x00\xfe\xff\x00\x00\x01\x00\x01";
    png.extend_from_slice(&((idat.len() - 4) as u32).to_be_bytes());
    png.extend_from_slice(idat);
    png.extend_from_slice(&crc32(idat).to_be_bytes());
    png.extend_from_slice(b"\0\0\0\0IEND\xaeB`\x82");
    png
}

fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for b in data {
        c ^= u32::from(*b);
        for _ in 0..8 {
            c = if c & 1 == 1 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
    }
    !c
}

#[test]
fn photos_bad_inputs_are_located_errors() {
    let jpeg = halves_jpeg(800, 600);
    let mut corrupt_png = png(400, 300);
    let n = corrupt_png.len();
    corrupt_png[n / 2..n - 12].fill(0x55);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "cut.jpg",
            jpeg[..jpeg.len() / 3].to_vec(),
            "image `cut.jpg` is truncated or corrupt",
        ),
        (
            "cut.png",
            png(400, 300)[..60].to_vec(),
            "image `cut.png` is truncated or corrupt",
        ),
        (
            "broken.png",
            corrupt_png,
            "image `broken.png` is truncated or corrupt",
        ),
        (
            "bomb.png",
            png_header(100_000, 100_000),
            "is 100000×100000 pixels (10000 megapixels), over the limit of 100 megapixels",
        ),
        (
            "phone.heic",
            b"\0\0\0\x18ftypheic".to_vec(),
            "HEIC images are not supported (supported: PNG, JPEG, WebP, GIF, AVIF and SVG images; MP4 and WebM videos)",
        ),
        (
            "clip.mp4",
            b"<html>not a video</html>".to_vec(),
            "it is not an MP4 video",
        ),
        ("fake.png", b"GIF89a not a png".to_vec(), "cannot be shown"),
    ];
    for (name, bytes, msg) in cases {
        let g = GuideTest::empty(BOOK);
        g.write(&format!("content/{name}"), bytes);
        g.write(
            "content/_index.md",
            format!("# Bad\n\nText.\n\n![The file]({name})\n"),
        );
        let err = g.build_err();
        assert!(err.contains(msg), "{name}: {err}");
        assert!(err.contains("content/_index.md:5:1"), "{name}: {err}");
    }
}

#[test]
fn photos_video_figure_with_poster_and_captions() {
    let g = GuideTest::empty(BOOK);
    g.write("content/media/clip.mp4", tiny_mp4());
    g.write("content/media/clip.jpg", halves_jpeg(640, 360));
    g.write(
        "content/media/clip.vtt",
        "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n",
    );
    g.write("content/media/plain.webm", tiny_webm(320, 240));
    g.write(
        "content/_index.md",
        "# Video\n\nText.\n\n![Rolling the ball](media/clip.mp4)\n\n![Second clip](media/plain.webm)\n",
    );
    g.build_ok();
    let main = g.main_of("public/index.html");
    assert!(main.contains("<figure class=\"figure\" id=\"figure-1\">\n<video class=\"figure-video\" controls preload=\"metadata\" playsinline width=\"640\" height=\"360\" poster=\"./media/clip."), "{main}");
    assert!(main.contains("<source src=\"./media/clip.mp4\" type=\"video/mp4\">\n<track kind=\"captions\" src=\"./media/clip.vtt\" srclang=\"en\" label=\"English\">"), "{main}");
    assert!(
        main.contains("<span class=\"figure-number\">Figure 2.</span> Second clip"),
        "{main}"
    );
    assert!(
        main.contains("<source src=\"./media/plain.webm\" type=\"video/webm\">"),
        "{main}"
    );
    assert!(!main.contains("autoplay"), "{main}");
    assert!(g.path("public/media/clip.mp4").is_file());
}

/// A minimal MP4: `ftyp`, then `moov/trak/tkhd` (version 0) for a 640×360 picture.
pub fn tiny_mp4() -> Vec<u8> {
    fn bx(kind: &[u8; 4], payload: &[u8]) -> Vec<u8> {
        let mut v = ((payload.len() + 8) as u32).to_be_bytes().to_vec();
        v.extend_from_slice(kind);
        v.extend_from_slice(payload);
        v
    }
    let mut tkhd = vec![0u8; 84];
    tkhd[76..80].copy_from_slice(&(640u32 << 16).to_be_bytes());
    tkhd[80..84].copy_from_slice(&(360u32 << 16).to_be_bytes());
    let mut file = bx(b"ftyp", b"isom\0\0\0\0isomavc1");
    file.extend(bx(b"moov", &bx(b"trak", &bx(b"tkhd", &tkhd))));
    file
}

#[test]
fn photos_social_cards_are_rasters() {
    let g = photo_guide();
    g.write(
        "book.toml",
        format!("{BOOK}base-url = \"https://example.org/g/\"\n"),
    );
    g.write(
        "content/diagrams/d.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\"><rect class=\"a\" x=\"10\" y=\"10\" width=\"180\" height=\"80\" style=\"fill:var(--fig-accent,#000)\"/><circle cx=\"100\" cy=\"50\" r=\"20\" fill=\"currentColor\"/></svg>",
    );
    g.write(
        "content/diagram.md",
        "# Diagram\n\nText.\n\n![A box](diagrams/d.svg)\n",
    );
    g.write(
        "content/chosen.md",
        "+++\n[extra]\nsocial_image = \"photos/small.png\"\n+++\n# Chosen\n\n![A box](diagrams/d.svg)\n",
    );
    g.build_ok();
    let meta = |page: &str| {
        let html = g.read(page);
        let at = html
            .find("<meta property=\"og:image\" content=\"")
            .expect("og:image")
            + 35;
        html[at..at + html[at..].find('"').unwrap()].to_string()
    };
    // The photo page: its first photo's variant nearest 1200 px (the photo is 1000 wide).
    let photo = meta("public/index.html");
    assert!(
        photo.starts_with("https://example.org/g/photos/big.") && photo.ends_with(".1000.jpg"),
        "{photo}"
    );
    assert!(g.read("public/index.html").contains(&format!(
        "<meta name=\"twitter:image\" content=\"{photo}\">"
    )));
    // The diagram page: the SVG drawn on a 1200×630 PNG in the light colours.
    let card = meta("public/diagram/index.html");
    assert!(
        card.starts_with("https://example.org/g/diagrams/d.") && card.ends_with(".card.png"),
        "{card}"
    );
    let png = std::fs::read(g.path(&format!(
        "public/{}",
        &card["https://example.org/g/".len()..]
    )))
    .unwrap();
    let img = image::load_from_memory(&png).unwrap().to_rgb8();
    assert_eq!(img.dimensions(), (1200, 630));
    assert_eq!(
        img.get_pixel(5, 5),
        &Rgb([255, 255, 255]),
        "light background"
    );
    let accent = img.get_pixel(300, 120);
    assert_eq!(accent, &Rgb([0x0b, 0x6e, 0x75]), "the theme's --fig-accent");
    // Front matter names another.
    let chosen = meta("public/chosen/index.html");
    assert!(
        chosen.starts_with("https://example.org/g/photos/small.") && chosen.ends_with(".300.png"),
        "{chosen}"
    );
}

/// A minimal WebM: EBML header, then a Segment of unknown size with one `w`×`h` video track.
pub fn tiny_webm(w: u16, h: u16) -> Vec<u8> {
    fn el(id: &[u8], payload: &[u8]) -> Vec<u8> {
        let mut v = id.to_vec();
        v.push(0x80 | u8::try_from(payload.len()).unwrap());
        v.extend_from_slice(payload);
        v
    }
    let video = el(
        &[0xE0],
        &[el(&[0xB0], &w.to_be_bytes()), el(&[0xBA], &h.to_be_bytes())].concat(),
    );
    let entry = el(
        &[0xAE],
        &[el(&[0xD7], &[1]), el(&[0x83], &[1]), video].concat(),
    );
    let mut file = el(&[0x1A, 0x45, 0xDF, 0xA3], &el(&[0x42, 0x82], b"webm"));
    file.extend_from_slice(&[
        0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ]);
    file.extend(el(&[0x16, 0x54, 0xAE, 0x6B], &entry));
    file
}

#[test]
fn photos_webm_size_poster_from_front_matter_and_track_language() {
    let g = GuideTest::empty(BOOK);
    g.write("content/media/clip.webm", tiny_webm(320, 240));
    g.write("content/media/clip.jpg", halves_jpeg(320, 240));
    g.write("content/media/start.png", png(320, 240));
    g.write(
        "content/media/clip.vtt",
        "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n",
    );
    g.write("content/media/odd.webm", b"\x1a\x45\xdf\xa3 webm body");
    g.write(
        "content/_index.md",
        "+++\n[extra.posters]\n\"media/clip.webm\" = \"media/start.png\"\n\"media/clip.mp4\" = \"media/start.png\"\n+++\n# Video\n\nText.\n\n![A clip](media/clip.webm)\n\n![Odd clip](media/odd.webm)\n",
    );
    let out = g.cmd(&["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    let main = g.main_of("public/index.html");
    // The size read from the WebM track; the front matter's poster wins over clip.jpg.
    assert!(
        main.contains("playsinline width=\"320\" height=\"240\" poster=\"./media/start."),
        "{main}"
    );
    assert!(
        main.contains(".320.png\">"),
        "the poster is a variant: {main}"
    );
    assert!(
        main.contains(
            "<track kind=\"captions\" src=\"./media/clip.vtt\" srclang=\"en\" label=\"English\">"
        ),
        "{main}"
    );
    // The odd WebM: no size in its header, a warning at its figure.
    assert!(
        err.contains("warning: video `media/odd.webm`: its width and height could not be read from its header"),
        "{err}"
    );
    assert!(err.contains("content/_index.md:12:1"), "{err}");
    // A posters key for a video the page does not show.
    assert!(
        err.contains("warning: `[extra.posters]` names `media/clip.mp4`, which is not a video figure of this page"),
        "{err}"
    );
    assert!(err.contains("content/_index.md:4:2"), "{err}");
    // A poster that is not a photo of the guide is an error at its value.
    g.write(
        "content/_index.md",
        "+++\n[extra.posters]\n\"media/clip.webm\" = \"media/nope.jpg\"\n+++\n# Video\n\nText.\n\n![A clip](media/clip.webm)\n",
    );
    let err = g.build_err();
    assert!(
        err.contains("error: the poster `media/nope.jpg` of video `media/clip.webm` is not a photo of the guide"),
        "{err}"
    );
    assert!(err.contains("content/_index.md:3:22"), "{err}");
}

#[test]
fn photos_track_label_follows_the_guide_language() {
    let g = GuideTest::empty(&BOOK.replace("language = \"en\"", "language = \"de\""));
    g.write("content/clip.mp4", tiny_mp4());
    g.write(
        "content/clip.vtt",
        "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n",
    );
    g.write(
        "content/_index.md",
        "# Video\n\nText.\n\n![Ein Clip](clip.mp4)\n",
    );
    g.build_ok();
    let main = g.main_of("public/index.html");
    assert!(main.contains("srclang=\"de\" label=\"Deutsch\">"), "{main}");
}

/// A 2-frame animated GIF, `w`×`h`: a red frame, then a blue one.
/// A two-frame animated GIF, `w`×`h`.
pub fn animated_gif(w: u16, h: u16) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = image::codecs::gif::GifEncoder::new(&mut out);
        enc.set_repeat(image::codecs::gif::Repeat::Infinite)
            .unwrap();
        for c in [[220u8, 20, 20, 255], [20, 20, 220, 255]] {
            let img = image::RgbaImage::from_pixel(u32::from(w), u32::from(h), image::Rgba(c));
            enc.encode_frame(image::Frame::new(img)).unwrap();
        }
    }
    out
}

#[test]
fn photos_animated_gif_has_a_still_for_reduced_motion() {
    let g = GuideTest::empty(BOOK);
    g.write("content/anim.gif", animated_gif(120, 80));
    g.write(
        "content/_index.md",
        "# Gif\n\nText.\n\n![A moving card](anim.gif)\n",
    );
    g.build_ok();
    let main = g.main_of("public/index.html");
    let at = main
        .find("<picture><source media=\"(prefers-reduced-motion: reduce)\" srcset=\"./anim.")
        .unwrap_or_else(|| panic!("{main}"))
        + "<picture><source media=\"(prefers-reduced-motion: reduce)\" srcset=\"./".len();
    let still = &main[at..at + main[at..].find('"').unwrap()];
    assert!(still.ends_with(".still.png"), "{still}");
    assert!(
        main.contains("<img src=\"./anim.gif\" alt=\"A moving card\" width=\"120\" height=\"80\" decoding=\"async\"></picture>"),
        "{main}"
    );
    // The animation is published as it is; the still is its first (red) frame.
    assert_eq!(
        std::fs::read(g.path("public/anim.gif")).unwrap(),
        animated_gif(120, 80)
    );
    let img = image::load_from_memory(&std::fs::read(g.path(&format!("public/{still}"))).unwrap())
        .unwrap()
        .to_rgb8();
    assert_eq!(img.dimensions(), (120, 80));
    let px = img.get_pixel(60, 40);
    assert!(px[0] > 150 && px[2] < 100, "the first frame: {px:?}");
}

//! Photos for phones on slow mobile data.
//!
//! A photo straight from a phone is 3–5 MB. Every JPEG or PNG attachment of a live
//! item is resized at build time to a few widths; pages then point `<img>` at
//! those copies with `srcset`, `width`/`height` (no layout shift) and
//! `loading="lazy"`, so a citizen's phone fetches a copy sized for its screen and
//! never the original. The original stays published as the attachment it is.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use image::{DynamicImage, GenericImageView as _, ImageFormat, ImageReader, imageops::FilterType};
use percent_encoding::percent_decode_str;
use rayon::prelude::*;
use serde::Serialize;

use crate::site::{Site, Urls};
use crate::write::Sink;

/// Widths the copies are made at: a thumbnail, a phone, a desktop column.
pub const WIDTHS: [u32; 3] = [360, 720, 1280];
/// JPEG quality of the copies: photos look the same, at a tenth of the bytes.
const QUALITY: u8 = 78;
/// `sizes` for images in an item body: the text column is at most about 48rem.
const BODY_SIZES: &str = "(min-width: 52rem) 48rem, 100vw";

/// One resized copy.
#[derive(Debug, Clone, Serialize)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// Link to the copy (under the site's base path).
    pub url: String,
    /// Site-relative path of the copy, for permalinks.
    #[serde(skip)]
    pub rel: String,
}

/// An image attachment and its copies, smallest first (never empty).
#[derive(Debug, Clone, Serialize)]
pub struct Resized {
    /// Site-relative URL of the original attachment (`/news/a/photo.jpg`).
    pub original: String,
    pub variants: Vec<Variant>,
}

impl Resized {
    /// The largest copy: what a link "view larger" opens.
    pub fn largest(&self) -> &Variant {
        self.variants.last().unwrap_or_else(|| unreachable!())
    }

    /// The copy for a phone screen: the smallest at least 720 px wide, or the largest.
    pub fn medium(&self) -> &Variant {
        self.variants
            .iter()
            .find(|v| v.width >= 720)
            .unwrap_or_else(|| self.largest())
    }

    /// The smallest copy, for thumbnails.
    pub fn smallest(&self) -> &Variant {
        self.variants.first().unwrap_or_else(|| unreachable!())
    }

    pub fn srcset(&self) -> String {
        self.variants
            .iter()
            .map(|v| format!("{} {}w", v.url, v.width))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Site-relative attachment URL → its copies.
pub type Images = BTreeMap<String, Resized>;

/// True for the attachments this module resizes.
fn is_photo(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".jpg") || lower.ends_with(".jpeg") || lower.ends_with(".png")
}

/// Resizes every JPEG/PNG attachment of a live item and writes the copies beside
/// the original (`photo.jpg` → `photo-720w.jpg`). An image that cannot be read is
/// left as it is, with a warning: one bad photo never stops the build.
pub fn resize_all(site: &Site<'_>, sink: &dyn Sink) -> anyhow::Result<Images> {
    let mut seen = BTreeSet::new();
    let work: Vec<_> = site
        .items
        .iter()
        .flat_map(|live| live.attachments.iter())
        .filter(|a| is_photo(&a.name) && seen.insert(a.url.clone()))
        .collect();
    let done: Vec<Option<Resized>> = work
        .par_iter()
        .map(|a| -> anyhow::Result<Option<Resized>> {
            let bytes = a.blob.read()?;
            match resize_one(&a.url, &bytes, &site.urls, sink) {
                Ok(resized) => Ok(Some(resized)),
                Err(ImageProblem::Unreadable(e)) => {
                    eprintln!(
                        "คำเตือน: อ่านภาพ {} ไม่ได้ จึงไม่ย่อขนาด ({e}) / warning: cannot read image {}, so it is not resized ({e})",
                        a.url, a.url
                    );
                    Ok(None)
                }
                Err(ImageProblem::Write(e)) => Err(e),
            }
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(done
        .into_iter()
        .flatten()
        .map(|r| (r.original.clone(), r))
        .collect())
}

enum ImageProblem {
    Unreadable(image::ImageError),
    Write(anyhow::Error),
}

fn resize_one(
    url: &str,
    bytes: &[u8],
    urls: &Urls,
    sink: &dyn Sink,
) -> Result<Resized, ImageProblem> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ImageProblem::Unreadable(image::ImageError::IoError(e)))?;
    let format = reader.format();
    let img = reader.decode().map_err(ImageProblem::Unreadable)?;
    let (width, height) = img.dimensions();
    // Transparent PNGs (logos, diagrams) stay PNG; photos become JPEG.
    let keep_png = format == Some(ImageFormat::Png) && img.color().has_alpha();
    let (stem, _) = url.rsplit_once('.').unwrap_or((url, ""));
    let mut variants = Vec::new();
    for target in WIDTHS {
        if target >= width {
            break;
        }
        let target_height = ((u64::from(height) * u64::from(target)) / u64::from(width)).max(1);
        let small = img.resize_exact(target, target_height as u32, FilterType::Triangle);
        let (ext, data) = encode(&small, keep_png).map_err(ImageProblem::Unreadable)?;
        let rel = format!("{stem}-{target}w.{ext}");
        sink.write(rel.trim_start_matches('/'), &data)
            .map_err(ImageProblem::Write)?;
        variants.push(Variant {
            width: target,
            height: target_height as u32,
            url: urls.link(&rel),
            rel,
        });
    }
    // The original is the largest copy when it is no wider than the largest width
    // and small in bytes; otherwise a re-encoded copy at full width stands in.
    let small_enough = bytes.len() <= 400 * 1024 && width <= WIDTHS[WIDTHS.len() - 1];
    if small_enough || variants.is_empty() && bytes.len() <= 400 * 1024 {
        variants.push(Variant {
            width,
            height,
            url: urls.link(url),
            rel: url.to_string(),
        });
    } else if width <= WIDTHS[WIDTHS.len() - 1] {
        let (ext, data) = encode(&img, keep_png).map_err(ImageProblem::Unreadable)?;
        let rel = format!("{stem}-{width}w.{ext}");
        sink.write(rel.trim_start_matches('/'), &data)
            .map_err(ImageProblem::Write)?;
        variants.push(Variant {
            width,
            height,
            url: urls.link(&rel),
            rel,
        });
    }
    Ok(Resized {
        original: url.to_string(),
        variants,
    })
}

fn encode(
    img: &DynamicImage,
    keep_png: bool,
) -> Result<(&'static str, Vec<u8>), image::ImageError> {
    let mut data = Vec::new();
    if keep_png {
        img.write_to(&mut Cursor::new(&mut data), ImageFormat::Png)?;
        Ok(("png", data))
    } else {
        let rgb = img.to_rgb8();
        let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut data, QUALITY);
        encoder.encode_image(&rgb)?;
        Ok(("jpg", data))
    }
}

/// Where an `<img src>` of an item body points, site-relative, if it is local.
fn resolve(src: &str, item_url: &str) -> Option<String> {
    if src.contains("://") || src.starts_with("//") || src.starts_with("data:") {
        return None;
    }
    let path = src.split(['?', '#']).next().unwrap_or(src);
    let path = percent_decode_str(path).decode_utf8().ok()?;
    Some(if path.starts_with('/') {
        path.to_string()
    } else {
        format!("{item_url}{}", path.trim_start_matches("./"))
    })
}

/// Points every local `<img>` of a sanitised body at its resized copies, with
/// `srcset`, `sizes`, `width`, `height` and `loading="lazy"`. Returns the new HTML
/// and the originals it used (a gallery shows only the others).
pub fn responsive_body(
    html: &str,
    item_url: &str,
    base_path: &str,
    images: &Images,
) -> (String, BTreeSet<String>) {
    let mut used = BTreeSet::new();
    if !html.contains("<img ") {
        return (html.to_string(), used);
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    while let Some(at) = rest.find("<img ") {
        out.push_str(&rest[..at]);
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..tag_end];
        let found = attr(tag, "src")
            .map(|src| {
                src.strip_prefix(base_path.trim_end_matches('/'))
                    .unwrap_or(src)
                    .to_string()
            })
            .and_then(|src| resolve(&src, item_url))
            .and_then(|url| images.get(&url).map(|r| (url, r)));
        match found {
            Some((url, resized)) => {
                used.insert(url);
                let alt = attr(tag, "alt").unwrap_or_default();
                let big = resized.largest();
                out.push_str(&format!(
                    "<img src=\"{}\" srcset=\"{}\" sizes=\"{BODY_SIZES}\" width=\"{}\" height=\"{}\" loading=\"lazy\" decoding=\"async\" alt=\"{alt}\">",
                    resized.medium().url,
                    resized.srcset(),
                    big.width,
                    big.height
                ));
            }
            None => out.push_str(tag),
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    (out, used)
}

/// The value of `name="…"` inside one tag, still escaped as written.
fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// A thumbnail of an activity gallery.
#[derive(Debug, Clone, Serialize)]
pub struct GalleryImage {
    pub thumb: Variant,
    pub full: String,
    pub srcset: String,
}

/// The item's photos that its text does not show, for the gallery of an activity.
pub fn gallery(
    attachments: &[crate::site::Attachment],
    used: &BTreeSet<String>,
    images: &Images,
) -> Vec<GalleryImage> {
    attachments
        .iter()
        .filter(|a| !used.contains(&a.url))
        .filter_map(|a| images.get(&a.url))
        .map(|r| GalleryImage {
            thumb: r.smallest().clone(),
            full: r.largest().url.clone(),
            srcset: r.srcset(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::Memory;

    fn noisy_jpeg(width: u32, height: u32) -> Vec<u8> {
        let mut seed = 12345u32;
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let n = (seed >> 24) as u8;
            image::Rgb([(x % 256) as u8 ^ n, (y % 256) as u8, n])
        });
        let mut data = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut data, 95)
            .encode_image(&img)
            .unwrap();
        data
    }

    #[test]
    fn a_big_photo_gets_small_copies_and_the_body_points_at_them() {
        let sink = Memory::default();
        let urls = Urls::new("https://office.example/");
        let bytes = noisy_jpeg(2000, 1500);
        assert!(bytes.len() > 1_000_000, "{}", bytes.len());
        let Ok(resized) = resize_one("/news/a/photo.jpg", &bytes, &urls, &sink) else {
            panic!("resizes");
        };
        let widths: Vec<u32> = resized.variants.iter().map(|v| v.width).collect();
        assert_eq!(widths, [360, 720, 1280]);
        assert_eq!(resized.variants[1].height, 540);
        let phone = sink.0.lock().unwrap()["news/a/photo-720w.jpg"].clone();
        assert!(phone.len() < bytes.len() / 5, "{} bytes", phone.len());

        let images: Images = [(resized.original.clone(), resized)].into();
        let (html, used) = responsive_body(
            "<p><img src=\"photo.jpg\" alt=\"อสม. &amp; ผู้สูงอายุ\"></p><img src=\"https://x.example/a.jpg\" alt=\"\">",
            "/news/a/",
            "/",
            &images,
        );
        assert!(html.contains("src=\"/news/a/photo-720w.jpg\""), "{html}");
        assert!(html.contains("srcset=\"/news/a/photo-360w.jpg 360w, /news/a/photo-720w.jpg 720w, /news/a/photo-1280w.jpg 1280w\""), "{html}");
        assert!(
            html.contains("width=\"1280\" height=\"960\" loading=\"lazy\""),
            "{html}"
        );
        assert!(html.contains("alt=\"อสม. &amp; ผู้สูงอายุ\""), "{html}");
        assert!(
            html.contains("<img src=\"https://x.example/a.jpg\" alt=\"\">"),
            "{html}"
        );
        assert!(used.contains("/news/a/photo.jpg"));
    }

    #[test]
    fn a_small_image_is_its_own_copy_and_garbage_is_reported() {
        let sink = Memory::default();
        let urls = Urls::new("https://office.example/repo/");
        let bytes = noisy_jpeg(200, 100);
        let Ok(resized) = resize_one("/a/b/x.jpg", &bytes, &urls, &sink) else {
            panic!("resizes");
        };
        assert_eq!(resized.variants.len(), 1);
        assert_eq!(resized.largest().url, "/repo/a/b/x.jpg");
        assert!(matches!(
            resize_one("/a/b/y.jpg", b"not an image", &urls, &sink),
            Err(ImageProblem::Unreadable(_))
        ));
    }
}

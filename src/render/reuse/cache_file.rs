//! The files kept in `.khaosan/cache/`: a magic line, the identity of the khaosan
//! binary that wrote them, length-prefixed records, and at the end an HMAC-SHA-256
//! of all that under a key only this user's khaosan knows. A torn, altered or
//! foreign file is ignored as a whole.
//!
//! The key matters because the cache vouches for pages: "the live file with these
//! bytes is what this page's inputs make". A file that came into the site folder
//! any other way (say, committed by a pull request and pulled onto the build
//! server) could otherwise keep a withdrawn item's page alive. The key lives in the
//! user's cache folder (`$XDG_CACHE_HOME/khaosan/cache-key`, else
//! `~/.cache/khaosan/cache-key`), outside any site; without it nothing is reused.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use hmac::{Hmac, Mac as _};
use sha2::Sha256;

use super::{Hash, binary_identity};

/// Bytes of the key and of the tag at the end of each file.
const KEY_LEN: usize = 32;
const TAG_LEN: usize = 32;

/// This user's key, made once (randomly) and kept; `None` when it can be neither
/// read nor made, and then no cache is trusted.
fn key() -> Option<&'static [u8; KEY_LEN]> {
    static KEY: OnceLock<Option<[u8; KEY_LEN]>> = OnceLock::new();
    KEY.get_or_init(|| {
        let path = key_path()?;
        if std::fs::symlink_metadata(&path).is_ok() {
            return existing_key(&path);
        }
        let mut key = [0u8; KEY_LEN];
        getrandom::fill(&mut key).ok()?;
        std::fs::create_dir_all(path.parent()?).ok()?;
        let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
        let mut file = private_file(&tmp).ok()?;
        file.write_all(&key).ok()?;
        drop(file);
        // Another khaosan may have made one meanwhile: the first one kept wins.
        if std::fs::hard_link(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
            return existing_key(&path);
        }
        let _ = std::fs::remove_file(&tmp);
        Some(key)
    })
    .as_ref()
}

/// The key kept at `path`, if it is this user's own: a key someone else could
/// have written, or could read, is no secret.
fn existing_key(path: &Path) -> Option<[u8; KEY_LEN]> {
    std::fs::symlink_metadata(path).ok().filter(private)?;
    let bytes = std::fs::read(path).ok()?;
    <[u8; KEY_LEN]>::try_from(bytes.as_slice()).ok()
}

/// A plain file of this user's that nobody else may read or write.
fn private(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    meta.file_type().is_file()
        && meta.uid() == rustix::process::geteuid().as_raw()
        && meta.mode() & 0o077 == 0
}

fn key_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("khaosan").join("cache-key"))
}

/// A new file only its owner may read.
fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::File::options()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

fn tag(body: &[u8]) -> Option<[u8; TAG_LEN]> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key()?).ok()?;
    mac.update(body);
    Some(mac.finalize().into_bytes().into())
}

/// The start of a cache file of kind `magic`, written by this binary.
pub fn header(magic: &[u8]) -> Vec<u8> {
    let mut out = magic.to_vec();
    put_bytes(&mut out, binary_identity().as_bytes());
    out
}

/// A length-prefixed record.
pub fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// Ends a file with the tag [`Reader::checked`] looks for; `None` without a key.
pub fn seal(mut out: Vec<u8>) -> Option<Vec<u8>> {
    let tag = tag(&out)?;
    out.extend_from_slice(&tag);
    Some(out)
}

/// Reads records back; any inconsistency ends in `None`.
pub struct Reader<'b>(&'b [u8]);

impl<'b> Reader<'b> {
    /// The records of a file of kind `magic`, if its tag holds (this user's
    /// khaosan wrote it, and nothing changed it since) and this very binary wrote it.
    pub fn checked(bytes: &'b [u8], magic: &[u8]) -> Option<Reader<'b>> {
        let split = bytes.len().checked_sub(TAG_LEN)?;
        let (body, check) = bytes.split_at(split);
        let mut mac = Hmac::<Sha256>::new_from_slice(key()?).ok()?;
        mac.update(body);
        mac.verify_slice(check).ok()?;
        let mut reader = Reader(body);
        (reader.take(magic.len())? == magic).then_some(())?;
        (reader.bytes()? == binary_identity().as_bytes()).then_some(reader)
    }
    pub fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    pub fn bytes(&mut self) -> Option<&'b [u8]> {
        let n = usize::try_from(self.u64()?).ok()?;
        self.take(n)
    }
    pub fn hash(&mut self) -> Option<Hash> {
        self.take(32)?.try_into().ok()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

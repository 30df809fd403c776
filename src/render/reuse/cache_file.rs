//! The files kept in `.khaosan/cache/`: a magic line, the identity of the khaosan
//! binary that wrote them, length-prefixed records, and a SHA-256 of all that at
//! the end. A torn, altered or foreign file is ignored as a whole.

use std::io::Write as _;
use std::path::Path;

use sha2::{Digest as _, Sha256};

use super::{Hash, binary_identity};

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

/// Ends a file with the checksum [`Reader::checked`] looks for.
pub fn seal(mut out: Vec<u8>) -> Vec<u8> {
    let check = Sha256::digest(&out);
    out.extend_from_slice(&check);
    out
}

/// Reads records back; any inconsistency ends in `None`.
pub struct Reader<'b>(&'b [u8]);

impl<'b> Reader<'b> {
    /// The records of a file of kind `magic`, if its checksum holds and this very
    /// binary wrote it.
    pub fn checked(bytes: &'b [u8], magic: &[u8]) -> Option<Reader<'b>> {
        let split = bytes.len().checked_sub(32)?;
        let (body, check) = bytes.split_at(split);
        (Sha256::digest(body).as_slice() == check).then_some(())?;
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

/// Writes beside `path` and renames over it, so a reader never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    drop(file);
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

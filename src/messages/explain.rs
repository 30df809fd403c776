//! How an error is said where it is printed: the catalogue's message for what
//! khaosan was doing (which names the file), then, when the operating system said
//! no, its reason and fix from the catalogue, with the system's own words beside.

use std::io::ErrorKind;

use super::*;

/// The catalogue's reason and fix for an operating-system error of `kind`.
pub fn os_reason(kind: ErrorKind) -> &'static Message {
    match kind {
        ErrorKind::PermissionDenied => &OS_PERMISSION_DENIED,
        ErrorKind::NotFound => &OS_NOT_FOUND,
        ErrorKind::AlreadyExists => &OS_ALREADY_EXISTS,
        ErrorKind::NotADirectory => &OS_NOT_A_FOLDER,
        ErrorKind::IsADirectory => &OS_IS_A_FOLDER,
        ErrorKind::DirectoryNotEmpty => &OS_FOLDER_NOT_EMPTY,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => &OS_DISK_FULL,
        ErrorKind::ReadOnlyFilesystem => &OS_READ_ONLY,
        ErrorKind::CrossesDevices => &OS_CROSSES_DEVICES,
        ErrorKind::FileTooLarge => &OS_FILE_TOO_LARGE,
        ErrorKind::InvalidFilename => &OS_BAD_NAME,
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => &OS_BUSY,
        ErrorKind::InvalidData => &OS_BAD_DATA,
        _ => &OS_OTHER,
    }
}

/// An error and its causes on one line, outermost first, as `{:#}` prints them,
/// except that an operating-system error is said in Thai first with its fix:
/// "เขียน public/a.html ไม่ได้ / cannot write public/a.html: ไม่มีสิทธิ์… (permission
/// denied): Permission denied (os error 13); ตรวจสิทธิ์… / check …".
pub fn explain(err: &anyhow::Error) -> String {
    err.chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) => os_reason(io.kind()).detail(&io.to_string(), &[]),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    /// A real failure of the operating system, wrapped as khaosan wraps it.
    fn failed(what: &Message, path: &std::path::Path, e: std::io::Error) -> String {
        let shown = path.display().to_string();
        let err = Err::<(), _>(e)
            .with_context(|| what.say(&[("path", &shown)]))
            .unwrap_err();
        explain(&err)
    }

    #[test]
    fn a_path_under_a_file_is_not_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ไฟล์.txt");
        std::fs::write(&file, "x").unwrap();
        let path = file.join("ข่าว").join("index.html");
        let e = std::fs::create_dir_all(path.parent().unwrap()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotADirectory);
        let said = failed(&CANNOT_CREATE, path.parent().unwrap(), e);
        let shown = path.parent().unwrap().display().to_string();
        assert!(
            said.starts_with(&format!(
                "สร้างโฟลเดอร์ {shown} ไม่ได้ / cannot create {shown}: "
            )),
            "{said}"
        );
        assert!(said.contains("ส่วนหนึ่งของที่อยู่นี้เป็นไฟล์ ไม่ใช่โฟลเดอร์"), "{said}");
        assert!(said.contains("ตรวจที่อยู่"), "{said}");
        assert!(said.find("ตรวจที่อยู่") < said.find("check the path"), "{said}");
    }

    #[test]
    fn a_missing_file_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ไม่มี.md");
        let e = std::fs::read(&path).unwrap_err();
        let said = failed(&CANNOT_READ, &path, e);
        assert!(
            said.contains(&format!("อ่าน {} ไม่ได้", path.display())),
            "{said}"
        );
        assert!(
            said.contains("ไม่มีไฟล์หรือโฟลเดอร์นี้ (no such file or folder)"),
            "{said}"
        );
        assert!(said.contains("ตรวจชื่อและที่อยู่"), "{said}");
    }

    #[test]
    fn an_existing_file_already_exists() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "x").unwrap();
        let e = std::fs::File::create_new(&path).unwrap_err();
        let said = failed(&CANNOT_WRITE, &path, e);
        assert!(said.contains("มีไฟล์ชื่อนี้อยู่แล้ว"), "{said}");
        assert!(said.contains("ย้ายหรือลบไฟล์เดิมออก"), "{said}");
    }

    #[test]
    fn removing_a_folder_with_files_says_it_is_not_empty() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a"), "x").unwrap();
        let e = std::fs::remove_dir(dir.path()).unwrap_err();
        let said = failed(&CANNOT_REMOVE, dir.path(), e);
        assert!(said.contains("โฟลเดอร์ยังมีไฟล์อยู่"), "{said}");
    }

    #[test]
    fn reading_a_folder_as_a_file_says_it_is_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let e = std::fs::read_to_string(dir.path()).unwrap_err();
        let said = failed(&CANNOT_READ, dir.path(), e);
        assert!(said.contains("ที่อยู่นี้เป็นโฟลเดอร์ แต่ต้องเป็นไฟล์"), "{said}");
    }

    #[test]
    fn text_that_is_not_utf8_is_bad_data() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        let e = std::fs::read_to_string(&path).unwrap_err();
        let said = failed(&CANNOT_READ, &path, e);
        assert!(said.contains("ไม่ใช่ข้อความ UTF-8"), "{said}");
    }

    #[test]
    fn a_name_too_long_for_the_file_system_is_a_bad_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ข".repeat(100));
        let e = std::fs::write(&path, "x").unwrap_err();
        let said = failed(&CANNOT_WRITE, &path, e);
        assert!(
            said.contains(&format!("เขียน {} ไม่ได้", path.display())),
            "{said}"
        );
        assert!(said.contains("ระบบไฟล์ไม่รับชื่อนี้"), "{said}");
        assert!(said.contains("ใช้ชื่อที่สั้นลง"), "{said}");
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_full_disk_says_to_free_space() {
        // /dev/full answers every write with "no space left on device".
        let path = std::path::Path::new("/dev/full");
        let e = std::fs::write(path, "x").unwrap_err();
        let said = failed(&CANNOT_WRITE, path, e);
        assert!(said.starts_with("เขียน /dev/full ไม่ได้"), "{said}");
        assert!(said.contains("ดิสก์เต็ม"), "{said}");
        assert!(said.contains("ลบไฟล์ที่ไม่ใช้ให้มีที่ว่าง"), "{said}");
    }

    #[test]
    #[cfg(unix)]
    fn a_folder_without_permission_says_to_check_it() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("ล็อก");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        let path = locked.join("a.html");
        let Err(e) = std::fs::write(&path, "x") else {
            return; // root ignores permissions; the mapping is still tested below
        };
        let said = failed(&CANNOT_WRITE, &path, e);
        assert!(said.contains("ไม่มีสิทธิ์เข้าถึงไฟล์หรือโฟลเดอร์นี้"), "{said}");
        assert!(said.contains("ตรวจสิทธิ์ของโฟลเดอร์"), "{said}");
    }

    #[test]
    fn every_kind_the_disk_gives_has_its_own_thai_reason_and_fix() {
        // Kinds no test on any machine can make for real (a full disk, a read-only
        // mount) still map, each to a reason with a fix.
        let kinds = [
            (ErrorKind::PermissionDenied, "ไม่มีสิทธิ์", "ตรวจสิทธิ์ของโฟลเดอร์"),
            (ErrorKind::StorageFull, "ดิสก์เต็ม", "ลบไฟล์ที่ไม่ใช้"),
            (ErrorKind::QuotaExceeded, "โควตา", "ลบไฟล์ที่ไม่ใช้"),
            (ErrorKind::ReadOnlyFilesystem, "อ่านได้อย่างเดียว", "เลือก --out"),
            (ErrorKind::CrossesDevices, "ข้ามดิสก์", "จุดเชื่อมต่อ"),
            (ErrorKind::FileTooLarge, "ใหญ่เกิน", "ลดขนาด"),
            (ErrorKind::InvalidFilename, "ไม่รับชื่อนี้", "ชื่อที่สั้นลง"),
            (ErrorKind::ResourceBusy, "โปรแกรมอื่นใช้", "ปิดโปรแกรมนั้น"),
            (ErrorKind::Interrupted, "ระบบปฏิบัติการแจ้งข้อผิดพลาด", "ลองใหม่"),
        ];
        let path = std::path::Path::new("public/ข่าว/index.html");
        for (kind, reason, fix) in kinds {
            let said = failed(&CANNOT_WRITE, path, std::io::Error::from(kind));
            assert!(
                said.starts_with("เขียน public/ข่าว/index.html ไม่ได้"),
                "{said}"
            );
            assert!(said.contains(reason), "{kind:?}: {said}");
            assert!(said.contains(fix), "{kind:?}: {said}");
        }
    }

    #[test]
    fn every_os_message_of_the_catalogue_is_said_for_some_kind() {
        let kinds = [
            ErrorKind::PermissionDenied,
            ErrorKind::NotFound,
            ErrorKind::AlreadyExists,
            ErrorKind::NotADirectory,
            ErrorKind::IsADirectory,
            ErrorKind::DirectoryNotEmpty,
            ErrorKind::StorageFull,
            ErrorKind::ReadOnlyFilesystem,
            ErrorKind::CrossesDevices,
            ErrorKind::FileTooLarge,
            ErrorKind::InvalidFilename,
            ErrorKind::ResourceBusy,
            ErrorKind::InvalidData,
            ErrorKind::Other,
        ];
        let said: Vec<&str> = kinds.iter().map(|k| os_reason(*k).code).collect();
        for m in all().filter(|m| m.code.starts_with("os-")) {
            assert!(said.contains(&m.code), "{} is never said", m.code);
            assert!(!m.fix_th.is_empty(), "{} has no fix", m.code);
        }
    }

    #[test]
    fn errors_without_an_os_cause_read_as_before() {
        let err = anyhow::anyhow!("เหตุ / cause").context("ขั้น / step");
        assert_eq!(explain(&err), format!("{err:#}"));
    }
}

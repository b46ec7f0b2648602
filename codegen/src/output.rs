//! Writing generated files: only when the content changes, and atomically
//! (a temporary file beside the target, then a rename), so that a failed run
//! never leaves a half-written file and an unchanged one keeps its timestamp.
//!
//! A symbolic link is followed: its target is written and the link stays.
//! An existing file keeps its permissions, a new one gets the usual ones for
//! the user's umask (as any file they write), and a read-only file is not
//! replaced.

use std::io::{Error, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Writes `content` to `path` unless it already holds exactly that; returns
/// whether the file was written.
pub fn write_if_changed(path: &Path, content: &str) -> std::io::Result<bool> {
    let target = followed(path)?;
    let existing = std::fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(is_special) {
        // A device or a pipe (`-o /dev/null`) is written into, never
        // replaced by a file.
        std::fs::write(&target, content)?;
        return Ok(true);
    }
    if std::fs::read(path).is_ok_and(|existing| existing == content.as_bytes()) {
        return Ok(false);
    }
    if existing
        .as_ref()
        .is_some_and(|m| m.permissions().readonly())
    {
        return Err(Error::new(
            ErrorKind::PermissionDenied,
            "the file is read-only: not replaced; make it writable to regenerate it",
        ));
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::new(
            ErrorKind::NotFound,
            format!(
                "the folder `{}` does not exist: create the folder",
                dir.display()
            ),
        ));
    }
    let mut temporary = new_file_builder().tempfile_in(&dir)?;
    temporary.write_all(content.as_bytes())?;
    if let Some(existing) = &existing {
        temporary
            .as_file()
            .set_permissions(existing.permissions())?;
    }
    temporary.persist(&target).map_err(|e| e.error)?;
    Ok(true)
}

/// Replaces `path` with what `write` writes, through a temporary file
/// beside it (buffered; the file is never half-written): for files of
/// docmodel's own, such as its cache, that are written whole each time.
pub(crate) fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let temporary = new_file_builder().tempfile_in(dir)?;
    let mut buffered = std::io::BufWriter::new(temporary);
    write(&mut buffered)?;
    let temporary = buffered.into_inner().map_err(|e| e.into_error())?;
    temporary.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Whether `meta` is of a file that is neither a regular file nor a folder:
/// a device, a pipe, a socket.
fn is_special(meta: &std::fs::Metadata) -> bool {
    !meta.is_file() && !meta.is_dir()
}

/// The file `path` names: the target of a symbolic link, else `path`.
fn followed(path: &Path) -> std::io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = std::fs::read_link(path)?;
            Ok(match path.parent() {
                Some(parent) if target.is_relative() => parent.join(target),
                _ => target,
            })
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// Temporary files made as any file the user creates: mode `0o666` less the
/// umask on Unix (a temporary file is otherwise private, `0o600`).
fn new_file_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".docmodel-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_is_written_into_not_replaced() {
        // A named pipe in a folder of the test's own, never a device of the
        // machine: if the fix regressed, the test must not do the damage it
        // guards against (`-o /dev/null` once replaced this machine's
        // /dev/null with a file).
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("models.rs");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        if !made.is_ok_and(|status| status.success()) {
            eprintln!("SKIPPED: mkfifo is not available here");
            return;
        }
        let reader = {
            let pipe = pipe.clone();
            std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap())
        };
        assert!(write_if_changed(&pipe, "pub struct Pet;\n").unwrap());
        assert_eq!(reader.join().unwrap(), "pub struct Pet;\n");
        let after = std::fs::symlink_metadata(&pipe).unwrap();
        assert!(is_special(&after), "the pipe is still a pipe");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn writes_only_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("models.rs");
        assert!(write_if_changed(&path, "a").unwrap());
        assert!(!write_if_changed(&path, "a").unwrap());
        assert!(write_if_changed(&path, "b").unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "b");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_missing_folder_is_named_and_a_read_only_file_kept() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("gone").join("models.rs");
        let error = write_if_changed(&missing, "a").unwrap_err();
        assert!(error.to_string().contains("create the folder"), "{error}");
        assert!(error.to_string().contains("gone"), "{error}");
        let path = dir.path().join("models.rs");
        std::fs::write(&path, "old").unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).unwrap();
        assert!(write_if_changed(&path, "new").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_links_followed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("models.rs");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        assert!(write_if_changed(&path, "new").unwrap());
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let link = dir.path().join("link.rs");
        std::os::unix::fs::symlink("models.rs", &link).unwrap();
        assert!(write_if_changed(&link, "via link").unwrap());
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "via link");
        let fresh = dir.path().join("fresh.rs");
        assert!(write_if_changed(&fresh, "x").unwrap());
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "x").unwrap();
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&fresh), mode(&probe), "made as the user's other files");
    }
}

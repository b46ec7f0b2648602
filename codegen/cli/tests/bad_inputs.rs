//! The bad-input matrix: one folder per case under `tests/bad-inputs/`, each
//! with its pages and a `case` file that says what it is (`# …`), the command
//! (`run:`), the exit code (`exit:`), the diagnostic codes it must report, no
//! more and no fewer (`codes:`), and text its standard error must hold
//! (`stderr:`, repeatable). Before the run a case may make a file read-only
//! (`read-only: FILE`) or a symbolic link (`symlink: LINK TARGET`, which must
//! still be that link afterwards); `mode: FILE 644` is the permission bits
//! FILE must have afterwards. Each case runs in a copy of its folder, under
//! umask 022. A failed run must leave every file as it was (no output
//! written or changed); the code of every run that succeeds must compile,
//! all cases in one crate.

use std::collections::{BTreeMap, BTreeSet};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one case's `case` file expects.
struct Case {
    run: Vec<String>,
    exit: i32,
    codes: BTreeSet<String>,
    stderr: Vec<String>,
    read_only: Vec<String>,
    symlinks: Vec<(String, String)>,
    modes: Vec<(String, u32)>,
}

impl Case {
    fn read(path: &Path) -> Case {
        let text = std::fs::read_to_string(path).unwrap();
        let mut case = Case {
            run: Vec::new(),
            exit: 0,
            codes: BTreeSet::new(),
            stderr: Vec::new(),
            read_only: Vec::new(),
            symlinks: Vec::new(),
            modes: Vec::new(),
        };
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (key, value) = line.split_once(':').expect("`key: value` lines");
            let value = value.trim();
            match key {
                "run" => case.run = value.split_whitespace().map(String::from).collect(),
                "exit" => case.exit = value.parse().unwrap(),
                "codes" => case.codes = value.split_whitespace().map(String::from).collect(),
                "stderr" => case.stderr.push(value.to_string()),
                "read-only" => case.read_only.push(value.to_string()),
                "symlink" => {
                    let (link, target) = value.split_once(' ').expect("`symlink: LINK TARGET`");
                    case.symlinks.push((link.to_string(), target.to_string()));
                }
                "mode" => {
                    let (file, mode) = value.split_once(' ').expect("`mode: FILE 644`");
                    let mode = u32::from_str_radix(mode, 8).expect("an octal mode");
                    case.modes.push((file.to_string(), mode));
                }
                other => panic!("{}: unknown key `{other}`", path.display()),
            }
        }
        case
    }

    /// Makes the files read-only and the links the case asks for in `dir`.
    fn set_up(&self, dir: &Path) {
        for file in &self.read_only {
            let file = dir.join(file);
            let mut permissions = std::fs::metadata(&file).unwrap().permissions();
            permissions.set_readonly(true);
            std::fs::set_permissions(&file, permissions).unwrap();
        }
        for (link, target) in &self.symlinks {
            std::os::unix::fs::symlink(target, dir.join(link)).unwrap();
        }
    }

    /// What is wrong with the files in `dir` after the run: a link that is no
    /// longer the link, a mode that is not the expected one.
    fn files_wrong(&self, dir: &Path) -> Vec<String> {
        let mut wrong = Vec::new();
        for (link, target) in &self.symlinks {
            if std::fs::read_link(dir.join(link)).ok() != Some(PathBuf::from(target)) {
                wrong.push(format!("`{link}` is no longer a link to `{target}`"));
            }
        }
        for (file, mode) in &self.modes {
            match std::fs::metadata(dir.join(file)) {
                Ok(meta) if meta.permissions().mode() & 0o777 == *mode => {}
                Ok(meta) => wrong.push(format!(
                    "`{file}` has mode {:o}, expected {mode:o}",
                    meta.permissions().mode() & 0o777
                )),
                Err(error) => wrong.push(format!("`{file}`: {error}")),
            }
        }
        wrong
    }
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                found.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    found
}

/// The codes of the diagnostics in `stderr` (`warning[DM0114]`).
fn codes(stderr: &str) -> BTreeSet<String> {
    stderr
        .match_indices("[DM")
        .filter_map(|(at, _)| {
            let code = stderr[at + 1..].split(']').next()?;
            (code.len() == 6).then(|| code.to_string())
        })
        .collect()
}

#[test]
fn every_bad_input_ends_as_its_case_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-inputs");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 40, "the matrix holds {} cases", cases.len());
    let mut failures = Vec::new();
    let mut modules = String::new();
    for dir in &cases {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let case = Case::read(&dir.join("case"));
        let work = tempfile::tempdir().unwrap();
        for (path, bytes) in files(dir) {
            if path != Path::new("case") {
                let to = work.path().join(&path);
                std::fs::create_dir_all(to.parent().unwrap()).unwrap();
                std::fs::write(to, bytes).unwrap();
            }
        }
        case.set_up(work.path());
        let before = files(work.path());
        let output = Command::new("sh")
            .arg("-c")
            .arg("umask 022 && exec \"$0\" \"$@\"")
            .arg(env!("CARGO_BIN_EXE_docmodel"))
            .args(&case.run)
            .current_dir(work.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let mut wrong = Vec::new();
        if output.status.code() != Some(case.exit) {
            wrong.push(format!(
                "exit {:?}, expected {}",
                output.status.code(),
                case.exit
            ));
        }
        if codes(&stderr) != case.codes {
            wrong.push(format!(
                "codes {:?}, expected {:?}",
                codes(&stderr),
                case.codes
            ));
        }
        for text in &case.stderr {
            if !stderr.contains(text.as_str()) {
                wrong.push(format!("standard error lacks `{text}`"));
            }
        }
        wrong.extend(case.files_wrong(work.path()));
        let after = files(work.path());
        if case.exit != 0 && after != before {
            wrong.push("a failed run left a file written or changed".to_string());
        }
        if case.exit == 0 && output.status.success() {
            match std::fs::read_to_string(work.path().join("out.rs")) {
                Ok(code) => {
                    let module = name.replace('-', "_");
                    modules.push_str(&format!("pub mod {module} {{\n{code}\n}}\n"));
                }
                Err(error) => wrong.push(format!("no out.rs: {error}")),
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("{name}: {}\n{stderr}", wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let dir = docmodel_tests::repo_root().join("target/docmodel-bad-inputs-crate");
    docmodel_tests::write_model_crate(
        &dir,
        "bad-inputs",
        &modules,
        "fn main() {\n    println!(\"bad inputs: all compiled\");\n}\n",
    );
    docmodel_tests::run_and_lint_model_crate(&dir, "bad inputs: all compiled");
}

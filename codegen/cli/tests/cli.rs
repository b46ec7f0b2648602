//! The `docmodel` binary: exit codes, diagnostics on standard error, YAML on
//! standard output or in a file.

use std::path::Path;
use std::process::{Command, Output};

fn docmodel(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_docmodel"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("docmodel runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const GOOD: &str = "# Pet\n\n## Properties\n\n| Name | Type | Description | Notes |\n| ---- | ---- | ---- | ---- |\n| **id** | **Long** | The id. |  |\n| **tags** | [**List&lt;Tag&gt;**](Tag) | Tags. |  [optional] |\n";

#[test]
fn ir_prints_yaml_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    let output = docmodel(&["ir", "."], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let yaml = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(yaml.starts_with("models:\n- name: Pet\n"), "{yaml}");
    assert!(yaml.contains("type: list<Tag>"), "{yaml}");
    assert!(
        stderr(&output).contains("1 page(s) read: 1 models"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn ir_writes_the_file_given_with_o() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    let output = docmodel(&["ir", "Pet.md", "-o", "ir.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
    let yaml = std::fs::read_to_string(dir.path().join("ir.yaml")).unwrap();
    assert!(yaml.contains("wire_name: tags"), "{yaml}");
}

#[test]
fn an_unreadable_type_is_a_warning_that_keeps_its_property_and_strict_makes_it_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let page = GOOD.replace(
        "| **id** | **Long** | The id. |  |\n",
        "| **id** | **List&lt;Long** | The id. |  |\n| **name** | **String** | The name. | [optinal] |\n",
    );
    std::fs::write(dir.path().join("Pet.md"), page).unwrap();
    let output = docmodel(&["ir", "Pet.md"], dir.path());
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning[DM0103]: cannot read the type `List<Long` of `id`"),
        "{err}"
    );
    assert!(err.contains("it is typed as any JSON value"), "{err}");
    assert!(err.contains("Pet.md:7:12"), "{err}");
    assert!(err.contains("help:"), "{err}");
    assert!(
        err.contains("warning[DM0105]: note `[optinal]` of `name` is not understood"),
        "{err}"
    );
    assert!(err.contains("Pet.md:8:"), "{err}");
    assert!(
        err.contains("0 errors, 2 warnings"),
        "the other rows were read: {err}"
    );
    let yaml = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(
        yaml.contains(
            "- name: id\n    wire_name: id\n    wire_name_rule: as_written\n    type: any\n"
        ),
        "the property is kept: {yaml}"
    );

    let strict = docmodel(&["ir", "Pet.md", "--strict"], dir.path());
    let err = stderr(&strict);
    assert_eq!(strict.status.code(), Some(1), "{err}");
    assert!(err.contains("error[DM0103]"), "{err}");
    assert!(err.contains("an error because `strict` is set"), "{err}");
    assert!(err.contains("2 errors, 0 warnings"), "{err}");
    assert!(strict.stdout.is_empty(), "no YAML on errors");
}

#[test]
fn warnings_alone_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("{GOOD}| **age** | **Integer** | Age. | [optional] [min: 0] |\n");
    std::fs::write(dir.path().join("Pet.md"), page).unwrap();
    let output = docmodel(&["ir", "Pet.md"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning[DM0105]"));
    let yaml = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(
        yaml.contains("wire_name: age"),
        "a warning never drops a property"
    );
}

#[test]
fn a_missing_path_exits_2_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let output = docmodel(&["ir", "nowhere"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read `nowhere`"));
    assert_eq!(docmodel(&["ir"], dir.path()).status.code(), Some(2));
    assert_eq!(docmodel(&["frobnicate"], dir.path()).status.code(), Some(2));
}

#[test]
fn non_model_pages_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("PetApi.md"),
        "# PetApi\n\n### Parameters\n\n|Name | Type | Description  | Notes |\n|---|---|---|---|\n| **id** | **long?** | x |  |\n",
    )
    .unwrap();
    let output = docmodel(&["ir", "-v", "."], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert!(
        err.contains("note[DM0100]: skipped: not a model page"),
        "{err}"
    );
    assert!(err.contains("2 page(s) read: 1 models"), "{err}");
}

#[test]
fn generate_writes_the_code_only_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    let output = docmodel(&["generate", "Pet.md", "-o", "models.rs"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let path = dir.path().join("models.rs");
    let code = std::fs::read_to_string(&path).unwrap();
    assert!(code.contains("pub struct Pet {"), "{code}");
    assert!(
        code.contains("pub tags: Option<Vec<serde_json::Value>>,"),
        "{code}"
    );
    assert!(
        stderr(&output).contains("warning[DM0300]"),
        "Tag is missing"
    );
    let written = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    docmodel(&["generate", "Pet.md", "-o", "models.rs"], dir.path());
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        written,
        "unchanged, not rewritten"
    );
}

#[test]
fn generate_with_errors_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    std::fs::write(dir.path().join("pet.md"), GOOD.replace("# Pet", "# pet")).unwrap();
    std::fs::write(dir.path().join("models.rs"), "// old\n").unwrap();
    let output = docmodel(&["generate", ".", "-o", "models.rs"], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("error[DM0301]"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("models.rs")).unwrap(),
        "// old\n"
    );
}

#[test]
fn check_flag_reports_drift_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    let check = |dir: &Path| {
        docmodel(
            &["generate", "Pet.md", "-o", "models.rs", "--check", "-q"],
            dir,
        )
    };

    let missing = check(dir.path());
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("models.rs does not exist"),
        "{}",
        stderr(&missing)
    );
    assert!(!dir.path().join("models.rs").exists());

    docmodel(&["generate", "Pet.md", "-o", "models.rs"], dir.path());
    assert_eq!(check(dir.path()).status.code(), Some(0), "up to date");

    let page = format!("{GOOD}| **age** | **Integer** | Age. | [optional] |\n");
    std::fs::write(dir.path().join("Pet.md"), page).unwrap();
    let before = std::fs::read_to_string(dir.path().join("models.rs")).unwrap();
    let drift = check(dir.path());
    assert_eq!(drift.status.code(), Some(1));
    let err = stderr(&drift);
    assert!(
        err.contains(
            "models.rs is out of date: 6 line(s) added, 0 removed, first difference at line"
        ),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("models.rs")).unwrap(),
        before
    );
}

#[test]
fn check_command_summarizes_and_quiet_shows_only_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    let output = docmodel(&["check", "."], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        ".: java (1 model page(s): 0 with marks of it (0%), 1 without marks, 0 with marks of another dialect)\n",
        "the folder's dialect"
    );
    let err = stderr(&output);
    assert!(err.contains("warning[DM0300]"), "{err}");
    assert!(
        err.contains("1 page(s) read: 1 models, 0 enums; 0 errors, 1 warnings, 0 notes"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no output file"
    );

    let quiet = docmodel(&["check", "-q", "."], dir.path());
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(stderr(&quiet), "", "quiet: no warnings, no summary");
}

#[test]
fn help_shows_an_example_and_version_works() {
    let dir = tempfile::tempdir().unwrap();
    let help = docmodel(&["--help"], dir.path());
    assert!(
        String::from_utf8_lossy(&help.stdout).contains("docmodel generate specs/ -o src/models.rs")
    );
    let version = docmodel(&["--version"], dir.path());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("docmodel {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_configuration_beside_the_pages_is_used_and_check_lists_derived_wire_names() {
    let dir = tempfile::tempdir().unwrap();
    let page = "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**pet_id** | **int** |  | \n**_class** | **str** |  | [optional] \n";
    std::fs::write(dir.path().join("Pet.md"), page).unwrap();
    std::fs::write(dir.path().join("docmodel.yaml"), "wire_case: camelCase\n").unwrap();
    let output = docmodel(&["check", ".", "--derived"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let listed = String::from_utf8(output.stdout).unwrap();
    let (folder, derived) = listed.split_once('\n').unwrap();
    assert!(folder.starts_with(".: python "), "{folder}");
    assert_eq!(
        derived, "./Pet.md:7: Pet.pet_id: wire name `petId` derived from `pet_id`\n",
        "`_class` is an escape undone, not a derivation"
    );
}

#[test]
fn a_bad_configuration_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    std::fs::write(
        dir.path().join("settings.yaml"),
        "wire_case: camelCase\nwire_cse: x\n",
    )
    .unwrap();
    let output = docmodel(&["check", ".", "--config", "settings.yaml"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("settings.yaml:2: unknown field `wire_cse`"),
        "{message}"
    );
}

#[test]
fn generate_reads_an_ir_file_and_reports_a_malformed_one_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    let ir = docmodel(&["ir", "Pet.md", "-o", "ir.yaml"], dir.path());
    assert_eq!(ir.status.code(), Some(0), "{}", stderr(&ir));
    let from_pages = docmodel(&["generate", "Pet.md"], dir.path());
    let from_ir = docmodel(&["generate", "ir.yaml"], dir.path());
    assert_eq!(from_ir.status.code(), Some(0), "{}", stderr(&from_ir));
    assert_eq!(
        from_ir.stdout, from_pages.stdout,
        "the IR gives the pages' code"
    );

    let yaml = std::fs::read_to_string(dir.path().join("ir.yaml")).unwrap();
    std::fs::write(
        dir.path().join("ir.yaml"),
        yaml.replace("type: list<Tag>", "type: list<Tag"),
    )
    .unwrap();
    let broken = docmodel(&["generate", "ir.yaml"], dir.path());
    let err = stderr(&broken);
    assert_eq!(broken.status.code(), Some(1), "{err}");
    assert!(err.contains("error[DM0002]: not a docmodel IR"), "{err}");
    let line = yaml
        .lines()
        .position(|l| l.contains("type: list<Tag>"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("ir.yaml:{line}:")), "{err}");
    assert!(broken.stdout.is_empty(), "no code on errors");

    let mixed = docmodel(&["generate", "Pet.md", "ir.yaml"], dir.path());
    assert_eq!(mixed.status.code(), Some(2));
    assert!(stderr(&mixed).contains("on its own"), "{}", stderr(&mixed));
}

#[test]
fn an_output_that_is_one_of_the_pages_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    for command in ["generate", "ir"] {
        let output = docmodel(&[command, ".", "-o", "Pet.md"], dir.path());
        assert_eq!(
            output.status.code(),
            Some(2),
            "{command}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("one of the pages read"),
            "{}",
            stderr(&output)
        );
        let page = std::fs::read_to_string(dir.path().join("Pet.md")).unwrap();
        assert_eq!(page, GOOD, "{command} left the page as it was");
    }
}

#[test]
fn roots_cut_the_code_and_the_ir_to_what_they_reach_and_an_unknown_one_suggests_names() {
    let dir = tempfile::tempdir().unwrap();
    let tag = "# Tag\n\n## Properties\n\n| Name | Type | Description | Notes |\n| ---- | ---- | ---- | ---- |\n| **name** | **String** | The name. |  |\n";
    let store = "# Store\n\n## Properties\n\n| Name | Type | Description | Notes |\n| ---- | ---- | ---- | ---- |\n| **pets** | [**List&lt;Pet&gt;**](Pet.md) | The pets. |  |\n";
    for (file, page) in [("Pet.md", GOOD), ("Tag.md", tag), ("Store.md", store)] {
        std::fs::write(dir.path().join(file), page).unwrap();
    }
    let output = docmodel(&["check", ".", "--root", "Pet", "--roots"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let shown = String::from_utf8(output.stdout).unwrap();
    assert!(
        shown.contains("roots: 1 root(s) reach 2 of 3 models and 0 of 0 enums"),
        "{shown}"
    );
    let output = docmodel(&["check", ".", "--roots"], dir.path());
    let shown = String::from_utf8(output.stdout).unwrap();
    assert!(
        shown.contains("roots: none set, so all 3 models and 0 enums are emitted"),
        "{shown}"
    );
    std::fs::write(dir.path().join("docmodel.yaml"), "roots: [Store]\n").unwrap();
    let ir = String::from_utf8(docmodel(&["ir", "."], dir.path()).stdout).unwrap();
    assert!(
        ir.contains("- name: Store") && ir.contains("- name: Tag"),
        "{ir}"
    );
    let ir = String::from_utf8(docmodel(&["ir", ".", "--root", "Tag"], dir.path()).stdout).unwrap();
    assert!(
        !ir.contains("- name: Store") && ir.contains("- name: Tag"),
        "{ir}"
    );
    let code = docmodel(&["generate", ".", "--root", "Tag"], dir.path()).stdout;
    let code = String::from_utf8(code).unwrap();
    assert!(
        code.contains("pub struct Tag") && !code.contains("pub struct Pet"),
        "{code}"
    );
    let output = docmodel(
        &["generate", ".", "--root", "Stor", "--root", "tag"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(
        err.contains("root `Stor` names no model or enum of the docs")
            && err.contains("did you mean `Store`?")
            && err.contains("root `tag` names no model")
            && err.contains("did you mean `Tag`?"),
        "{err}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn generate_through_a_cache_writes_the_same_code_and_repeats_its_warnings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("Pet.md"), GOOD).unwrap();
    let owner = GOOD.replace("# Pet", "# Owner").replace(
        "| **tags** | [**List&lt;Tag&gt;**](Tag) | Tags. |  [optional] |\n",
        "",
    );
    std::fs::write(dir.path().join("Owner.md"), owner).unwrap();
    let plain = docmodel(&["generate", ".", "-o", "plain.rs"], dir.path());
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    for run in ["cold", "warm"] {
        let cached = docmodel(
            &["generate", ".", "-o", "cached.rs", "--cache", "cache.json"],
            dir.path(),
        );
        assert_eq!(cached.status.code(), Some(0), "{run}: {}", stderr(&cached));
        assert!(
            stderr(&cached).contains("warning[DM0300]"),
            "{run}: a piece with a warning is never served from the cache"
        );
        assert_eq!(
            std::fs::read(dir.path().join("cached.rs")).unwrap(),
            std::fs::read(dir.path().join("plain.rs")).unwrap(),
            "{run}"
        );
    }
    let kept = std::fs::read_to_string(dir.path().join("cache.json")).unwrap();
    assert!(kept.contains("pub struct Owner"), "{kept}");
    assert!(!kept.contains("pub struct Pet"), "{kept}");

    let unwritable = docmodel(
        &[
            "generate",
            ".",
            "-o",
            "x.rs",
            "--cache",
            "no-such-folder/cache.json",
        ],
        dir.path(),
    );
    assert_eq!(unwritable.status.code(), Some(2), "{}", stderr(&unwritable));
    assert!(
        stderr(&unwritable).contains("cannot write the cache file `no-such-folder/cache.json`"),
        "{}",
        stderr(&unwritable)
    );
}

#[test]
fn diff_prints_the_changes_and_fails_on_the_class_asked() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/diff");
    let (old, new) = (fixtures.join("old.yaml"), fixtures.join("new.yaml"));
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let dir = tempfile::tempdir().unwrap();
    let human = docmodel(&["diff", old, new], dir.path());
    assert_eq!(human.status.code(), Some(0), "{}", stderr(&human));
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("breaking[model_removed]: model `Gone` was removed\n  --> v1/Gone.md:1\n"),
        "{text}"
    );
    assert!(
        text.ends_with("the generated crate needs a major version\n"),
        "{text}"
    );

    let json = docmodel(&["diff", old, new, "--format", "json", "-q"], dir.path());
    let parsed: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(parsed["semver"], "major");
    assert!(stderr(&json).is_empty(), "{}", stderr(&json));

    for (class, code) in [("breaking", 1), ("wire", 1), ("any", 1)] {
        let failing = docmodel(&["diff", old, new, "--fail-on", class, "-q"], dir.path());
        assert_eq!(failing.status.code(), Some(code), "--fail-on {class}");
    }
    for class in ["breaking", "wire", "any"] {
        let same = docmodel(&["diff", new, new, "--fail-on", class, "-q"], dir.path());
        assert_eq!(same.status.code(), Some(0), "no change, --fail-on {class}");
        assert_eq!(String::from_utf8_lossy(&same.stdout), "no changes\n");
    }
    // `ToAny` alone breaks the Rust API, not the wire.
    let root = ["--root", "ToAny", "-q"];
    let api_only = |class: &str| {
        let args = [&["diff", old, new, "--fail-on", class][..], &root[..]].concat();
        docmodel(&args, dir.path()).status.code()
    };
    assert_eq!((api_only("breaking"), api_only("wire")), (Some(1), Some(0)));
    let missing = docmodel(&["diff", old, "no-such-folder"], dir.path());
    assert_eq!(missing.status.code(), Some(2), "{}", stderr(&missing));
}

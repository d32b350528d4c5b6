//! The library's decisions on an in-memory store: saves, two-tab conflicts,
//! delete and undo, imports with clashing names, a full or broken storage.

use super::decisions::{import_refused, ImportReport, OpError, Ops, SaveMode};
use crate::storage::files::{self, LibraryItem};
use crate::storage::library::{self, Entry};
use crate::storage::{MemoryStore, StorageError, Store};
use engine::ScenarioInput;
use std::cell::Cell;

/// Ids "id1", "id2", … in order.
fn ids() -> impl Fn() -> String {
    let n = Cell::new(0);
    move || {
        n.set(n.get() + 1);
        format!("id{}", n.get())
    }
}

/// The operations on `store` at time `now`.
fn ops<'a>(store: &'a MemoryStore, ids: &'a dyn Fn() -> String, now: f64) -> Ops<'a> {
    Ops {
        store,
        now,
        new_id: ids,
    }
}

/// Saves a new, unlinked scenario called `name`.
fn save_new(ops: &Ops, name: &str) -> Entry {
    ops.save(named(name), None, SaveMode::Update, &[])
        .expect("saves")
}

fn named(name: &str) -> ScenarioInput {
    ScenarioInput {
        name: name.to_owned(),
        ..ScenarioInput::default()
    }
}

fn stored(store: &MemoryStore, id: &str) -> Option<String> {
    store.get(&library::entry_key(id)).expect("reads")
}

fn taken(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

#[test]
fn a_new_save_gets_a_fresh_id_and_a_free_name_and_an_update_moves_the_revision() {
    let (store, ids) = (MemoryStore::new(), ids());
    let ops = ops(&store, &ids, 1000.0);
    let first = ops
        .save(named("Plan"), None, SaveMode::Update, &taken(&["Plan"]))
        .expect("saves");
    assert_eq!(
        (
            first.id.as_str(),
            first.name.as_str(),
            first.revision,
            first.modified
        ),
        ("id1", "Plan (2)", 1, 1000.0)
    );
    assert_eq!(
        first.scenario.name, "Plan (2)",
        "the scenario carries its name"
    );
    assert_eq!(
        stored(&store, "id1"),
        Some(library::encode_entry(&first).expect("encodes"))
    );

    // Linked to id1: same id, next revision, its own name kept (only cleaned).
    let second = ops
        .save(
            named(" Plan (2)\n"),
            Some(("id1", 1)),
            SaveMode::Update,
            &taken(&["Plan (2)"]),
        )
        .expect("saves");
    assert_eq!((second.id.as_str(), second.revision), ("id1", 2));
    assert_eq!(second.name, "Plan (2)");

    // Save as new ignores the link.
    let copy = ops
        .save(
            named("Plan (2)"),
            Some(("id1", 2)),
            SaveMode::AsNew,
            &taken(&["Plan (2)"]),
        )
        .expect("saves");
    assert_eq!(
        (copy.id.as_str(), copy.name.as_str(), copy.revision),
        ("id2", "Plan (2) (2)", 1)
    );
}

#[test]
fn a_newer_save_from_another_tab_is_never_overwritten() {
    let (store, ids) = (MemoryStore::new(), ids());
    let ops = ops(&store, &ids, 1.0);
    save_new(&ops, "Q1");
    // Tab B opened revision 1 and saved revision 2.
    let theirs = ops
        .save(named("Q1 (tab B)"), Some(("id1", 1)), SaveMode::Update, &[])
        .expect("saves");
    let before = store.snapshot();
    // Tab A still holds revision 1.
    let err = ops
        .save(named("Q1 (tab A)"), Some(("id1", 1)), SaveMode::Update, &[])
        .expect_err("refused");
    assert_eq!(err, OpError::Conflict(Box::new(theirs.clone())));
    assert_eq!(store.snapshot(), before, "nothing was overwritten");

    // The user chose to overwrite: based on the revision they were shown.
    let mine = ops
        .save(
            named("Q1 (tab A)"),
            Some(("id1", 1)),
            SaveMode::Overwrite {
                stored_revision: theirs.revision,
            },
            &[],
        )
        .expect("overwrites");
    assert_eq!(
        (mine.id.as_str(), mine.revision, mine.name.as_str()),
        ("id1", 3, "Q1 (tab A)")
    );
    // An overwrite that is itself stale is refused too.
    assert!(matches!(
        ops.save(
            named("x"),
            Some(("id1", 1)),
            SaveMode::Overwrite { stored_revision: 2 },
            &[]
        ),
        Err(OpError::Conflict(_))
    ));
}

#[test]
fn delete_then_undo_restores_the_entry_byte_for_byte() {
    let (store, ids) = (MemoryStore::new(), ids());
    let ops = ops(&store, &ids, 5.0);
    save_new(&ops, "Keep");
    save_new(&ops, "Drop");
    let before = store.snapshot();
    let deleted = ops.delete("id2").expect("deletes");
    assert_eq!(deleted.name, "Drop");
    assert_eq!(stored(&store, "id2"), None);
    assert!(stored(&store, "id1").is_some(), "the others stay");
    assert_eq!(ops.delete("id2"), Err(OpError::Gone));
    ops.undo_delete(&deleted).expect("restores");
    assert_eq!(store.snapshot(), before);
}

#[test]
fn rename_and_duplicate_keep_names_apart() {
    let (store, ids) = (MemoryStore::new(), ids());
    let ops = ops(&store, &ids, 9.0);
    save_new(&ops, "A");
    let renamed = ops.rename("id1", "B", &taken(&["B"])).expect("renames");
    assert_eq!(
        (renamed.name.as_str(), renamed.scenario.name.as_str()),
        ("B (2)", "B (2)")
    );
    assert_eq!(renamed.revision, 2);
    assert_eq!(ops.read("id1"), Some(renamed));
    let copy = ops
        .duplicate("id1", &taken(&["B (2)", "B (2) copy"]))
        .expect("duplicates");
    assert_eq!(
        (copy.id.as_str(), copy.name.as_str(), copy.revision),
        ("id2", "B (2) copy (2)", 1)
    );
    assert_eq!(ops.rename("nope", "C", &[]), Err(OpError::Gone));
    assert_eq!(ops.duplicate("nope", &[]), Err(OpError::Gone));
}

fn library_file(names: &[&str]) -> String {
    files::export_library(
        names
            .iter()
            .map(|n| LibraryItem {
                name: (*n).to_owned(),
                modified: 0.0,
                scenario: named(n),
            })
            .collect(),
    )
    .expect("exports")
}

#[test]
fn an_import_never_replaces_a_scenario_it_numbers_clashing_names() {
    let (store, ids) = (MemoryStore::new(), ids());
    let ops = ops(&store, &ids, 2.0);
    let report = ops
        .import(
            &library_file(&["Plan", "Plan", "New"]),
            "lib.json",
            &taken(&["Plan"]),
        )
        .expect("imports");
    assert_eq!(
        report,
        ImportReport {
            count: 3,
            renamed: 2,
            failed: None
        }
    );
    assert_eq!(
        report.message("lib.json"),
        "Imported 3 scenarios from “lib.json”. 2 had a name already in use and were kept as numbered copies; nothing was replaced."
    );
    let names: Vec<_> = ["id1", "id2", "id3"]
        .iter()
        .map(|id| ops.read(id).expect("stored").name)
        .collect();
    assert_eq!(names, ["Plan (2)", "Plan (3)", "New"]);
    assert_eq!(ops.read("id1").expect("stored").scenario.name, "Plan (2)");

    let one = ImportReport {
        count: 1,
        renamed: 0,
        failed: None,
    };
    assert_eq!(
        one.message(" a\u{0}.json "),
        "Imported 1 scenario from “a.json”."
    );
    let err = ops.import("{", "bad.json", &[]).expect_err("refused");
    assert!(import_refused("bad.json", &err)
        .starts_with("“bad.json” was not imported: it is not valid JSON ("));
}

#[test]
fn a_full_storage_leaves_stored_data_byte_identical_and_says_so() {
    let (store, ids) = (MemoryStore::new(), ids());
    let ops = ops(&store, &ids, 3.0);
    let saved = ops
        .save(named("Old"), None, SaveMode::Update, &[])
        .expect("saves");
    let before = store.snapshot();
    store.set_quota(Some(before.iter().map(|(k, v)| k.len() + v.len()).sum()));
    let full = OpError::Storage(StorageError::Full);

    assert_eq!(
        ops.save(named("New"), None, SaveMode::Update, &[]),
        Err(full.clone())
    );
    assert_eq!(
        ops.save(
            named("Old but longer"),
            Some(("id1", 1)),
            SaveMode::Update,
            &[]
        ),
        Err(full.clone())
    );
    assert_eq!(ops.duplicate("id1", &[]), Err(full));
    let report = ops
        .import(&library_file(&["A", "B"]), "lib.json", &[])
        .expect("read");
    assert_eq!(report.failed, Some(StorageError::Full));
    assert_eq!(store.snapshot(), before);
    assert_eq!(ops.read("id1"), Some(saved));

    store.set_quota(None);
    let deleted = ops.delete("id1").expect("deletes");
    store.set_quota(Some(0));
    assert_eq!(ops.undo_delete(&deleted), Err(StorageError::Full));
    assert_eq!(
        StorageError::Full.to_string(),
        "the browser's storage for this site is full"
    );
}

#[test]
fn a_storage_that_throws_is_reported_not_hidden() {
    let (store, ids) = (MemoryStore::new(), ids());
    let ops = ops(&store, &ids, 4.0);
    save_new(&ops, "A");
    store.set_broken(Some(StorageError::Unavailable));
    assert_eq!(
        ops.save(named("B"), None, SaveMode::Update, &[]),
        Err(OpError::Storage(StorageError::Unavailable))
    );
    // Nothing can be read, so there is nothing to rename or delete.
    assert_eq!(ops.read("id1"), None);
    assert_eq!(ops.delete("id1"), Err(OpError::Gone));
    store.set_broken(None);
    assert!(ops.read("id1").is_some(), "nothing was lost");
}

#[test]
fn the_library_exports_newest_first_and_imports_back() {
    let (store, ids) = (MemoryStore::new(), ids());
    for (now, name) in [(1.0, "Older"), (2.0, "Newer")] {
        save_new(&ops(&store, &ids, now), name);
    }
    let ops = ops(&store, &ids, 3.0);
    let file = ops.export_library().expect("exports");
    let back = files::import_file(&file, "lib.json").expect("imports");
    let names: Vec<_> = back.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["Newer", "Older"]);
}

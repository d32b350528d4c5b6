//! What the library's buttons decide, over any [`Store`]: which entry is
//! written under which name and revision, when another tab's save wins, how
//! imported names are kept apart. No Yew and no browser here (the clock and
//! fresh ids come in), so all of it is tested natively.

use crate::storage::files::{self, ImportError, LibraryItem};
use crate::storage::library::{self, Entry};
use crate::storage::{self, EncodeError, SaveError, StorageError, Store};
use engine::ScenarioInput;

/// How a save treats the stored entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SaveMode {
    /// Update the entry the form is linked to (or create one).
    Update,
    /// Always create a new entry.
    AsNew,
    /// Replace the stored entry even though it moved on (the user chose to).
    Overwrite { stored_revision: u64 },
}

/// Why an operation on a saved scenario did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum OpError {
    /// The entry is no longer stored (deleted in another tab?).
    Gone,
    /// Another tab saved a newer revision; here it is. Nothing was written.
    Conflict(Box<Entry>),
    /// Storage refused (full, blocked) or the entry could not be serialised.
    Storage(StorageError),
}

impl From<SaveError> for OpError {
    fn from(e: SaveError) -> Self {
        match e {
            SaveError::Conflict(theirs) => OpError::Conflict(theirs),
            SaveError::Storage(e) => OpError::Storage(e),
        }
    }
}

/// What an import added.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    /// Scenarios in the file.
    pub count: usize,
    /// Of those, how many were renamed because their name was taken.
    pub renamed: usize,
    /// The storage error that stopped the import part way, if any.
    pub failed: Option<StorageError>,
}

impl ImportReport {
    /// The message shown after importing `file_name`.
    pub fn message(&self, file_name: &str) -> String {
        let clash = if self.renamed > 0 {
            format!(
                " {} had a name already in use and were kept as numbered copies; nothing was replaced.",
                self.renamed
            )
        } else {
            String::new()
        };
        format!(
            "Imported {} scenario{} from “{}”.{clash}",
            self.count,
            if self.count == 1 { "" } else { "s" },
            library::clean_name(file_name)
        )
    }
}

/// The message shown when a file is refused.
pub fn import_refused(file_name: &str, error: &ImportError) -> String {
    format!(
        "“{}” was not imported: {error}.",
        library::clean_name(file_name)
    )
}

/// `name` cleaned and made different from every name in `taken`.
fn unique(name: &str, taken: &[String]) -> String {
    library::unique_name(name, &taken.iter().map(String::as_str).collect::<Vec<_>>())
}

/// The library's operations on one store, at one moment.
pub struct Ops<'a> {
    pub store: &'a dyn Store,
    /// Milliseconds since the Unix epoch, stamped on what is saved.
    pub now: f64,
    /// Makes a fresh entry id.
    pub new_id: &'a dyn Fn() -> String,
}

impl Ops<'_> {
    /// A first revision under a fresh id, the scenario carrying `name`.
    fn new_entry(&self, name: String, scenario: ScenarioInput) -> Entry {
        Entry {
            id: (self.new_id)(),
            name: name.clone(),
            modified: self.now,
            revision: 1,
            scenario: ScenarioInput { name, ..scenario },
        }
    }

    /// The saved scenario `id`, if it is stored and readable.
    pub fn read(&self, id: &str) -> Option<Entry> {
        storage::read_entry(self.store, id)
    }

    /// Saves `scenario`. `linked` is the saved scenario (id, revision) the
    /// form was opened from; `taken` the names already in the library. A
    /// new entry gets a name not yet taken; a linked one keeps its own.
    pub fn save(
        &self,
        scenario: ScenarioInput,
        linked: Option<(&str, u64)>,
        mode: SaveMode,
        taken: &[String],
    ) -> Result<Entry, OpError> {
        let linked = linked.filter(|_| mode != SaveMode::AsNew);
        let (id, based_on, revision) = match (linked, mode) {
            (Some((id, _)), SaveMode::Overwrite { stored_revision }) => {
                (id.to_owned(), Some(stored_revision), stored_revision + 1)
            }
            (Some((id, revision)), _) => (id.to_owned(), Some(revision), revision + 1),
            (None, _) => ((self.new_id)(), None, 1),
        };
        let name = if linked.is_some() {
            library::clean_name(&scenario.name)
        } else {
            unique(&scenario.name, taken)
        };
        let entry = Entry {
            id,
            name: name.clone(),
            modified: self.now,
            revision,
            scenario: ScenarioInput { name, ..scenario },
        };
        storage::save_entry(self.store, &entry, based_on)?;
        Ok(entry)
    }

    /// Renames entry `id` to a name not among `taken` (the other entries' names).
    pub fn rename(&self, id: &str, new_name: &str, taken: &[String]) -> Result<Entry, OpError> {
        let mut entry = self.read(id).ok_or(OpError::Gone)?;
        entry.name = unique(new_name, taken);
        entry.scenario.name = entry.name.clone();
        entry.modified = self.now;
        let based_on = entry.revision;
        entry.revision += 1;
        storage::save_entry(self.store, &entry, Some(based_on))?;
        Ok(entry)
    }

    /// Saves a copy of entry `id` as "<name> copy", numbered if taken.
    pub fn duplicate(&self, id: &str, taken: &[String]) -> Result<Entry, OpError> {
        let entry = self.read(id).ok_or(OpError::Gone)?;
        let name = unique(&format!("{} copy", entry.name), taken);
        let copy = self.new_entry(name, entry.scenario);
        storage::save_entry(self.store, &copy, None)?;
        Ok(copy)
    }

    /// Deletes entry `id`; returns it, so Undo can put it back.
    pub fn delete(&self, id: &str) -> Result<Entry, OpError> {
        let entry = self.read(id).ok_or(OpError::Gone)?;
        storage::delete_entry(self.store, id).map_err(OpError::Storage)?;
        Ok(entry)
    }

    /// Puts a deleted entry back, as it was.
    pub fn undo_delete(&self, entry: &Entry) -> Result<(), StorageError> {
        storage::restore_entry(self.store, entry)
    }

    /// Adds the scenarios of an imported file, never replacing one: a name
    /// among `taken` (or earlier in the file) gets a number ("Plan (2)").
    /// Stops at the first storage error and reports it.
    pub fn import(
        &self,
        text: &str,
        file_name: &str,
        taken: &[String],
    ) -> Result<ImportReport, ImportError> {
        let items = files::import_file(text, file_name)?;
        let mut taken = taken.to_vec();
        let mut report = ImportReport {
            count: items.len(),
            renamed: 0,
            failed: None,
        };
        for item in items {
            let name = unique(&item.name, &taken);
            report.renamed += usize::from(name != item.name);
            let entry = self.new_entry(name.clone(), item.scenario);
            if let Err(SaveError::Storage(e)) = storage::save_entry(self.store, &entry, None) {
                report.failed = Some(e);
                break;
            }
            taken.push(name);
        }
        Ok(report)
    }

    /// Every saved scenario as a library file.
    pub fn export_library(&self) -> Result<String, EncodeError> {
        let items = storage::load_library(self.store)
            .entries
            .into_iter()
            .map(|e| LibraryItem {
                name: e.name,
                modified: e.modified,
                scenario: e.scenario,
            })
            .collect();
        files::export_library(items)
    }
}

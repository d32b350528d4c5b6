//! The calibration game in play, owned by the app: loaded once at start
//! (`storage::load_game`), saved after every change (`storage::save_game`),
//! and shared with the game's components through [`use_game`].
//!
//! The game sits in a `RefCell` rather than a reducer's state: an action's
//! refusal ([`GameError`]) is answered at once to the control that asked,
//! and two actions in one event (a range entered, then locked) each see the
//! other's result. A counter bumped after each change re-renders the users.

use crate::game::{Game, GameAction, GameError};
use crate::storage::{self, GameLoad, LocalStore};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Why the stored game could not be used, said once at start.
#[derive(Clone, Debug, PartialEq)]
pub struct GameLoadProblem {
    /// What is wrong, in words.
    pub reason: String,
    /// The stored text as it was.
    pub raw: Rc<str>,
    /// Where a copy was kept; None: the stored game was left where it was
    /// (a newer version's), and this session's game is not saved over it.
    pub kept_as: Option<String>,
}

/// The game in play and what loading or saving it found.
#[derive(Clone)]
pub struct GameStore {
    game: Rc<RefCell<Game>>,
    changes: UseReducerHandle<Changes>,
    /// Set when the stored game could not be read.
    pub load_problem: Option<Rc<GameLoadProblem>>,
    /// Saving is paused (a newer version's game is stored).
    paused: bool,
}

/// Counts changes (and holds the last save failure), so the store's users
/// re-render after each.
#[derive(Default, PartialEq)]
struct Changes {
    count: u64,
    save_error: Option<String>,
}

impl Reducible for Changes {
    type Action = Option<String>;
    fn reduce(self: Rc<Self>, save_error: Option<String>) -> Rc<Self> {
        Rc::new(Changes {
            count: self.count + 1,
            save_error,
        })
    }
}

impl PartialEq for GameStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.game, &other.game)
            && self.changes == other.changes
            && self.load_problem == other.load_problem
    }
}

impl GameStore {
    /// A copy of the game as it is now.
    pub fn game(&self) -> Game {
        self.game.borrow().clone()
    }

    /// Applies `action` and saves the result; a refused action changes
    /// nothing and says why.
    pub fn apply(&self, action: GameAction) -> Result<(), GameError> {
        self.game.borrow_mut().apply(action)?;
        self.saved();
        Ok(())
    }

    /// Replaces the game (an imported file) and saves it.
    pub fn replace(&self, game: Game) {
        *self.game.borrow_mut() = game;
        self.saved();
    }

    /// Why the last save failed, if it did.
    pub fn save_error(&self) -> Option<&str> {
        self.changes.save_error.as_deref()
    }

    fn saved(&self) {
        let error = if self.paused {
            None
        } else {
            storage::save_game(&LocalStore, &self.game.borrow())
                .err()
                .map(|e| e.to_string())
        };
        self.changes.dispatch(error);
    }
}

/// The stored game, or a new one and why the stored one could not be used.
fn load() -> (Game, Option<GameLoadProblem>, bool) {
    match storage::load_game(&LocalStore, js_sys::Date::now()) {
        GameLoad::Loaded(game) => (game, None, false),
        GameLoad::Empty => (Game::default(), None, false),
        GameLoad::Unreadable {
            reason,
            raw,
            kept_as,
        } => {
            let paused = kept_as.is_none();
            let problem = GameLoadProblem {
                reason: reason.to_string(),
                raw: raw.into(),
                kept_as,
            };
            (Game::default(), Some(problem), paused)
        }
        GameLoad::Unavailable(e) => {
            let problem = GameLoadProblem {
                reason: e.to_string(),
                raw: "".into(),
                kept_as: None,
            };
            (Game::default(), Some(problem), false)
        }
    }
}

/// The app's game, loaded once.
#[hook]
pub fn use_game_store() -> GameStore {
    let loaded = use_memo((), |_| {
        let (game, problem, paused) = load();
        (Rc::new(RefCell::new(game)), problem.map(Rc::new), paused)
    });
    let changes = use_reducer(Changes::default);
    GameStore {
        game: loaded.0.clone(),
        changes,
        load_problem: loaded.1.clone(),
        paused: loaded.2,
    }
}

/// The game, for its components (inside the app's game context).
#[hook]
pub fn use_game() -> GameStore {
    use_context::<GameStore>()
        .unwrap_or_else(|| wasm_bindgen::throw_str("use_game must be called inside <App>"))
}

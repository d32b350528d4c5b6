//! The game's reducer: each [`GameAction`] applied to a [`Game`], all or
//! nothing.

use super::{
    clean_team_name, Entry, Game, GameAction, GameError, Phase, Round, Team, MAX_ROUNDS, MAX_TEAMS,
};

impl Game {
    /// Applies `action`; on error the game is left exactly as it was.
    pub fn apply(&mut self, action: GameAction) -> Result<(), GameError> {
        let mut next = self.clone();
        next.apply_in_place(action)?;
        *self = next;
        Ok(())
    }

    fn apply_in_place(&mut self, action: GameAction) -> Result<(), GameError> {
        match action {
            GameAction::AddTeam(name) => {
                self.in_setup()?;
                if self.teams.len() >= MAX_TEAMS {
                    return Err(GameError::TooManyTeams);
                }
                let id = self.teams.iter().map(|t| t.id).max().unwrap_or(0) + 1;
                let name = match name {
                    Some(name) => clean_team_name(&name)?,
                    None => (1..)
                        .map(|n| format!("Team {n}"))
                        .find(|n| self.teams.iter().all(|t| &t.name != n))
                        .unwrap_or_default(),
                };
                self.teams.push(Team { id, name });
            }
            GameAction::RenameTeam { team, name } => {
                let name = clean_team_name(&name)?;
                self.team_mut(team)?.name = name;
            }
            GameAction::RemoveTeam(team) => {
                self.in_setup()?;
                self.team_mut(team)?;
                if self.teams.len() == 1 {
                    return Err(GameError::LastTeam);
                }
                self.teams.retain(|t| t.id != team);
            }
            GameAction::SetRounds(n) => {
                if n == 0 || n > MAX_ROUNDS || (n as usize) < self.played.len() {
                    return Err(GameError::BadRounds(n));
                }
                self.rounds = n;
            }
            GameAction::Start => {
                self.in_setup()?;
                self.start_round();
            }
            GameAction::EnterRange { team, range } => {
                range.check()?;
                let entry = self.entry_mut(team)?;
                if entry.locked {
                    return Err(GameError::Locked(team));
                }
                entry.range = Some(range);
            }
            GameAction::Lock(team) => {
                let entry = self.entry_mut(team)?;
                if entry.range.is_none() {
                    return Err(GameError::NoRange(team));
                }
                entry.locked = true;
            }
            GameAction::Unlock(team) => self.entry_mut(team)?.locked = false,
            GameAction::Reveal(actual) => {
                if !actual.won.is_finite() || actual.won < 0.0 {
                    return Err(GameError::BadRange(
                        "the actual must be a number of at least 0".to_owned(),
                    ));
                }
                let Phase::Entering(_) = self.phase() else {
                    return Err(GameError::WrongPhase);
                };
                let round = self.played.last_mut().ok_or(GameError::WrongPhase)?;
                if !round.entries.iter().all(|e| e.locked) {
                    return Err(GameError::NotAllLocked);
                }
                round.actual = Some(actual);
            }
            GameAction::NextRound => match self.phase() {
                Phase::Revealed(_) => self.start_round(),
                _ => return Err(GameError::WrongPhase),
            },
            GameAction::Reset(seed) => {
                self.played.clear();
                if let Some(seed) = seed {
                    self.seed = seed;
                }
            }
        }
        Ok(())
    }

    fn in_setup(&self) -> Result<(), GameError> {
        match self.phase() {
            Phase::Setup => Ok(()),
            _ => Err(GameError::AlreadyStarted),
        }
    }

    fn team_mut(&mut self, team: u32) -> Result<&mut Team, GameError> {
        self.teams
            .iter_mut()
            .find(|t| t.id == team)
            .ok_or(GameError::NoSuchTeam(team))
    }

    fn start_round(&mut self) {
        self.played.push(Round {
            entries: self
                .teams
                .iter()
                .map(|t| Entry {
                    team: t.id,
                    range: None,
                    locked: false,
                })
                .collect(),
            actual: None,
        });
    }

    /// The team's entry in the round being entered; the first entry of a
    /// game in set-up starts round 1.
    fn entry_mut(&mut self, team: u32) -> Result<&mut Entry, GameError> {
        self.team_mut(team)?;
        match self.phase() {
            Phase::Setup => self.start_round(),
            Phase::Entering(_) => {}
            Phase::Revealed(_) | Phase::Finished => return Err(GameError::WrongPhase),
        }
        self.played
            .last_mut()
            .and_then(|r| r.entries.iter_mut().find(|e| e.team == team))
            .ok_or(GameError::NoSuchTeam(team))
    }
}

use super::super::{Action, AppState};
use super::*;
use engine::ScenarioInput;
use yew::Reducible;

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(&ScenarioInput::default()))
}

fn history(file: &str) -> KeptHistory {
    KeptHistory {
        file: file.to_owned(),
        url: format!("blob:{file}"),
        options: FitOptions::default(),
    }
}

fn backtest() -> Rc<Backtest> {
    let scores = engine::backtest::Scores::over(&[]);
    Rc::new(Backtest {
        settings: Default::default(),
        origins: Vec::new(),
        won: scores,
        revenue: None,
    })
}

#[test]
fn asking_without_a_history_waits_for_the_next_one_kept() {
    let s = state().reduce(Action::CheckForecast);
    assert_eq!(s.check, CheckStatus::Waiting);
    let s = s.reduce(Action::KeepHistory(history("deals.csv")));
    assert_eq!(s.check.running_id(), Some(1));
    assert_eq!(
        s.history.as_ref().map(|h| h.file.as_str()),
        Some("deals.csv")
    );
}

#[test]
fn keeping_a_history_alone_starts_nothing() {
    let s = state().reduce(Action::KeepHistory(history("a.csv")));
    assert_eq!(s.check, CheckStatus::Idle);
    let s = s.reduce(Action::CheckForecast);
    assert_eq!(
        s.check,
        CheckStatus::Running {
            id: 1,
            progress: 0.0
        }
    );
}

#[test]
fn reports_of_a_check_no_longer_current_change_nothing() {
    let s = state()
        .reduce(Action::KeepHistory(history("a.csv")))
        .reduce(Action::CheckForecast)
        .reduce(Action::CheckForecast);
    assert_eq!(s.check.running_id(), Some(2));
    let same = s.clone().reduce(Action::CheckProgress {
        id: 1,
        progress: 0.5,
    });
    assert!(Rc::ptr_eq(&same, &s));
    let s = s.reduce(Action::CheckProgress {
        id: 2,
        progress: 0.5,
    });
    assert_eq!(
        s.check,
        CheckStatus::Running {
            id: 2,
            progress: 0.5
        }
    );
    let done = s.reduce(Action::CheckFinished {
        id: 2,
        outcome: Ok(backtest()),
    });
    assert!(matches!(done.check, CheckStatus::Done(_)));
    let late = done.clone().reduce(Action::CheckFinished {
        id: 2,
        outcome: Err("late".into()),
    });
    assert!(
        Rc::ptr_eq(&late, &done),
        "a finished check takes no more reports"
    );
}

#[test]
fn stop_ends_a_running_check_and_its_later_reports_are_dropped() {
    let s = state()
        .reduce(Action::KeepHistory(history("a.csv")))
        .reduce(Action::CheckForecast)
        .reduce(Action::StopCheck);
    assert_eq!(s.check, CheckStatus::Stopped);
    let same = s.clone().reduce(Action::CheckFinished {
        id: 1,
        outcome: Err("x".into()),
    });
    assert!(Rc::ptr_eq(&same, &s));
    let again = s.clone().reduce(Action::StopCheck);
    assert!(Rc::ptr_eq(&again, &s), "nothing to stop");
    let failed = s
        .reduce(Action::CheckForecast)
        .reduce(Action::CheckFinished {
            id: 2,
            outcome: Err("The history is too short.".into()),
        });
    assert_eq!(
        failed.check,
        CheckStatus::Failed("The history is too short.".into())
    );
}

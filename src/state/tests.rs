//! The slice reducers, driven through [`AppState::reduce`] as the app does.

use super::*;
use crate::form::LeadMode;
use engine::Field;

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(&ScenarioInput::default()))
}

/// A few trials of the default scenario, as a run reports them.
fn summary() -> Summary {
    let mut sim =
        engine::Simulation::new(engine::Scenario::new(&ScenarioInput::default()).expect("valid"));
    sim.step(10);
    sim.summary()
}

fn entry(id: &str, revision: u64) -> Rc<Entry> {
    Rc::new(Entry {
        id: id.to_owned(),
        name: format!("Scenario {id}"),
        modified: 0.0,
        revision,
        scenario: ScenarioInput::default(),
    })
}

mod form {
    use super::*;

    #[test]
    fn a_bad_edit_disables_run_and_a_fix_enables_it() {
        let s = state().reduce(Action::Edit(Field::StageRate(1), "150".into()));
        assert!(!s.can_run());
        assert!(s.errors.contains_key(&Field::StageRate(1)));
        assert_eq!(s.form.rates[1], "150", "the typed text is kept");
        let s = s.reduce(Action::Edit(Field::StageRate(1), "30".into()));
        assert!(s.can_run());
        assert_eq!(s.scenario.as_ref().map(|x| x.stages[1].rate), Some(0.3));
    }

    #[test]
    fn an_edit_outdates_results_only_when_the_scenario_changes() {
        let s = state().reduce(Action::Edit(Field::Leads, "1000".into()));
        assert!(!s.results_outdated, "same scenario as typed before");
        let s = s.reduce(Action::Edit(Field::Leads, "1,000".into()));
        assert!(!s.results_outdated, "same number, other spelling");
        let s = s.reduce(Action::Edit(Field::Leads, "900".into()));
        assert!(s.results_outdated);
    }

    #[test]
    fn edits_without_an_input_change_nothing() {
        for field in [
            Field::Version,
            Field::Stages,
            Field::StageRate(7),
            Field::Pipeline(6),
        ] {
            let before = state();
            let after = before.clone().reduce(Action::Edit(field, "1".into()));
            assert!(Rc::ptr_eq(&before, &after), "{field}");
        }
    }

    #[test]
    fn weekly_leads_ask_for_a_horizon() {
        let s = state().reduce(Action::SetLeadMode(LeadMode::PerWeek));
        assert!(s.errors.contains_key(&Field::Horizon));
        let s = s.reduce(Action::Edit(Field::Horizon, "13".into()));
        assert!(s.can_run());
        assert_eq!(
            s.scenario.as_ref().and_then(|x| x.horizon_weeks),
            Some(13.0)
        );
    }

    #[test]
    fn history_and_values_switch_reach_the_scenario() {
        let s = state().reduce(Action::ApplyHistory {
            stage: 2,
            won: 1,
            of: 4,
        });
        assert_eq!(s.scenario.as_ref().map(|x| x.stages[2].rate), Some(0.25));
        let same = s.clone().reduce(Action::ApplyHistory {
            stage: 2,
            won: 5,
            of: 4,
        });
        assert!(Rc::ptr_eq(&same, &s), "impossible history is refused");
        let s = s.reduce(Action::SetValuesOn(true));
        assert!(s.scenario.as_ref().is_some_and(|x| x.deal_value.is_some()));
    }

    #[test]
    fn a_market_swing_and_lead_bursts_reach_the_scenario_and_outdate_results() {
        let s = state().reduce(Action::Edit(Field::MarketSd, "0.15".into()));
        assert_eq!(
            s.scenario.as_ref().and_then(|x| x.market).map(|m| m.sd),
            Some(0.15)
        );
        assert!(s.results_outdated);
        let s = s
            .reduce(Action::SetLeadMode(LeadMode::PerWeek))
            .reduce(Action::Edit(Field::Horizon, "13".into()))
            .reduce(Action::Edit(Field::LeadDispersion, "-2".into()));
        assert!(
            s.errors.contains_key(&Field::LeadDispersion),
            "{:?}",
            s.errors
        );
        let s = s.reduce(Action::Edit(Field::LeadDispersion, "8".into()));
        assert_eq!(
            s.scenario.as_ref().and_then(|x| x.lead_dispersion),
            Some(8.0)
        );
    }

    #[test]
    fn the_same_currency_again_changes_nothing() {
        let s = state().reduce(Action::SetCurrency("EUR".into()));
        assert_eq!(s.currency, "EUR");
        let again = s.clone().reduce(Action::SetCurrency("EUR".into()));
        assert!(Rc::ptr_eq(&again, &s));
    }
}

mod library {
    use super::*;

    fn welcoming() -> Rc<AppState> {
        let mut s = AppState::new(&crate::presets::default_draft());
        s.welcome = true;
        Rc::new(s)
    }

    #[test]
    fn start_blank_leaves_the_welcome_and_keeps_the_draft_and_its_results() {
        let s = welcoming()
            .reduce(Action::RunStarted {
                run_id: 1,
                now_ms: 0.0,
            })
            .reduce(Action::Done {
                run_id: 1,
                summary: summary(),
                now_ms: 0.0,
            });
        let before = (s.scenario.clone(), s.summary.clone());
        let s = s.reduce(Action::LeaveWelcome);
        assert!(!s.welcome);
        assert_eq!((s.scenario.clone(), s.summary.clone()), before);
        assert!(!s.results_outdated, "nothing changed: no re-run needed");
        let again = s.clone().reduce(Action::LeaveWelcome);
        assert!(Rc::ptr_eq(&again, &s));
    }

    #[test]
    fn opening_a_preset_leaves_the_welcome() {
        let preset = (crate::presets::PRESETS[2].scenario)();
        let s = welcoming().reduce(Action::Open {
            scenario: Box::new(preset.clone()),
            from: None,
            shared: false,
        });
        assert!(!s.welcome);
        assert_eq!(s.scenario.as_ref(), Some(&preset));
    }

    #[test]
    fn a_save_links_the_form_moves_the_entry_up_and_settles_a_conflict() {
        let s = state()
            .reduce(Action::LibraryLoaded(vec![
                EntryMeta::from(&*entry("a", 1)),
                EntryMeta::from(&*entry("b", 1)),
            ]))
            .reduce(Action::Notify(Notice::Conflict(entry("b", 2))));
        let s = s.reduce(Action::Saved(EntryMeta::from(&*entry("b", 3))));
        assert_eq!(
            s.current,
            Some(Current {
                id: "b".into(),
                revision: 3
            })
        );
        let ids: Vec<&str> = s.library.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
        assert!(s.notices.is_empty());
    }

    #[test]
    fn the_same_list_again_changes_nothing() {
        let list = vec![EntryMeta::from(&*entry("a", 1))];
        let s = state().reduce(Action::LibraryLoaded(list.clone()));
        let again = s.clone().reduce(Action::LibraryLoaded(list));
        assert!(Rc::ptr_eq(&again, &s));
    }

    #[test]
    fn opening_loads_the_form_and_outdates_the_results() {
        let mut input = ScenarioInput::default();
        input.trials = 500.0;
        let s = state().reduce(Action::Open {
            scenario: Box::new(input.clone()),
            from: None,
            shared: true,
        });
        assert_eq!(s.form.trials, "500");
        assert_eq!(s.scenario.as_ref(), Some(&input));
        assert!(s.shared && s.current.is_none() && s.results_outdated);
    }

    #[test]
    fn deleting_the_open_scenario_unlinks_it_and_keeps_it_for_undo() {
        let s = state()
            .reduce(Action::Saved(EntryMeta::from(&*entry("a", 1))))
            .reduce(Action::Deleted(entry("a", 1)));
        assert!(s.library.is_empty() && s.current.is_none());
        assert_eq!(s.deleted.as_ref().map(|e| e.id.as_str()), Some("a"));
        let s = s.reduce(Action::ClearUndo);
        assert!(s.deleted.is_none());
        let again = s.clone().reduce(Action::ClearUndo);
        assert!(Rc::ptr_eq(&again, &s));
    }
}

mod runs {
    use super::*;

    #[test]
    fn stale_run_messages_are_ignored_after_cancel() {
        let s = state().reduce(Action::RunStarted {
            run_id: 1,
            now_ms: 0.0,
        });
        assert!(s.is_running());
        let s = s.reduce(Action::Cancel);
        assert_eq!(s.run, RunStatus::Cancelled);
        let after = s.clone().reduce(Action::Progress {
            run_id: 1,
            summary: summary(),
        });
        assert!(Rc::ptr_eq(&after, &s));
    }

    #[test]
    fn a_run_finishes_with_the_time_it_took_and_only_its_own_reports_count() {
        let s = state()
            .reduce(Action::Edit(Field::Trials, "500".into()))
            .reduce(Action::RunStarted {
                run_id: 2,
                now_ms: 1000.0,
            });
        assert!(!s.results_outdated, "a new run is up to date");
        let stale = s.clone().reduce(Action::Done {
            run_id: 1,
            summary: summary(),
            now_ms: 1500.0,
        });
        assert!(Rc::ptr_eq(&stale, &s));
        let s = s.reduce(Action::Done {
            run_id: 2,
            summary: summary(),
            now_ms: 3500.0,
        });
        assert_eq!(s.run, RunStatus::Finished { elapsed_ms: 2500.0 });
        assert_eq!(s.summary.as_ref().map(|x| x.trials_done), Some(10));
        let late = s.clone().reduce(Action::Failed {
            run_id: 2,
            message: "late".into(),
        });
        assert!(Rc::ptr_eq(&late, &s), "a finished run does not fail");
        let cancel = s.clone().reduce(Action::Cancel);
        assert!(Rc::ptr_eq(&cancel, &s), "nothing to cancel");
    }

    #[test]
    fn a_failed_run_says_why() {
        let s = state()
            .reduce(Action::RunStarted {
                run_id: 3,
                now_ms: 0.0,
            })
            .reduce(Action::Failed {
                run_id: 3,
                message: "out of memory".into(),
            });
        assert_eq!(s.run, RunStatus::Failed("out of memory".into()));
    }
}

mod notices {
    use super::*;

    #[test]
    fn unreadable_draft_without_a_copy_pauses_autosave() {
        let s = state().reduce(Action::Notify(Notice::UnreadableDraft {
            reason: "x".into(),
            raw: "x".into(),
            kept_as: None,
        }));
        assert!(!s.autosave);
        let s = s.reduce(Action::ResumeAutosave);
        assert!(s.autosave && s.notices.is_empty());
    }

    #[test]
    fn a_notice_shows_once_and_a_newer_save_failure_replaces_the_older() {
        let s = state()
            .reduce(Action::Notify(Notice::SaveFailed("full".into())))
            .reduce(Action::Notify(Notice::UpdateReady));
        let again = s.clone().reduce(Action::Notify(Notice::UpdateReady));
        assert!(Rc::ptr_eq(&again, &s));
        let s = s.reduce(Action::Notify(Notice::SaveFailed("denied".into())));
        assert_eq!(
            s.notices,
            [Notice::UpdateReady, Notice::SaveFailed("denied".into())]
        );
        let s = s.reduce(Action::Dismiss(0)).reduce(Action::Dismiss(5));
        assert_eq!(s.notices, [Notice::SaveFailed("denied".into())]);
        assert!(s.autosave);
    }
}

mod mystery {
    use super::*;

    #[test]
    fn mystery_mode_hides_until_reveal_and_a_new_question_hides_again() {
        let s = state();
        assert_eq!(s.mystery, Mystery::Off);
        assert!(Rc::ptr_eq(&s.clone().reduce(Action::Reveal), &s));
        let s = s.reduce(Action::SetMystery(true));
        assert!(s.mystery.hides());
        let again = s.clone().reduce(Action::SetMystery(true));
        assert!(Rc::ptr_eq(&again, &s), "switching on twice changes nothing");
        let s = s.reduce(Action::Reveal);
        assert_eq!(s.mystery, Mystery::Revealed);
        // Results arriving do not hide the answer; a changed scenario does.
        let s = s.reduce(Action::RunStarted {
            run_id: 1,
            now_ms: 0.0,
        });
        assert_eq!(s.mystery, Mystery::Revealed);
        let s = s.reduce(Action::Edit(Field::Seed, "7".into()));
        assert!(s.mystery.hides());
        let s = s.reduce(Action::SetMystery(false));
        assert_eq!(s.mystery, Mystery::Off);
        let s = s.reduce(Action::Edit(Field::Seed, "8".into()));
        assert_eq!(s.mystery, Mystery::Off, "off stays off");
    }
}

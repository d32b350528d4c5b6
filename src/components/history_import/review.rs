//! The review of an imported history: what was read, the choices the fit
//! needs (stage mapping, date order, as of and since), and the fit with its
//! evidence. Plain functions: the component in the parent file holds the
//! state; callbacks carry the new [`FitOptions`].

use crate::download::download_text;
use crate::history_text::{day_long, notes_csv, rate_with_interval};
use crate::money::money;
use charts::format::{count, mean};
use engine::history::{DateOrder, Day, Fit, FitOptions, HistoryError, HistoryReport, Target};
use engine::DEFAULT_STAGE_NAMES;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the review shows, and where its choices go.
pub struct ReviewView<'a> {
    pub file: &'a str,
    pub options: &'a FitOptions,
    /// Some while the worker reads: the share read.
    pub progress: Option<f64>,
    pub report: Option<&'a HistoryReport>,
    pub failed: Option<&'a str>,
    pub currency: &'a str,
    /// The options changed: fit again.
    pub on_options: Callback<FitOptions>,
    pub on_use: Callback<()>,
    pub on_cancel: Callback<()>,
}

pub fn review(v: &ReviewView) -> Html {
    let progress = v.progress.map(|p| {
        html! {
            <div class="history-progress">
                <progress max="1" value={format!("{p:.3}")} aria-label="Reading the file" />
                <button type="button" class="button small" onclick={v.on_cancel.reform(|_| ())}>{ "Cancel" }</button>
            </div>
        }
    });
    let failed = v
        .failed
        .map(|m| html! { <p role="alert" class="history-error">{ m }</p> });
    let Some(report) = v.report else {
        return html! { <>{ progress }{ failed }</> };
    };
    let fit = report.fit.as_ref();
    let shape = report.layout.as_ref().map(|l| {
        let columns = l.columns.iter().map(|(role, header)| format!("{role}: “{header}”"));
        html! {
            <>
                <p>{ format!("{}, {}, {} rows, separator “{}”.", v.file, l.shape, count(report.rows as f64), l.separator) }</p>
                <details class="hint-text">
                    <summary>{ format!("Columns read ({})", l.columns.len()) }</summary>
                    { columns.collect::<Vec<_>>().join(" · ") }
                </details>
            </>
        }
    });
    let error = fit
        .err()
        .map(|e| html! { <p role="alert" class="history-error">{ e.to_string() }</p> });
    let asks_order =
        matches!(fit, Err(HistoryError::AmbiguousDates { .. })) || v.options.date_order.is_some();
    let unmapped = matches!(fit, Err(HistoryError::UnmappedLabels(_)));
    html! {
        <div class="history-review">
            { progress }
            { failed }
            <p class="history-private">{ "The file never leaves your browser." }</p>
            { shape }
            { error }
            if asks_order { { date_order(v) } }
            if !report.labels.is_empty() { { mapping(v, report, unmapped) } }
            if report.layout.is_some() { { window(v, fit.ok()) } }
            if let Ok(fit) = fit { { fitted(v, fit) } }
        </div>
    }
}

/// A new copy of the options, changed by `change`, as a re-run.
fn rerun<E: 'static>(v: &ReviewView, change: impl Fn(&mut FitOptions, E) + 'static) -> Callback<E> {
    let (options, on_options) = (v.options.clone(), v.on_options.clone());
    Callback::from(move |e: E| {
        let mut next = options.clone();
        change(&mut next, e);
        on_options.emit(next);
    })
}

fn date_order(v: &ReviewView) -> Html {
    let radio = |order: DateOrder, label: &'static str| {
        let pick = rerun(v, move |o, _: Event| o.date_order = Some(order));
        html! {
            <label class="choice">
                <input type="radio" name="history-date-order" checked={v.options.date_order == Some(order)} onchange={pick} />
                { label }
            </label>
        }
    };
    html! {
        <fieldset class="history-order">
            <legend>{ "How does the file write dates?" }</legend>
            { radio(DateOrder::Dmy, "Day first (dd/mm/yyyy)") }
            { radio(DateOrder::Mdy, "Month first (mm/dd/yyyy)") }
        </fieldset>
    }
}

const TARGETS: [Target; 9] = [
    Target::Stage(0),
    Target::Stage(1),
    Target::Stage(2),
    Target::Stage(3),
    Target::Stage(4),
    Target::Stage(5),
    Target::Won,
    Target::Lost,
    Target::Ignore,
];

fn target_text(target: Target) -> &'static str {
    match target {
        Target::Stage(i) => DEFAULT_STAGE_NAMES.get(i).copied().unwrap_or(""),
        Target::Won => "Won",
        Target::Lost => "Lost",
        Target::Ignore => "Ignore",
    }
}

fn mapping(v: &ReviewView, report: &HistoryReport, unmapped: bool) -> Html {
    let rows = report.labels.iter().map(|l| {
        let label = l.label.clone();
        let choose = rerun(v, move |o, e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(target) = Target::parse(&select.value()) {
                o.stage_map.retain(|(k, _)| *k != label);
                o.stage_map.push((label.clone(), target));
            }
        });
        let options = TARGETS.iter().map(|t| {
            html! { <option value={t.name()} selected={l.target == Some(*t)}>{ target_text(*t) }</option> }
        });
        html! {
            <tr>
                <th scope="row">{ &l.label }</th>
                <td>{ count(l.uses as f64) }</td>
                <td>
                    <select aria-label={l.label.clone()} onchange={choose}>
                        if l.target.is_none() { <option value="" selected=true>{ "Choose…" }</option> }
                        { for options }
                    </select>
                </td>
            </tr>
        }
    });
    html! {
        <details class="history-mapping" open={unmapped}>
            <summary>{ format!("Stage mapping ({} labels)", report.labels.len()) }</summary>
            <table class="data-table">
                <thead><tr><th scope="col">{ "CRM stage" }</th><th scope="col">{ "Uses" }</th><th scope="col">{ "Funnel stage" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </details>
    }
}

fn window(v: &ReviewView, fit: Option<&Fit>) -> Html {
    let day_input = |label: &'static str,
                     value: Option<Day>,
                     set: fn(&mut FitOptions, Option<Day>)| {
        let change = rerun(v, move |o, e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            set(o, Day::parse_iso(&input.value()));
        });
        html! {
            <label class="history-day">
                { label }
                <input type="date" value={value.map(|d| d.to_string()).unwrap_or_default()} onchange={change} />
            </label>
        }
    };
    html! {
        <div class="history-window">
            { day_input("As of", v.options.as_of.or(fit.map(|f| f.as_of)), |o, d| o.as_of = d) }
            { day_input("Since", v.options.since, |o, d| o.since = d) }
        </div>
    }
}

fn fitted(v: &ReviewView, fit: &Fit) -> Html {
    let rows = fit.stages.iter().map(|s| {
        html! {
            <tr>
                <th scope="row">{ &s.name }</th>
                <td>{ count(s.entered as f64) }</td>
                <td>{ count(s.moved_on as f64) }</td>
                <td>{ count(s.lost as f64) }</td>
                <td>{ count(s.open as f64) }</td>
                <td>{ rate_with_interval(s) }</td>
                <td>{ s.days.map(mean).unwrap_or_else(|| "–".to_owned()) }</td>
            </tr>
        }
    });
    let top = fit.leads.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bars = fit.leads.counts.iter().enumerate().map(|(i, c)| {
        let h = 100.0 * f64::from(*c) / top;
        html! { <rect x={i.to_string()} y={format!("{:.1}", 100.0 - h)} width="0.8" height={format!("{h:.1}")} /> }
    });
    let leads = format!(
        "{} new deals a week on average over {} complete weeks from {}.",
        mean(fit.leads.per_week),
        fit.leads.weeks,
        day_long(fit.leads.first_week)
    );
    let values = match fit.deal_value {
        Some(d) => format!(
            "Deal value: median {}, 90th percentile {}, from {} won deals.",
            money(d.median, v.currency),
            money(d.p90, v.currency),
            count(d.won as f64)
        ),
        None => "Deal value: no won deal with an amount; the current values are kept.".to_owned(),
    };
    let pipeline = fit
        .stages
        .iter()
        .zip(fit.pipeline)
        .map(|(s, n)| format!("{} {}", s.name, count(n as f64)));
    let left_out = fit.dropped.iter().filter(|n| !n.kept).count();
    let flagged = fit.dropped.len() - left_out;
    let notes = fit.dropped.clone();
    let file = format!("{}-left-out.csv", v.file.trim_end_matches(".csv"));
    let download = Callback::from(move |_: MouseEvent| {
        download_text(&file, "text/csv", &notes_csv(&notes));
    });
    html! {
        <>
            <table class="data-table history-stages">
                <caption>{ format!("{} deals as of {}", count(fit.deals as f64), day_long(fit.as_of)) }</caption>
                <thead><tr>
                    <th scope="col">{ "Stage" }</th><th scope="col">{ "Entered" }</th><th scope="col">{ "Moved on" }</th>
                    <th scope="col">{ "Lost" }</th><th scope="col">{ "Open" }</th>
                    <th scope="col">{ "Rate (90 % interval)" }</th><th scope="col">{ "Days" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <div class="history-leads">
                <svg viewBox={format!("0 0 {} 100", fit.leads.counts.len().max(1))} preserveAspectRatio="none"
                     role="img" aria-label="Deals created per week">{ for bars }</svg>
                <p>{ leads }</p>
            </div>
            <p>{ values }</p>
            <p>{ "Open pipeline: " }{ pipeline.collect::<Vec<_>>().join(" · ") }</p>
            <p>
                { format!("{} rows left out, {} kept but flagged. ", count(left_out as f64), count(flagged as f64)) }
                if !fit.dropped.is_empty() {
                    <button type="button" class="button small ghost" onclick={download}>{ "Download left-out rows (CSV)" }</button>
                }
            </p>
            <div class="history-actions">
                <button type="button" class="button primary" disabled={v.progress.is_some()}
                        onclick={v.on_use.reform(|_| ())}>{ "Use these numbers" }</button>
            </div>
        </>
    }
}

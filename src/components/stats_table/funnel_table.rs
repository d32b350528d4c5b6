//! The funnel as a table: per stage, the mean deals reaching it, the
//! P10–P90 band and the drop-off.

use charts::format;
use engine::Summary;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FunnelTableProps {
    pub summary: Rc<Summary>,
}

/// Per-stage mean, band and drop-off.
#[component]
pub fn FunnelTable(props: &FunnelTableProps) -> Html {
    let rows = props.summary.stages.iter().map(|s| {
        html! {
            <tr>
                <th scope="row">{ s.name.clone() }</th>
                <td>{ format::mean(s.reached.mean) }</td>
                <td>{ format::count(s.reached.p10) }</td>
                <td>{ format::count(s.reached.p90) }</td>
                <td>{ s.drop_off.map(format::percent).unwrap_or_else(|| "–".to_owned()) }</td>
            </tr>
        }
    });
    html! {
        <table class="data-table" aria-label="Funnel table">
            <caption>{ "Funnel: deals reaching each stage" }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Stage" }</th>
                    <th scope="col">{ "Mean" }</th>
                    <th scope="col">{ "P10" }</th>
                    <th scope="col">{ "P90" }</th>
                    <th scope="col">{ "Drop-off" }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

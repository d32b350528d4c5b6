//! The left panel: run controls, then every input of the scenario.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use super::{LeadsSection, MoneySection, RunControls, StageRow, TargetsSection};
use engine::STAGE_COUNT;
use yew::prelude::*;

/// The panel; its sections read the shared state themselves.
pub fn scenario_panel() -> Html {
    html! {
        <section class="panel scenario" aria-labelledby="scenario-title">
            <h2 id="scenario-title">{ "Scenario" }</h2>
            <RunControls />
            <LeadsSection />
            <h3 class="section-title" id="stages-title">{ "Sales stages" }</h3>
            <p class="section-note">
                { "Each rate is the share of deals in a stage that move on to the next." }
            </p>
            <ol class="stages" aria-labelledby="stages-title">
                { for (0..STAGE_COUNT).map(|i| html! { <StageRow key={i} index={i} /> }) }
            </ol>
            <MoneySection />
            <TargetsSection />
        </section>
    }
}

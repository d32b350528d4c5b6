//! What the classroom shows while the scenario has errors: a way back.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenarioErrorsProps {
    /// The classroom's root and heading, as the full view has them (the
    /// heading takes focus on entry).
    pub root: NodeRef,
    pub heading: NodeRef,
    pub on_exit: Callback<()>,
}

#[component]
pub fn ScenarioErrors(props: &ScenarioErrorsProps) -> Html {
    let exit = props.on_exit.reform(|_: MouseEvent| ());
    html! {
        <div class="classroom" ref={props.root.clone()}>
            <h1 ref={props.heading.clone()} tabindex="-1">{ "Classroom" }</h1>
            <p class="classroom-message" role="alert">{ "The scenario has errors. Fix them in the workspace, then come back." }</p>
            <button type="button" class="cl-button" onclick={exit}>{ "Back to workspace" }</button>
        </div>
    }
}

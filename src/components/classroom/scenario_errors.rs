//! What the classroom shows while the scenario has errors: a way back.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use yew::prelude::*;

/// The message and the way back. `root` and `heading` are the classroom's
/// root and heading, as the full view has them (the heading takes focus on
/// entry).
pub fn scenario_errors(root: NodeRef, heading: NodeRef, on_exit: &Callback<()>) -> Html {
    let exit = on_exit.reform(|_: MouseEvent| ());
    html! {
        <div class="classroom" ref={root}>
            <h1 ref={heading} tabindex="-1">{ "Classroom" }</h1>
            <p class="classroom-message" role="alert">{ "The scenario has errors. Fix them in the workspace, then come back." }</p>
            <button type="button" class="cl-button" onclick={exit}>{ "Back to workspace" }</button>
        </div>
    }
}

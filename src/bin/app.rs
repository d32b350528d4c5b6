//! The app's entry point: renders the root component.

fn main() {
    yew::Renderer::<funnelcast::app::App>::new().render();
}

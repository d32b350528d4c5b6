//! Dragging the histogram's target: while a pointer is down the target
//! follows it (rounded as a person would type it); letting go sets it.

use charts::histogram::{round_target, Histogram};
use charts::Frame;
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

/// The drag's state and the chart it happens on.
pub struct Drag {
    /// The target under the pointer, while a drag is on.
    pub value: Option<f64>,
    /// The `<svg>` the pointer moves over.
    pub svg: NodeRef,
    state: UseStateHandle<Option<f64>>,
}

/// The pointer handlers for the `<svg>`.
pub struct Handlers {
    pub down: Callback<PointerEvent>,
    pub moved: Callback<PointerEvent>,
    pub up: Callback<PointerEvent>,
}

#[hook]
pub fn use_drag() -> Drag {
    let state = use_state(|| None::<f64>);
    Drag {
        value: *state,
        svg: use_node_ref(),
        state,
    }
}

impl Drag {
    /// Handlers reading values through `h` laid out in `frame`; `on_target`
    /// receives the target when the pointer is let go.
    pub fn handlers(
        &self,
        frame: Frame,
        h: Histogram,
        whole_numbers: bool,
        on_target: Callback<f64>,
    ) -> Handlers {
        let to_value = {
            let svg = self.svg.clone();
            move |e: &PointerEvent| -> Option<f64> {
                let rect = svg.cast::<Element>()?.get_bounding_client_rect();
                let x = frame.view_x(e.client_x() as f64 - rect.left(), rect.width());
                Some(round_target(h.value_at(x), whole_numbers))
            }
        };
        let down = {
            let (state, svg, to_value) = (self.state.clone(), self.svg.clone(), to_value.clone());
            Callback::from(move |e: PointerEvent| {
                if let Some(svg) = svg.cast::<Element>() {
                    let _ = svg.set_pointer_capture(e.pointer_id());
                }
                state.set(to_value(&e));
            })
        };
        let moved = {
            let state = self.state.clone();
            Callback::from(move |e: PointerEvent| {
                if state.is_some() {
                    state.set(to_value(&e));
                }
            })
        };
        let up = {
            let state = self.state.clone();
            Callback::from(move |_: PointerEvent| {
                if let Some(v) = *state {
                    on_target.emit(v);
                }
                state.set(None);
            })
        };
        Handlers { down, moved, up }
    }
}

//! The room's guess of the deals won this quarter, asked before the
//! quarter plays or the many runs come in.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use yew::prelude::*;

/// What the guess field says when its text is not a number of deals.
const NOT_A_COUNT: &str = "Type a number of deals, like 25.";

/// The guess in `text`: `Ok(None)` while empty, an error message when it
/// is not a non-negative number.
pub fn parse_guess(text: &str) -> Result<Option<f64>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .ok()
        .filter(|g| g.is_finite() && *g >= 0.0)
        .map(Some)
        .ok_or(NOT_A_COUNT)
}

/// The guess field holding `text`, the text typed so far.
pub fn room_guess(text: &str, on_input: &Callback<String>) -> Html {
    let error = parse_guess(text).err();
    let on_input = on_input.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.value()
    });
    html! {
        <section class="guess" aria-labelledby="guess-title">
            <h2 id="guess-title" class="visually-hidden">{ "Guess first" }</h2>
            <label for="room-guess">{ "Room's guess: deals won this quarter" }</label>
            <input id="room-guess" type="text" inputmode="decimal" value={text.to_owned()}
                   oninput={on_input} aria-invalid={error.is_some().to_string()}
                   aria-describedby="room-guess-help" />
            <p id="room-guess-help" class={classes!("hint", error.map(|_| "error"))}>
                { error.unwrap_or("Guess first: ask the room before you play the quarter or run many.") }
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guess_is_a_non_negative_number_or_nothing_yet() {
        assert_eq!(parse_guess(""), Ok(None));
        assert_eq!(parse_guess("  "), Ok(None));
        assert_eq!(parse_guess(" 25 "), Ok(Some(25.0)));
        assert_eq!(parse_guess("12.5"), Ok(Some(12.5)));
        assert_eq!(parse_guess("0"), Ok(Some(0.0)));
        assert_eq!(parse_guess("-3"), Err(NOT_A_COUNT));
        assert_eq!(parse_guess("lots"), Err(NOT_A_COUNT));
        assert_eq!(parse_guess("inf"), Err(NOT_A_COUNT));
        assert_eq!(parse_guess("NaN"), Err(NOT_A_COUNT));
    }
}

//! What happens in each stage of the sales process, in plain words.

use engine::STAGE_COUNT;

/// One line per stage, in process order.
pub const STAGE_HELP: [&str; STAGE_COUNT] = [
    "Finding people and companies likely to need the product: research, networking, cold outreach, events.",
    "Checking fit: need, budget, authority to buy, timeline (BANT).",
    "Discovering the prospect's pain points and goals by questioning and listening.",
    "Demonstrating how the offer solves those specific problems: demo, proposal.",
    "Answering concerns about price, features and competition; building trust.",
    "Asking for the commitment and finalising the sale. A deal that passes Closing is won.",
    "After the sale: satisfaction, support, upsell and cross-sell, referrals. Its rate is the share of won customers who buy again.",
];

/// What a stage's rate means, where it differs from "moves on to the next
/// stage" (which the stage list states once for all).
pub fn rate_meaning(stage: usize) -> Option<&'static str> {
    match stage {
        5 => Some("win rate"),
        6 => Some("buy again"),
        _ => None,
    }
}

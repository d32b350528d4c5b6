//! Records → deals: stage labels mapped to the funnel, each deal's entries,
//! close and amount, flags for stage dates out of order.
// E2

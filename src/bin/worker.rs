//! The simulation worker's entry point.

use funnelcast::worker::{JobWorker, Json};
use gloo::worker::Registrable;

fn main() {
    JobWorker::registrar().encoding::<Json>().register();
}

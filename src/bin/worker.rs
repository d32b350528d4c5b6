//! The simulation worker's entry point.

use funnelcast::worker::{Json, SimWorker};
use gloo::worker::Registrable;

fn main() {
    SimWorker::registrar().encoding::<Json>().register();
}

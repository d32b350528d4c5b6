//! The forecast workers' entry point: simulation jobs only.

use funnelcast::worker::{JobWorker, Json, ModelJobs};
use gloo::worker::Registrable;

fn main() {
    JobWorker::<ModelJobs>::registrar()
        .encoding::<Json>()
        .register();
}

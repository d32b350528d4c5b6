//! The helper worker's entry point: every job, reading history files too.

use funnelcast::worker::{AllJobs, JobWorker, Json};
use gloo::worker::Registrable;

fn main() {
    JobWorker::<AllJobs>::registrar()
        .encoding::<Json>()
        .register();
}

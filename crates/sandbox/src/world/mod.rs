//! The in-memory world the routes read and change.

pub(crate) mod access;
pub(crate) mod build;
pub(crate) mod demo_plan;
pub(crate) mod model;
pub(crate) mod names;
pub(crate) mod seed_demo;
pub(crate) mod seed_large;
pub mod summary;

use crate::config::Scale;
use model::World;

/// The world for `scale`, deterministic in `seed` and relative to `now` (Unix seconds).
pub(crate) fn generate(scale: Scale, seed: u64, now: i64) -> World {
    match scale {
        Scale::Demo | Scale::Large(0) => seed_demo::generate(seed, now),
        Scale::Large(n) => seed_large::generate(n, seed, now),
        Scale::OneLargeOrganisation(n) => seed_large::one_organisation(n, seed, now),
        Scale::Reseller => seed_large::reseller(seed, now),
    }
}

//! Helpers shared by integration tests: each test file uses only some of them.
#![allow(dead_code)]

pub mod invariants;
pub mod vocabulary;

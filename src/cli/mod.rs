//! Command-line front ends on the same core.

pub fn main() -> i32 {
    0
}

//! Word lists the analysis relies on. (Being written.)

use crate::corpus::config::Config;

#[derive(Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    pub fn with_config(_config: &Config) -> Lexicon {
        Lexicon {}
    }
}

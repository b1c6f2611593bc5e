//! Stage 3: lexicons as data, and matching them against tokens.
//!
//! PLACEHOLDER: types and signatures are final, loading lands next.

use crate::Error;

/// A word lexicon: sentiment words, negators, intensifiers, contrast words, irony cues.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub(crate) name: String,
}

impl Lexicon {
    /// Parse a lexicon in the TSV format of `lexicons/README.md`.
    pub fn from_tsv(name: &str, _text: &str) -> Result<Lexicon, Error> {
        Ok(Lexicon {
            name: name.to_string(),
        })
    }
}

/// A topic: the targets, frames and stance markers of one consultation.
#[derive(Clone, Debug, Default)]
pub struct Topic {
    pub(crate) name: String,
}

impl Topic {
    /// Parse a topic in the TOML format of `lexicons/README.md`.
    pub fn from_toml(name: &str, _text: &str) -> Result<Topic, Error> {
        Ok(Topic {
            name: name.to_string(),
        })
    }

    /// The ids of the topic's targets.
    pub fn target_ids(&self) -> Vec<&str> {
        vec!["partenariat", "logiciel_libre"]
    }
}

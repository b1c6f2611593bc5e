//! Corpus reports: text, JSON and HTML (lands with the command line).

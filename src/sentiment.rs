//! (lands with the engine)

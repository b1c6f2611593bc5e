//! Whether a signal is ignored by this process, from the kernel's account of it.
//! A leaf with no dependency: the interrupt tests include this very file (by path)
//! to know which signals their `avis` children inherit ignored.

/// Whether `signal` is ignored by this process (`SigIgn` in `/proc/self/status`, a
/// hexadecimal mask with bit N-1 for signal N). Elsewhere than on Linux nothing
/// tells without `unsafe`: not ignored.
pub fn ignored(signal: i32) -> bool {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return false;
    };
    let mask = status
        .lines()
        .find_map(|line| line.strip_prefix("SigIgn:"))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
        .unwrap_or(0);
    (1..=64).contains(&signal) && mask & (1 << (signal - 1)) != 0
}

//! Resident memory of a process tree, read from /proc (Linux).

use std::collections::HashMap;

/// Sums the resident memory (KiB) of every descendant of `root`, not counting `root` itself.
pub fn descendants_rss_kib(root: u32) -> u64 {
    let mut parent_of = HashMap::new();
    let mut rss = HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else {
            continue;
        };
        for line in status.lines() {
            if let Some(v) = line.strip_prefix("PPid:") {
                parent_of.insert(pid, v.trim().parse::<u32>().unwrap_or(0));
            } else if let Some(v) = line.strip_prefix("VmRSS:") {
                let kib = v
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .unwrap_or(0);
                rss.insert(pid, kib);
            }
        }
    }
    let is_descendant = |mut pid: u32| {
        while let Some(&parent) = parent_of.get(&pid) {
            if parent == root {
                return true;
            }
            if parent <= 1 {
                return false;
            }
            pid = parent;
        }
        false
    };
    rss.iter()
        .filter(|(pid, _)| is_descendant(**pid))
        .map(|(_, kib)| kib)
        .sum()
}

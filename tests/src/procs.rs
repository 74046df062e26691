//! The processes of a running app, read from /proc (Linux): their memory, and whether they are
//! gone.

use std::collections::HashMap;

/// Every process: its parent and its resident memory (KiB).
fn table() -> HashMap<u32, (u32, u64)> {
    let mut out = HashMap::new();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return out;
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
        let (mut parent, mut kib) = (0, 0);
        for line in status.lines() {
            if let Some(v) = line.strip_prefix("PPid:") {
                parent = v.trim().parse::<u32>().unwrap_or(0);
            } else if let Some(v) = line.strip_prefix("VmRSS:") {
                kib = v
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .unwrap_or(0);
            }
        }
        out.insert(pid, (parent, kib));
    }
    out
}

/// The process ids below `root` (its children, theirs, and so on), not `root` itself.
pub fn descendants(root: u32) -> Vec<u32> {
    let table = table();
    let is_descendant = |mut pid: u32| {
        while let Some(&(parent, _)) = table.get(&pid) {
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
    table
        .keys()
        .copied()
        .filter(|p| is_descendant(*p))
        .collect()
}

/// Sums the resident memory (KiB) of every descendant of `root`, not counting `root` itself.
pub fn descendants_rss_kib(root: u32) -> u64 {
    let table = table();
    descendants(root)
        .iter()
        .filter_map(|p| table.get(p).map(|(_, kib)| kib))
        .sum()
}

/// The resident memory (KiB) of every descendant of `root` by process name (`ik-desk`,
/// `WebKitWebProcess`…): what each holds now (`VmRSS`) and the most it ever held (`VmHWM`), each
/// summed over the processes of that name. Tells which process a peak belongs to.
pub fn descendants_by_name(root: u32) -> std::collections::BTreeMap<String, (u64, u64)> {
    let mut out = std::collections::BTreeMap::new();
    for pid in descendants(root) {
        let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else {
            continue;
        };
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().trim_end_matches("kB").trim().to_owned())
        };
        let kib = |name: &str| field(name).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        let name = field("Name:").unwrap_or_default();
        let entry: &mut (u64, u64) = out.entry(name).or_default();
        entry.0 += kib("VmRSS:");
        entry.1 += kib("VmHWM:");
    }
    out
}

/// Whether `pid` still runs: it exists and has not exited (an exited child waiting to be reaped
/// has closed its files and connections already).
pub fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        // The state follows the command name, which is in parentheses and may contain spaces.
        stat.rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X")
    })
}

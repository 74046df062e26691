//! Command-line flags: few, for the demo and for people who script the app.

/// What the app was asked to do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    /// Start in demo mode: the local API in-process, nothing written to disk or the keyring.
    pub demo: bool,
}

/// What to do instead of starting, when the flags ask for it or are wrong.
#[derive(Debug, PartialEq, Eq)]
pub enum Early {
    Help,
    Version,
    Unknown(String),
}

pub const USAGE: &str = "Usage: ik-desk [--demo]\n\n  --demo     open the app on a built-in demo organisation (no account needed)\n  --help     show this help\n  --version  show the version";

/// Reads the flags. Unknown ones are refused rather than ignored, so a typo is noticed.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, Early> {
    let mut parsed = Args::default();
    for arg in args {
        match arg.as_str() {
            "--demo" => parsed.demo = true,
            "-h" | "--help" => return Err(Early::Help),
            "-V" | "--version" => return Err(Early::Version),
            // Arguments the WebDriver harness or the desktop may append are not ours to refuse.
            a if a.starts_with("--webkit") || a.starts_with("-psn_") => {}
            other => return Err(Early::Unknown(other.to_owned())),
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Args, Early> {
        parse(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn flags() {
        assert_eq!(p(&[]), Ok(Args { demo: false }));
        assert_eq!(p(&["--demo"]), Ok(Args { demo: true }));
        assert_eq!(p(&["--help"]), Err(Early::Help));
        assert_eq!(p(&["--demi"]), Err(Early::Unknown("--demi".into())));
    }
}

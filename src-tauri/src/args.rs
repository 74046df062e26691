//! Command-line flags: few, for the demo and for people who script the app.

/// What the app was asked to do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    /// Start in demo mode: the local API in-process, nothing written to disk or the keyring.
    pub demo: bool,
    /// Sign in to this API instead of Infomaniak's (a local test API).
    pub api_base: Option<String>,
    /// Start in the tray without showing the window (how start at login opens it).
    pub hidden: bool,
}

/// What to do instead of starting, when the flags ask for it or are wrong.
#[derive(Debug, PartialEq, Eq)]
pub enum Early {
    Help,
    Version,
    Unknown(String),
}

pub const USAGE: &str = "Usage: ik-desk [--demo] [--api-base URL] [--hidden]\n\n  --demo          open the app on a built-in demo organisation (no account needed)\n  --hidden        start in the tray without showing the window\n  --api-base URL  sign in to another API than Infomaniak's (a local test API)\n  --help          show this help\n  --version       show the version";

/// Reads the flags. Unknown ones are refused rather than ignored, so a typo is noticed.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, Early> {
    let mut parsed = Args::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--demo" => parsed.demo = true,
            "--hidden" => parsed.hidden = true,
            "--api-base" => match args.next() {
                Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                    parsed.api_base = Some(url);
                }
                _ => return Err(Early::Unknown("--api-base needs an http(s) URL".into())),
            },
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
        assert_eq!(p(&[]), Ok(Args::default()));
        assert_eq!(
            p(&["--demo"]),
            Ok(Args {
                demo: true,
                ..Args::default()
            })
        );
        assert_eq!(
            p(&["--api-base", "http://127.0.0.1:8080"]).map(|a| a.api_base),
            Ok(Some("http://127.0.0.1:8080".into()))
        );
        assert!(p(&["--api-base"]).is_err());
        assert!(p(&["--api-base", "127.0.0.1"]).is_err());
        assert_eq!(p(&["--hidden"]).map(|a| a.hidden), Ok(true));
        assert_eq!(p(&["--help"]), Err(Early::Help));
        assert_eq!(p(&["--demi"]), Err(Early::Unknown("--demi".into())));
    }
}

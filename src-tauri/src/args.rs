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
    /// A flag this version does not know, as typed.
    Unknown(String),
    /// `--api-base` without an http(s) URL after it.
    ApiBaseNeedsUrl,
}

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
                _ => return Err(Early::ApiBaseNeedsUrl),
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

/// Why a fault setting for the demo was not taken.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum FaultSettingError {
    #[error("the rate must be a number from 0 to 1, not {0:?}")]
    Rate(String),
    #[error("the seed must be a whole number, not {0:?}")]
    Seed(String),
}

/// Reads the demo's fault rate (0 to 1) and seed (the demo's own when absent).
///
/// # Errors
/// [`FaultSettingError`] naming the value that is not one.
pub fn demo_faults(rate: &str, seed: Option<&str>) -> Result<(f64, u64), FaultSettingError> {
    let rate_value: f64 = rate
        .trim()
        .parse()
        .map_err(|_| FaultSettingError::Rate(rate.to_owned()))?;
    if !(0.0..=1.0).contains(&rate_value) {
        return Err(FaultSettingError::Rate(rate.to_owned()));
    }
    let seed = match seed {
        Some(s) => s
            .trim()
            .parse()
            .map_err(|_| FaultSettingError::Seed(s.to_owned()))?,
        None => desk::DEMO_SEED,
    };
    Ok((rate_value, seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_fault_settings_are_checked() {
        assert_eq!(demo_faults("0.2", Some("7")), Ok((0.2, 7)));
        assert_eq!(demo_faults(" 1 ", None), Ok((1.0, desk::DEMO_SEED)));
        assert!(matches!(
            demo_faults("1.5", None),
            Err(FaultSettingError::Rate(_))
        ));
        assert!(matches!(
            demo_faults("lots", None),
            Err(FaultSettingError::Rate(_))
        ));
        assert!(matches!(
            demo_faults("0.1", Some("x")),
            Err(FaultSettingError::Seed(_))
        ));
    }

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
        assert_eq!(p(&["--api-base"]), Err(Early::ApiBaseNeedsUrl));
        assert_eq!(p(&["--api-base", "127.0.0.1"]), Err(Early::ApiBaseNeedsUrl));
        assert_eq!(p(&["--hidden"]).map(|a| a.hidden), Ok(true));
        assert_eq!(p(&["--help"]), Err(Early::Help));
        assert_eq!(p(&["--demi"]), Err(Early::Unknown("--demi".into())));
    }
}

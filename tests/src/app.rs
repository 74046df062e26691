use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An expected number of elements never showed up.
#[derive(Debug, thiserror::Error)]
#[error("{css}: {found} elements, expected {expected}")]
pub struct CountTimeout {
    pub css: String,
    pub found: usize,
    pub expected: usize,
}

/// Why a screenshot could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    #[error("WebDriver: {0}")]
    Driver(#[from] fantoccini::error::CmdError),
    #[error("writing the screenshot: {0}")]
    File(#[from] std::io::Error),
    #[error("the window's picture did not come within {0:?}")]
    Timeout(Duration),
}

/// How long a screenshot may take before the test fails instead of hanging.
const SCREENSHOT_WAIT: Duration = Duration::from_secs(30);

/// Puts a one-pixel, all but transparent square in the window's corner, changes its colour every
/// 100 ms for 3 s (each change is a drawing), then takes it away. The square is above everything,
/// hidden from assistive technology and lets clicks through.
const REPAINT: &str = "const dot = document.createElement('div'); dot.setAttribute('aria-hidden', 'true'); \
    dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;z-index:2147483647;pointer-events:none'; \
    document.documentElement.append(dot); let n = 0; \
    const t = setInterval(() => { n += 1; \
    dot.style.backgroundColor = n % 2 ? 'rgba(128,128,128,0.02)' : 'rgba(128,128,128,0.01)'; \
    if (n >= 30) { clearInterval(t); dot.remove(); } }, 100);";

/// Why a session could not start.
#[derive(Debug, thiserror::Error)]
pub enum LaunchError {
    #[error(
        "IK_DESK_APP is not set: run the end-to-end tests with `make test-e2e`, which builds the app first"
    )]
    NoApp,
    #[error("the app binary {0} does not exist: run `make app`")]
    MissingApp(PathBuf),
    #[error("WebKitWebDriver could not start ({0}): install the package webkit2gtk-driver")]
    NoDriver(std::io::Error),
    #[error("WebKitWebDriver did not listen on port {port}")]
    NoListen { port: u16 },
    #[error("WebKitWebDriver gave no session within 60 s")]
    SessionTimeout,
    #[error("WebKitWebDriver did not accept a session: {0}")]
    Session(#[from] fantoccini::error::NewSessionError),
    #[error("the demo's organisations never showed: {0}")]
    DemoNotReady(#[source] fantoccini::error::CmdError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// How to start the app.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    /// Extra arguments, e.g. `--demo`.
    pub args: Vec<String>,
    /// Another binary than the app under test (the benchmark's bare window).
    pub binary: Option<PathBuf>,
    /// Extra environment for the app (e.g. `IK_DESK_API_BASE`).
    pub env: Vec<(String, String)>,
    /// A home folder to reuse (a restart); kept when the app closes.
    pub home: Option<PathBuf>,
}

/// A running app and its WebDriver session.
#[derive(Debug)]
pub struct App {
    pub client: Client,
    driver: Child,
    pub home: PathBuf,
    keep_home: bool,
}

impl App {
    /// Starts WebKitWebDriver and, through it, the app.
    ///
    /// # Errors
    /// [`LaunchError`] naming what is missing.
    pub async fn launch(launch: Launch) -> Result<Self, LaunchError> {
        let binary = match launch.binary {
            Some(b) => b,
            None => PathBuf::from(std::env::var_os("IK_DESK_APP").ok_or(LaunchError::NoApp)?),
        };
        if !binary.exists() {
            return Err(LaunchError::MissingApp(binary));
        }
        let keep_home = launch.home.is_some();
        let home = launch.home.unwrap_or_else(|| {
            std::env::temp_dir().join(format!("ik-desk-e2e-{}-{}", std::process::id(), unique()))
        });
        for sub in ["data", "config", "cache", "runtime"] {
            std::fs::create_dir_all(home.join(sub))?;
        }
        let port = free_port()?;
        let driver = Command::new("WebKitWebDriver")
            .arg(format!("--port={port}"))
            // Without it the app's webview refuses automation and the session request hangs.
            .env("TAURI_WEBVIEW_AUTOMATION", "true")
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("XDG_RUNTIME_DIR", home.join("runtime"))
            .envs(launch.env)
            .stdout(Stdio::null())
            .stderr(log_file(&home)?)
            .spawn()
            .map_err(LaunchError::NoDriver)?;
        wait_for_port(port, Duration::from_secs(10)).await?;
        let mut caps = serde_json::Map::new();
        caps.insert(
            "webkitgtk:browserOptions".into(),
            serde_json::json!({ "binary": binary, "args": launch.args }),
        );
        let client = tokio::time::timeout(
            Duration::from_secs(60),
            ClientBuilder::native()
                .capabilities(caps)
                .connect(&format!("http://127.0.0.1:{port}")),
        )
        .await
        .map_err(|_| LaunchError::SessionTimeout)??;
        Ok(Self {
            client,
            driver,
            home,
            keep_home,
        })
    }

    /// What the app and its driver wrote to standard error so far (for a failing scenario's message).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.home.join("app.log")).unwrap_or_default()
    }

    /// The app in demo mode, once its organisations are painted (where most scenarios start).
    ///
    /// # Errors
    /// [`LaunchError`], or [`LaunchError::DemoNotReady`] when the organisations never show.
    pub async fn demo() -> Result<Self, LaunchError> {
        let app = Self::launch(Launch {
            args: vec!["--demo".into()],
            ..Launch::default()
        })
        .await?;
        app.wait_for("[data-testid=org-name]", Duration::from_secs(30))
            .await
            .map_err(LaunchError::DemoNotReady)?;
        Ok(app)
    }

    /// Waits until an element matching `css` is on screen.
    ///
    /// # Errors
    /// When it does not appear within `timeout`.
    pub async fn wait_for(
        &self,
        css: &str,
        timeout: Duration,
    ) -> Result<(), fantoccini::error::CmdError> {
        self.look_for(css, timeout, Duration::from_millis(250))
            .await
    }

    /// Like [`App::wait_for`], looking every 10 ms instead of every 250 ms: for the benchmarks,
    /// whose figures would otherwise be rounded up to the next look.
    ///
    /// # Errors
    /// When it does not appear within `timeout`.
    pub async fn time_until(
        &self,
        css: &str,
        timeout: Duration,
    ) -> Result<(), fantoccini::error::CmdError> {
        self.look_for(css, timeout, Duration::from_millis(10)).await
    }

    async fn look_for(
        &self,
        css: &str,
        timeout: Duration,
        every: Duration,
    ) -> Result<(), fantoccini::error::CmdError> {
        self.client
            .wait()
            .at_most(timeout)
            .every(every)
            .for_element(Locator::Css(css))
            .await
            .map(drop)
    }

    /// Clicks the element matching `css` once it is on screen.
    ///
    /// # Errors
    /// When it does not appear within `timeout` or cannot be clicked.
    pub async fn click(
        &self,
        css: &str,
        timeout: Duration,
    ) -> Result<(), fantoccini::error::CmdError> {
        let end = Instant::now() + timeout;
        loop {
            self.wait_for(css, timeout).await?;
            let clicked = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.click().await,
                Err(e) => Err(e),
            };
            // A list that repaints (fresh data arriving, a virtual list re-laying its rows)
            // replaces the element between waiting for it, finding it and clicking it: find it
            // again, as a person's next click would.
            match clicked {
                Err(e)
                    if (e.is_stale_element_reference() || e.is_no_such_element())
                        && Instant::now() < end =>
                {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                done => return done,
            }
        }
    }

    /// Clicks `button_css` inside the first element matching `row_css` whose text contains
    /// `containing`; answers that row (to read its attributes), or `None` when no row matches.
    ///
    /// # Errors
    /// WebDriver failures.
    pub async fn click_in_row(
        &self,
        row_css: &str,
        containing: &str,
        button_css: &str,
    ) -> Result<Option<fantoccini::elements::Element>, fantoccini::error::CmdError> {
        for row in self.client.find_all(Locator::Css(row_css)).await? {
            if row.text().await?.contains(containing) {
                row.find(Locator::Css(button_css)).await?.click().await?;
                return Ok(Some(row));
            }
        }
        Ok(None)
    }

    /// Opens the "⋯" menu of the first row matching `row_css` whose text contains `containing`
    /// and chooses the entry `entry_css` in it; answers that row, or `None` when no row matches.
    ///
    /// # Errors
    /// WebDriver failures, or the entry not appearing within `timeout`.
    pub async fn row_action(
        &self,
        row_css: &str,
        containing: &str,
        entry_css: &str,
        timeout: Duration,
    ) -> Result<Option<fantoccini::elements::Element>, fantoccini::error::CmdError> {
        let end = Instant::now() + timeout;
        // The list may still be the one shown before (another organisation's, loading): look
        // again until a row matches or the time is up, as a person would wait for it.
        let row = loop {
            match self
                .click_in_row(row_css, containing, "[data-testid=row-menu]")
                .await?
            {
                Some(row) => break row,
                None if Instant::now() >= end => return Ok(None),
                None => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        loop {
            match row.find(Locator::Css(entry_css)).await {
                Ok(entry) => {
                    entry.click().await?;
                    return Ok(Some(row));
                }
                Err(e) if Instant::now() >= end => return Err(e),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// Types `text` into the element matching `css`.
    ///
    /// # Errors
    /// WebDriver failures.
    pub async fn type_into(
        &self,
        css: &str,
        text: &str,
    ) -> Result<(), fantoccini::error::CmdError> {
        self.client
            .find(Locator::Css(css))
            .await?
            .send_keys(text)
            .await
    }

    /// Waits until exactly `n` elements match `css` (a row added or gone).
    ///
    /// # Errors
    /// When the count is still different after `timeout`, saying what it was.
    pub async fn wait_count(
        &self,
        css: &str,
        n: usize,
        timeout: Duration,
    ) -> Result<(), CountTimeout> {
        let start = Instant::now();
        loop {
            let found = self
                .client
                .find_all(Locator::Css(css))
                .await
                .map_or(0, |v| v.len());
            if found == n {
                return Ok(());
            }
            if start.elapsed() > timeout {
                return Err(CountTimeout {
                    css: css.to_owned(),
                    found,
                    expected: n,
                });
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The texts of every element matching `css`.
    ///
    /// # Errors
    /// WebDriver failures.
    pub async fn texts(&self, css: &str) -> Result<Vec<String>, fantoccini::error::CmdError> {
        let mut out = Vec::new();
        for el in self.client.find_all(Locator::Css(css)).await? {
            out.push(el.text().await?.trim().to_owned());
        }
        Ok(out)
    }

    /// Saves a screenshot of the window under `target/e2e-screenshots/NAME.png`.
    ///
    /// # Errors
    /// WebDriver or file failures.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf, ScreenshotError> {
        // An element can be in the DOM a frame before it is painted.
        tokio::time::sleep(Duration::from_millis(500)).await;
        // WebKit takes the picture after the window's next drawing. A window that paints in
        // software (no GPU: this machine, CI) draws only when something changed, so on a page at
        // rest that drawing never comes and the picture never returns (WebKitGTK 2.50). An
        // invisible change, a few times over, gives it the drawing; the page is left as it was.
        self.client.execute(REPAINT, vec![]).await?;
        let png = tokio::time::timeout(SCREENSHOT_WAIT, self.client.screenshot())
            .await
            .map_err(|_| ScreenshotError::Timeout(SCREENSHOT_WAIT))??;
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-screenshots");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// The process id of the WebDriver server; the app runs as its descendant.
    pub fn driver_pid(&self) -> u32 {
        self.driver.id()
    }

    /// Ends the session, the app and the driver, and waits until the app's processes are gone: a
    /// restart on the same home right after must not find the previous one still running (the
    /// app hands a second launch on the same data over to the running one).
    pub async fn close(mut self) {
        let processes = crate::procs::descendants(self.driver.id());
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let gone = || processes.iter().all(|p| !crate::procs::running(*p));
        let end = std::time::Instant::now() + Duration::from_secs(5);
        while !gone() && std::time::Instant::now() < end {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // Still there after the session ended: end them, as a person would from a task manager.
        for pid in processes.iter().filter(|p| crate::procs::running(**p)) {
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status();
        }
        let end = std::time::Instant::now() + Duration::from_secs(5);
        while !gone() && std::time::Instant::now() < end {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        if !self.keep_home {
            let _ = std::fs::remove_dir_all(&self.home);
        }
    }
}

/// What the driver and the app wrote to stderr, kept in the home folder for a failing test to show.
fn log_file(home: &std::path::Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(home.join("app.log"))
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

async fn wait_for_port(port: u16, timeout: Duration) -> Result<(), LaunchError> {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(LaunchError::NoListen { port })
}

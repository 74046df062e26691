//! Demo mode: the local API in-process on a loopback port, signed in with a session-only profile.

use crate::Desk;
use crate::error::Error;
use crate::organisations::Me;
use crate::session::ProfileSummary;
use crate::session::{ProfileId, Session};
use crate::sync::Area;
use infomaniak::ApiToken;
use std::sync::Arc;

impl Desk {
    /// Starts the demo API (once) and signs into it. Touches neither the network nor the keyring.
    ///
    /// # Errors
    /// [`Error::Demo`] when the local API cannot start; the API's error if signing in fails.
    pub async fn start_demo(self: &Arc<Self>) -> Result<ProfileSummary, Error> {
        let mut running = self.demo.lock().await;
        let base_url = match running.as_ref() {
            Some(sandbox) => sandbox.base_url(),
            None => {
                let config = sandbox::SandboxConfig {
                    faults: self
                        .demo_faults
                        .map(|(rate, seed)| sandbox::FaultPlan::at_rate(rate, seed)),
                    ..sandbox::SandboxConfig::demo()
                };
                let sandbox = sandbox::Sandbox::start(config).await.map_err(Error::Demo)?;
                let url = sandbox.base_url();
                *running = Some(sandbox);
                url
            }
        };
        drop(running);
        let client = self.new_client(&base_url, ApiToken::new(sandbox::tokens::DEMO))?;
        let me: Me = client.profile().await?.into();
        let profile = ProfileId::demo();
        self.store.put_cached(
            &profile,
            Area::Profile.as_str(),
            "",
            &me,
            self.clock.unix_now(),
        )?;
        let summary = ProfileSummary {
            id: profile,
            label: me.display_name.clone(),
            display_name: me.display_name,
            email: me.email,
            demo: true,
            signed_in: true,
            token_refused: false,
        };
        self.activate(Session {
            client,
            summary: summary.clone(),
        })?;
        Ok(summary)
    }
}

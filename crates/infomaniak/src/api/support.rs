//! Support access of the signed-in person (`unverified` routes: a `404 method_not_found` means
//! the Manager's help-desk page must do it).

use crate::call::Call;
use crate::client::Client;
use crate::error::{Error, RequestError};
use crate::models::{SupportAccess, SupportContent, SupportSwitch};
use crate::routes::Route;

impl Client {
    /// Which content the support team may look into, and until when.
    ///
    /// # Errors
    /// Any [`Error`]; 404 `method_not_found` where the API lacks the route.
    pub async fn support_accesses(&self) -> Result<Vec<SupportAccess>, Error> {
        let call = Call::to(Route::SupportAccesses, &[]);
        Ok(self.send(&call).await?.data)
    }

    /// Grants (for 7 days) or revokes the support team's access to one kind of content; the
    /// others are untouched.
    ///
    /// # Errors
    /// [`Error::Request`] for [`SupportContent::Unknown`]; otherwise any [`Error`], 404
    /// `method_not_found` where the API lacks the route.
    pub async fn set_support_access(
        &self,
        content: SupportContent,
        enabled: bool,
    ) -> Result<SupportAccess, Error> {
        let name = content
            .as_str()
            .ok_or(RequestError::UnknownSupportContent)?;
        let call = Call::to(Route::SupportAccessSet, &[&name]).json(&SupportSwitch { enabled })?;
        Ok(self.send(&call).await?.data)
    }
}

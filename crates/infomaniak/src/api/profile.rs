//! The signed-in person.

use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::models::Profile;
use crate::routes::Route;

/// Related data `GET /2/profile` can include (`with=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProfileWith {
    /// Every e-mail address of the person.
    Emails,
    /// Every phone number of the person.
    Phones,
}

impl ProfileWith {
    fn as_str(self) -> &'static str {
        match self {
            ProfileWith::Emails => "emails",
            ProfileWith::Phones => "phones",
        }
    }
}

impl Client {
    /// The signed-in person.
    ///
    /// # Errors
    /// Any [`Error`]; a 401 means the token is invalid or revoked, a 403 that it lacks `user_info`.
    pub async fn profile(&self) -> Result<Profile, Error> {
        let call = Call::to(Route::Profile, &[]);
        Ok(self.send(&call).await?.data)
    }

    /// The signed-in person with related data (`with=emails,phones`).
    ///
    /// # Errors
    /// As [`Client::profile`].
    pub async fn profile_with(&self, with: &[ProfileWith]) -> Result<Profile, Error> {
        let mut call = Call::to(Route::Profile, &[]);
        if !with.is_empty() {
            let names: Vec<&str> = with.iter().map(|w| w.as_str()).collect();
            call.set("with", names.join(","));
        }
        Ok(self.send(&call).await?.data)
    }
}

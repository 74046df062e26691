//! Products a user can reach. The shape is not published, so an item is read field by field:
//! a product id and a service name are required, everything else is kept as it came.

use super::lenient::id_of;
use crate::ids::{AccountId, ProductId, ServiceId};
use serde::Deserialize;
use serde::de::{Deserializer, Error as _};
use serde_json::{Map, Value};

/// One product a user can reach (`GET …/users/{user_id}/app_accesses`).
#[derive(Debug, Clone, PartialEq)]
pub struct AppAccess {
    /// The product (`product_id`, or `id` when only that is sent).
    pub product_id: ProductId,
    /// Its kind (`service_name`, or `service`).
    pub service_name: String,
    /// Its kind's id, when sent.
    pub service_id: Option<ServiceId>,
    /// What users call it, when sent.
    pub customer_name: Option<String>,
    /// Its organisation, when sent.
    pub account_id: Option<AccountId>,
    /// The user's role on it, when sent.
    pub role: Option<String>,
    /// Every other field, as sent.
    pub extra: Map<String, Value>,
}

impl<'de> Deserialize<'de> for AppAccess {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let Value::Object(mut map) = Value::deserialize(de)? else {
            return Err(D::Error::custom("an app access must be an object"));
        };
        let mut take = |keys: &[&str]| keys.iter().find_map(|k| map.remove(*k));
        let product_id = take(&["product_id", "id"])
            .as_ref()
            .and_then(id_of)
            .ok_or_else(|| D::Error::missing_field("product_id"))?;
        let service_name = match take(&["service_name", "service"]) {
            Some(Value::String(name)) if !name.is_empty() => name,
            _ => return Err(D::Error::missing_field("service_name")),
        };
        let service_id = take(&["service_id"]).as_ref().and_then(id_of);
        let account_id = take(&["account_id"]).as_ref().and_then(id_of);
        let text = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_owned));
        let customer_name = text(take(&["customer_name"]));
        let role = text(take(&["role"]));
        Ok(Self {
            product_id: ProductId(product_id),
            service_name,
            service_id: service_id.map(ServiceId),
            customer_name,
            account_id: account_id.map(AccountId),
            role,
            extra: map,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::lenient::keep_decodable;
    use serde_json::json;

    #[test]
    fn reads_known_names_keeps_the_rest_and_skips_odd_items() {
        let got: Vec<AppAccess> = keep_decodable(json!([
            {"product_id": 7, "service_name": "drive", "customer_name": "Team drive", "quota": 5},
            {"id": "8", "service": "mail"},
            {"service_name": "no id"},
            "not an object",
        ]));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].product_id, ProductId(7));
        assert_eq!(got[0].customer_name.as_deref(), Some("Team drive"));
        assert_eq!(got[0].extra.get("quota"), Some(&json!(5)));
        assert_eq!(
            (got[1].product_id.0, got[1].service_name.as_str()),
            (8, "mail")
        );
    }
}

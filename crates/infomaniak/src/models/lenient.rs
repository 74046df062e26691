//! Decoding for the fields the API document leaves loose: a surprise there never fails an answer.

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer};
use serde_json::Value;

/// The value if it has the expected shape, else the type's default (`null`, a wrong type, an
/// unknown shape). Pair with `#[serde(default)]` for absent fields.
pub(crate) fn or_default<'de, D, T>(de: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let value = Value::deserialize(de)?;
    Ok(T::deserialize(value).unwrap_or_default())
}

/// Ids given as numbers, numeric strings or objects with an `id`; anything else is skipped.
pub(crate) fn ids<'de, D, I>(de: D) -> Result<Vec<I>, D::Error>
where
    D: Deserializer<'de>,
    I: From<u64>,
{
    let value = Value::deserialize(de)?;
    let Value::Array(items) = value else {
        return Ok(Vec::new());
    };
    Ok(items.iter().filter_map(id_of).map(I::from).collect())
}

/// A moment that may not have happened: the spec makes `last_login_at` a required integer, so a
/// person who never signed in can only be sent `0` (or, loosely, `null`); both read as never.
pub(crate) fn moment<'de, D>(de: D) -> Result<Option<i64>, D::Error>
where
    D: Deserializer<'de>,
{
    let value = Value::deserialize(de)?;
    Ok(value.as_i64().filter(|t| *t > 0))
}

pub(crate) fn id_of(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        Value::Object(map) => map.get("id").and_then(id_of),
        _ => None,
    }
}

/// An amount sent as a number or as a decimal string (`"12.50"`).
pub(crate) fn amount<'de, D>(de: D) -> Result<Option<f64>, D::Error>
where
    D: Deserializer<'de>,
{
    Ok(match Value::deserialize(de)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

/// Items of a list whose shape is not published: each one that decodes is kept, an odd one is
/// skipped (and logged) instead of failing the whole list.
pub(crate) fn items<'de, D, T>(de: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(keep_decodable(Value::deserialize(de)?))
}

/// Like [`items`], for an optional expansion (`with=…`).
pub(crate) fn some_items<'de, D, T>(de: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(match Value::deserialize(de)? {
        Value::Null => None,
        value => Some(keep_decodable(value)),
    })
}

/// The decodable items of an array (or of an object's values, a shape some routes use).
pub(crate) fn keep_decodable<T: DeserializeOwned>(value: Value) -> Vec<T> {
    let items = match value {
        Value::Array(items) => items,
        Value::Object(map) => map.into_iter().map(|(_, v)| v).collect(),
        _ => return Vec::new(),
    };
    items
        .into_iter()
        .enumerate()
        .filter_map(|(index, item)| match T::deserialize(item) {
            Ok(item) => Some(item),
            Err(e) => {
                tracing::warn!(index, "skipped an item the client cannot read: {e}");
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Row {
        #[serde(default, deserialize_with = "or_default")]
        flag: bool,
        #[serde(default, deserialize_with = "ids")]
        teams: Vec<u64>,
        #[serde(default, deserialize_with = "amount")]
        price: Option<f64>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Seen {
        #[serde(default, deserialize_with = "moment")]
        at: Option<i64>,
    }

    #[test]
    fn a_moment_of_zero_or_nothing_is_never() {
        let at = |v: serde_json::Value| {
            serde_json::from_value::<Seen>(json!({ "at": v }))
                .unwrap()
                .at
        };
        assert_eq!(at(json!(1_700_000_000)), Some(1_700_000_000));
        assert_eq!(at(json!(0)), None, "the spec's integer for never");
        assert_eq!(at(json!(null)), None);
        assert_eq!(at(json!(-5)), None);
        assert_eq!(at(json!("yesterday")), None);
        assert_eq!(serde_json::from_value::<Seen>(json!({})).unwrap().at, None);
    }

    #[test]
    fn loose_fields_fall_back_instead_of_failing() {
        let row: Row = serde_json::from_value(
            json!({"flag": null, "teams": [1, "2", {"id": 3}, "x"], "price": "12.50"}),
        )
        .unwrap();
        assert_eq!(
            row,
            Row {
                flag: false,
                teams: vec![1, 2, 3],
                price: Some(12.5)
            }
        );
        let row: Row = serde_json::from_value(json!({"flag": "yes", "teams": 4})).unwrap();
        assert_eq!((row.flag, row.teams.len(), row.price), (false, 0, None));
    }

    #[test]
    fn odd_items_are_skipped_not_fatal() {
        let got: Vec<Row> = keep_decodable(json!([{"flag": true}, 7, {"flag": false}]));
        assert_eq!(got.len(), 3 - 1);
    }
}

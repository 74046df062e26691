//! Raw HTTP against a running sandbox: no client crate, so a wrong field name cannot hide.

#![allow(dead_code)] // not every module uses every helper

use std::sync::Arc;

use reqwest::Method;
use sandbox::{ManualClock, OrgSummary, Sandbox, SandboxConfig, tokens};
use serde_json::Value;

pub struct Api {
    pub sandbox: Sandbox,
    pub client: reqwest::Client,
    pub token: String,
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client")
}

/// A config on a frozen clock; the limit is raised so tests that are not about it never meet it.
pub fn config(clock: &ManualClock) -> SandboxConfig {
    SandboxConfig {
        clock: Arc::new(clock.clone()),
        rate_limit_per_minute: 10_000,
        ..SandboxConfig::demo()
    }
}

impl Api {
    pub async fn start(config: SandboxConfig) -> Self {
        let sandbox = Sandbox::start(config).await.expect("sandbox starts");
        Self {
            sandbox,
            client: client(),
            token: tokens::DEMO.to_owned(),
        }
    }

    /// The Extended demo world on a frozen clock.
    pub async fn demo() -> (Self, ManualClock) {
        let clock = ManualClock::starting_now();
        (Self::start(config(&clock)).await, clock)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sandbox.base_url())
    }

    pub fn org(&self, name_part: &str) -> OrgSummary {
        self.sandbox
            .world()
            .org_named(name_part)
            .cloned()
            .unwrap_or_else(|| panic!("no organisation named like {name_part}"))
    }

    pub async fn call_as(
        &self,
        token: Option<&str>,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status().as_u16();
        let text = response.text().await.expect("body read");
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        (status, json)
    }

    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
        self.call_as(Some(&self.token), method, path, body).await
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.call(Method::GET, path, None).await
    }

    pub async fn get_query(&self, path: &str, query: &[(&str, &str)]) -> (u16, Value) {
        let response = self
            .client
            .get(self.url(path))
            .query(query)
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("request sent");
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::PATCH, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str) -> (u16, Value) {
        self.call(Method::DELETE, path, None).await
    }
}

/// `error.code` of an error envelope.
pub fn code(body: &Value) -> &str {
    assert_eq!(body["result"], "error", "not an error envelope: {body}");
    body["error"]["code"].as_str().unwrap_or_default()
}

/// Attributes named in `error.errors[]`.
pub fn attributes(body: &Value) -> Vec<String> {
    body["error"]["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| e["context"]["attribute"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

pub fn items(body: &Value) -> &Vec<Value> {
    body["data"].as_array().expect("data is a list")
}

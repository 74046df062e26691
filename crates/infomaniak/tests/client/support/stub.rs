//! A tiny local HTTP server that answers every request with the body it is given, so the
//! client's real methods can be fed payloads the sandbox would never send.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use infomaniak::{ApiToken, Budget, Client};
use serde_json::Value;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone)]
pub struct Stub {
    pub base_url: String,
    answer: Arc<Mutex<(u16, String)>>,
}

async fn answer(State(body): State<Arc<Mutex<(u16, String)>>>) -> impl IntoResponse {
    let (status, text) = body.lock().unwrap().clone();
    (
        StatusCode::from_u16(status).unwrap(),
        [(header::CONTENT_TYPE, "application/json")],
        text,
    )
}

impl Stub {
    pub async fn start() -> Self {
        let answer = Arc::new(Mutex::new((200, String::new())));
        let app = Router::new()
            .fallback(self::answer)
            .with_state(answer.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { base_url, answer }
    }

    /// Every request from now on is answered with `status` and this JSON.
    pub fn answer(&self, status: u16, body: &Value) {
        *self.answer.lock().unwrap() = (status, body.to_string());
    }

    /// A client for the stub whose budget runs fast (see [`super::FastClock`]).
    pub fn client(&self) -> Client {
        let budget = Arc::new(Budget::for_api(Arc::new(super::FastClock::new(100))));
        Client::builder(self.base_url.clone(), ApiToken::new("stub-token"))
            .budget(budget)
            .build()
            .unwrap()
    }
}

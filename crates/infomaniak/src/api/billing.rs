//! Invoices, their PDF, and the prepaid account history (`observed` routes).

use super::list::{Listing, paged};
use crate::call::Call;
use crate::client::Client;
use crate::envelope::decode;
use crate::error::{Error, LinkRefusal, RequestError};
use crate::ids::AccountId;
use crate::models::{Invoice, PrepaidMovement};
use crate::routes::Route;
use crate::transport::Answer;
use url::Url;

/// Where the API keeps pre-signed invoice downloads.
const PDF_PREFIX: &str = "2/invoicing/invoice/pdf/";

/// `GET /2/invoicing/account/{account_id}/invoices`.
#[derive(Debug, Clone)]
pub struct InvoicesQuery {
    list: Listing,
}

paged!(InvoicesQuery, Invoice);

/// `GET /1/invoicing/{account_id}/payment/prepay/history`. Its pages are known to repeat items;
/// [`PrepaidQuery::all`] and [`PrepaidQuery::stream`] keep each movement once.
#[derive(Debug, Clone)]
pub struct PrepaidQuery {
    list: Listing,
}

paged!(PrepaidQuery, PrepaidMovement);

impl Client {
    /// The invoices of an organisation.
    pub fn invoices(&self, account: AccountId) -> InvoicesQuery {
        InvoicesQuery {
            list: Listing::new(self, Call::to(Route::Invoices, &[&account])),
        }
    }

    /// The prepaid account movements of an organisation (the balance itself is not readable).
    pub fn prepaid_history(&self, account: AccountId) -> PrepaidQuery {
        PrepaidQuery {
            list: Listing::new(self, Call::to(Route::PrepaidHistory, &[&account])),
        }
    }

    /// Downloads an invoice's PDF from its pre-signed link.
    ///
    /// # Errors
    /// As [`Client::download_invoice`]; [`Error::Request`] when the invoice has no link.
    pub async fn invoice_pdf(&self, invoice: &Invoice) -> Result<Vec<u8>, Error> {
        let link = invoice.pdf.as_deref().ok_or(RequestError::NoInvoiceLink {
            invoice: invoice.id.0,
        })?;
        self.download_invoice(link).await
    }

    /// Downloads a pre-signed invoice link. The token is not sent (the link carries its own
    /// authorisation), and only links on the API's own origin under its invoice-download path
    /// are fetched, so neither the token nor the app ever reach another host. The download
    /// counts in the budget like any request.
    ///
    /// # Errors
    /// [`Error::Request`] for a link elsewhere; [`Error::Api`] when the API refuses it (an
    /// expired link answers 403 or 410); [`Error::Decode`] when the answer is not a PDF.
    pub async fn download_invoice(&self, link: &str) -> Result<Vec<u8>, Error> {
        let url = self.invoice_link(link)?;
        let call = Call::signed(Route::InvoicePdf, url);
        self.send_with(&call, read_pdf).await
    }

    fn invoice_link(&self, link: &str) -> Result<Url, Error> {
        let refused = |why| Error::Request(RequestError::RefusedLink(why));
        let url = self
            .base()
            .join(link)
            .map_err(|_| refused(LinkRefusal::NotAUrl))?;
        let prefix = self
            .base()
            .join(PDF_PREFIX)
            .map_err(|_| refused(LinkRefusal::NoDownloadPath))?;
        if url.origin() != self.base().origin() {
            return Err(refused(LinkRefusal::OtherHost));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(refused(LinkRefusal::Credentials));
        }
        if !url.path().starts_with(prefix.path()) {
            return Err(refused(LinkRefusal::NotADownload));
        }
        Ok(url)
    }
}

fn read_pdf(answer: &Answer) -> Result<Vec<u8>, Error> {
    let route = Route::InvoicePdf;
    let success = (200..300).contains(&answer.status);
    if success && answer.body.starts_with(b"%PDF-") {
        return Ok(answer.body.clone());
    }
    // An error envelope (or a bare status) says why; a 2xx that is not a PDF is a bad answer.
    decode::<serde_json::Value>(route, answer.status, &answer.body)?;
    Err(Error::Decode {
        route,
        path: ".".into(),
        message: format!(
            "expected a PDF, got {} bytes of something else",
            answer.body.len()
        ),
    })
}

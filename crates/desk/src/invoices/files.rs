//! Invoice PDFs written to disk: one at a path, or a whole year to a folder. Each file is written
//! to a temporary file in the same folder, then renamed, so a full disk or a refused folder never
//! leaves half a PDF behind. An expired download link is answered by listing again, once.

use super::Invoices;
use crate::Desk;
use crate::clock::date_of;
use crate::error::Error;
use crate::invoices::CachedInvoice;
use crate::organisations::OrganisationHandle;
use crate::session::ProfileId;
use crate::sync::Area;
use infomaniak::Route;
use infomaniak::{AccountId, InvoiceId};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a year's download stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct YearProgress {
    pub done: u32,
    pub total: u32,
    /// The file just written.
    pub file: Option<String>,
}

/// What saving a year wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct YearSaved {
    pub folder: String,
    pub files: Vec<String>,
    /// Organisations whose invoices cannot be read here (route, scope or billing right missing).
    pub skipped: Vec<AccountId>,
}

/// The file name an invoice is saved under: its organisation, date and id, so a folder sorts by date.
pub fn file_name(row: &crate::invoices::InvoiceRow) -> String {
    let date = row.created_at.map_or_else(
        || "undated".to_owned(),
        |t| {
            let (y, m, d) = crate::clock::date_of(t);
            format!("{y:04}-{m:02}-{d:02}")
        },
    );
    format!("invoice-{}-{date}-{}.pdf", row.account_id, row.id)
}

/// An expired or no longer valid pre-signed link (410, or 403 once its signature is stale).
fn link_expired(e: &Error) -> bool {
    matches!(e, Error::Api(api) if api.api_failure().is_some_and(|f| matches!(f.status, 403 | 410)))
}

impl Desk {
    async fn cached_invoice(
        &self,
        profile: &ProfileId,
        account: AccountId,
        invoice: InvoiceId,
        fresh: bool,
    ) -> Result<CachedInvoice, Error> {
        let cached = if fresh {
            None
        } else {
            self.store
                .cached::<Vec<CachedInvoice>>(
                    profile,
                    Area::Invoices.as_str(),
                    &account.to_string(),
                )?
                .map(|c| c.value)
        };
        let list = match cached {
            Some(list) => list,
            None => self.fetch_invoices(profile, account).await?,
        };
        list.into_iter()
            .find(|i| i.row.id == invoice)
            .ok_or(Error::UnknownInvoice(invoice))
    }

    async fn download(
        &self,
        profile: &ProfileId,
        invoice: &CachedInvoice,
    ) -> Result<Vec<u8>, Error> {
        let link = invoice
            .pdf
            .as_deref()
            .ok_or(Error::InvoiceWithoutPdf(invoice.row.id))?;
        let client = self.client(profile).await?;
        let answer = client.download_invoice(link).await;
        self.note(profile, Route::InvoicePdf, &answer);
        self.watch(profile, answer)
    }

    /// Saves every invoice of `year` of the organisations into `folder`, telling `progress` after
    /// each file. Stops at the first failure; the files written before it are whole.
    ///
    /// # Errors
    /// As [`Invoices::save`].
    pub async fn save_year(
        self: &Arc<Self>,
        profile: &ProfileId,
        accounts: &[AccountId],
        year: i64,
        folder: &Path,
        progress: impl Fn(YearProgress),
    ) -> Result<YearSaved, Error> {
        let mut chosen = Vec::new();
        let mut skipped = Vec::new();
        for &account in accounts {
            // A fresh list: its download links are valid for the whole run.
            let list = match self.fetch_invoices(profile, account).await {
                Ok(list) => list,
                Err(e) if crate::invoices::hand_off_for(account, &e).is_some() => {
                    skipped.push(account);
                    continue;
                }
                Err(e) => return Err(e),
            };
            chosen.extend(list.into_iter().filter(|i| {
                i.pdf.is_some() && i.row.created_at.is_some_and(|t| date_of(t).0 == year)
            }));
        }
        let total = u32::try_from(chosen.len()).unwrap_or(u32::MAX);
        progress(YearProgress {
            done: 0,
            total,
            file: None,
        });
        let mut files = Vec::new();
        for (done, invoice) in (1..).zip(&chosen) {
            let name = file_name(&invoice.row);
            let path: PathBuf = folder.join(&name);
            self.organisation(profile, invoice.row.account_id)
                .invoices()
                .save(invoice.row.id, &path)
                .await?;
            progress(YearProgress {
                done,
                total,
                file: Some(name.clone()),
            });
            files.push(name);
        }
        Ok(YearSaved {
            folder: folder.display().to_string(),
            files,
            skipped,
        })
    }
}

impl Invoices<'_> {
    /// The name a saved invoice is offered under (its organisation, date and id).
    pub fn file_name(&self, invoice: InvoiceId) -> String {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let cached = desk
            .store
            .cached::<Vec<CachedInvoice>>(profile, Area::Invoices.as_str(), &account.to_string())
            .ok()
            .flatten();
        cached
            .and_then(|c| c.value.into_iter().find(|i| i.row.id == invoice))
            .map_or_else(
                || format!("invoice-{account}-{invoice}.pdf"),
                |i| file_name(&i.row),
            )
    }

    /// An invoice's PDF; an expired link is refreshed by listing the invoices again, once.
    ///
    /// # Errors
    /// [`Error::UnknownInvoice`], [`Error::InvoiceWithoutPdf`], or the API's error.
    pub async fn pdf(&self, invoice: InvoiceId) -> Result<Vec<u8>, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let found = desk
            .cached_invoice(profile, account, invoice, false)
            .await?;
        match desk.download(profile, &found).await {
            Err(e) if link_expired(&e) => {
                let fresh = desk.cached_invoice(profile, account, invoice, true).await?;
                desk.download(profile, &fresh).await
            }
            other => other,
        }
    }

    /// Downloads an invoice's PDF into the private folder for files opened in other apps
    /// (readable by the user only, emptied at start and exit), for the PDF viewer.
    ///
    /// # Errors
    /// As [`Invoices::pdf`]; [`Error::File`] when it cannot be written or opening is off.
    pub async fn open_copy(&self, invoice: InvoiceId) -> Result<std::path::PathBuf, Error> {
        let desk = self.org.desk;
        let Some(dir) = desk.opened_dir.as_deref() else {
            return Err(Error::File {
                path: String::new(),
                source: std::io::Error::other("no folder for opened files"),
            });
        };
        let pdf = self.pdf(invoice).await?;
        crate::export::write_private(dir, &self.file_name(invoice), &pdf)
    }

    /// Downloads an invoice's PDF and writes it at `path`, whole or not at all.
    ///
    /// # Errors
    /// As [`Invoices::pdf`], and [`Error::File`] when it cannot be written.
    pub async fn save(&self, invoice: InvoiceId, path: &Path) -> Result<(), Error> {
        let pdf = self.pdf(invoice).await?;
        crate::export::write_atomically(path, &pdf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_calendar_days() {
        assert_eq!(date_of(0), (1970, 1, 1));
        assert_eq!(date_of(951_782_400), (2000, 2, 29));
        assert_eq!(date_of(1_767_225_599), (2025, 12, 31));
        assert_eq!(date_of(1_767_225_600), (2026, 1, 1));
    }
}

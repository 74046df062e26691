//! The check-up's rules, each a pure function of cached facts and `now`.

use super::{Finding, FindingKey, Fix, Severity};
use crate::organisations::Organisation;
use crate::products::ProductRow;
use crate::products::renewals::{self, AUTO_RENEW_LEAD_SECS};
use crate::support_access::{SupportAccessView, SupportContent};

const DAY: i64 = 24 * 60 * 60;
/// How far ahead a product without automatic renewal is reported.
pub const EXPIRY_WATCH_SECS: i64 = 30 * DAY;

fn finding(o: &Organisation, severity: Severity, key: FindingKey, fix: Fix) -> Finding {
    Finding {
        severity,
        key,
        account_id: Some(o.id),
        subject: None,
        fix,
    }
}

fn app(route: &str) -> Fix {
    Fix::App {
        route: route.to_owned(),
    }
}

/// The findings about an organisation itself: its legal representatives, its 2FA requirement,
/// whether it is blocked and its unpaid orders.
pub fn organisation_findings(o: &Organisation) -> Vec<Finding> {
    let renewal_page = || Fix::Manager {
        url: renewals::renewal_page(o.id),
    };
    let mut out = Vec::new();
    if o.blocked {
        out.push(finding(
            o,
            Severity::Critical,
            FindingKey::OrganisationBlocked,
            renewal_page(),
        ));
    }
    // Unknown (not readable with this token) is not reported: nothing is known to be wrong.
    if o.legal_representatives == Some(1) {
        out.push(finding(
            o,
            Severity::Warning,
            FindingKey::SingleLegalRepresentative,
            // The Users page of this very organisation, where another is appointed.
            app(&format!("#/users/{}", o.id)),
        ));
    }
    if !o.two_factor_required {
        out.push(finding(
            o,
            Severity::Warning,
            FindingKey::TwoFactorNotRequired,
            app("#/organisations"),
        ));
    }
    if o.orders_awaiting_payment > 0 {
        out.push(finding(
            o,
            Severity::Warning,
            FindingKey::OrdersAwaitingPayment,
            renewal_page(),
        ));
    }
    out
}

/// The finding about a product of `o` at `now`, if any: expiring within 30 days without
/// automatic renewal (still switchable: a warning), or inside the 14-day window where only a
/// manual renewal keeps it (critical). A renewal that could not be read counts as manual, the
/// reading that never lets a product lapse unnoticed.
pub fn product_findings(now: i64, o: &Organisation, p: &ProductRow) -> Option<Finding> {
    if p.account_id != Some(o.id) || p.auto_renew == Some(true) {
        return None;
    }
    let left = p.expires_at?.saturating_sub(now);
    let (severity, key, fix) = if left <= 0 || left > EXPIRY_WATCH_SECS {
        return None;
    } else if left < AUTO_RENEW_LEAD_SECS {
        (
            Severity::Critical,
            FindingKey::RenewManuallyNow,
            Fix::Manager {
                url: renewals::renewal_page(o.id),
            },
        )
    } else {
        (
            Severity::Warning,
            FindingKey::ExpiresWithoutAutoRenew,
            app(&format!("#/products/{}", p.id)),
        )
    };
    Some(Finding {
        severity,
        key,
        account_id: Some(o.id),
        subject: Some(p.name.clone()),
        fix,
    })
}

/// A warning for each support access still open (as the page computes it at the read), fixed on
/// the app's Support access page.
pub fn support_findings(accesses: &[SupportAccessView]) -> Vec<Finding> {
    accesses
        .iter()
        .filter(|a| a.on)
        .map(|a| Finding {
            severity: Severity::Warning,
            key: FindingKey::SupportAccessOpen,
            account_id: None,
            subject: Some(
                match a.content {
                    SupportContent::Mail => "Mail",
                    SupportContent::Kdrive => "kDrive",
                    SupportContent::Kchat => "kChat",
                }
                .to_owned(),
            ),
            fix: app("#/support-access"),
        })
        .collect()
}

/// A finding per scope the token was refused for: whatever that scope covers is missing from
/// every page, without an error on most (a list simply comes back shorter). The fix is a new
/// token: scopes cannot be added to one.
pub fn scope_findings(missing: &[String]) -> Vec<Finding> {
    missing
        .iter()
        .map(|scope| Finding {
            severity: Severity::Warning,
            key: FindingKey::TokenMissingScope,
            account_id: None,
            subject: Some(scope.clone()),
            fix: Fix::Manager {
                url: crate::handoff::TOKEN_PAGE.to_owned(),
            },
        })
        .collect()
}

#[cfg(test)]
#[path = "tests.rs"]
pub(super) mod tests;

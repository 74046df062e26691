//! The five demo organisations, as data: who the signed-in person is there, who else is, and
//! which products expire when.

use super::build::Flags;
use super::model::Role;

const PLAIN: Flags = Flags {
    locked: false,
    maintenance: false,
    in_progress: false,
    trial: false,
    free: false,
    partner: false,
};
const LOCKED: Flags = Flags {
    locked: true,
    ..PLAIN
};
const MAINTENANCE: Flags = Flags {
    maintenance: true,
    ..PLAIN
};
const IN_PROGRESS: Flags = Flags {
    in_progress: true,
    ..PLAIN
};
const TRIAL: Flags = Flags {
    trial: true,
    ..PLAIN
};
const FREE: Flags = Flags {
    free: true,
    ..PLAIN
};
const PARTNER: Flags = Flags {
    partner: true,
    ..PLAIN
};
const PARTNER_MAINTENANCE: Flags = Flags {
    partner: true,
    maintenance: true,
    ..PLAIN
};

/// `(service, customer_name, expires in days (None = never), auto_renew, flags)`
pub(crate) type ProductPlan = (&'static str, &'static str, Option<i64>, bool, Flags);

#[derive(Debug)]
pub(crate) struct OrgPlan {
    pub name: &'static str,
    pub domain: &'static str,
    pub my_role: Role,
    pub other_owners: usize,
    pub admins: usize,
    pub normals: usize,
    pub externals: usize,
    /// Of the administrators, how many are a partner agency's people (`partnership_id`).
    pub partner_admins: usize,
    pub pending: usize,
    pub currency: &'static str,
    pub invoice_currencies: &'static [&'static str],
    pub invoices: usize,
    pub prepaid: usize,
    pub payment_method: Option<&'static str>,
    pub two_fa: bool,
    pub blocked: bool,
    pub waiting_payment: u32,
    pub partner: bool,
    pub tags: &'static [&'static str],
    pub teams: &'static [&'static str],
    pub products: &'static [ProductPlan],
}

pub(crate) const ORGS: [OrgPlan; 5] = [
    // A small company whose only legal representative is the signed-in person.
    OrgPlan {
        name: "Rochat & Fils Sàrl",
        domain: "rochat-fils.ch",
        my_role: Role::Owner,
        other_owners: 0,
        admins: 2,
        normals: 5,
        externals: 1,
        partner_admins: 1,
        pending: 2,
        currency: "CHF",
        invoice_currencies: &["CHF"],
        invoices: 10,
        prepaid: 14,
        payment_method: Some("card"),
        two_fa: true,
        blocked: false,
        waiting_payment: 0,
        partner: false,
        tags: &["Clients", "Interne"],
        teams: &["Direction", "Atelier", "Comptabilité"],
        products: &[
            ("domain", "rochat-fils.ch", Some(9), true, PLAIN),
            ("domain", "rochat-fils.swiss", Some(11), false, PLAIN),
            ("hosting", "Site rochat-fils.ch", Some(45), true, PLAIN),
            ("email_hosting", "rochat-fils.ch", Some(200), true, PLAIN),
            ("ksuite", "kSuite Rochat & Fils", Some(320), true, PLAIN),
            (
                "certificate",
                "rochat-fils.ch (SSL)",
                Some(-5),
                false,
                PLAIN,
            ),
            ("drive", "kDrive Rochat & Fils", Some(20), false, TRIAL),
            ("swiss_backup", "Swiss Backup Rochat", None, false, PLAIN),
        ],
    },
    // An association: administrator, unpaid orders and a blocked order, no automatic payment.
    OrgPlan {
        name: "Association Les Amis du Léman",
        domain: "amis-du-leman.ch",
        my_role: Role::Admin,
        other_owners: 2,
        admins: 1,
        normals: 6,
        externals: 2,
        partner_admins: 0,
        pending: 1,
        currency: "CHF",
        invoice_currencies: &["CHF"],
        invoices: 7,
        prepaid: 0,
        payment_method: None,
        two_fa: false,
        blocked: false,
        waiting_payment: 2,
        partner: false,
        tags: &["Bénévoles"],
        teams: &["Comité", "Bénévoles"],
        products: &[
            ("domain", "amis-du-leman.ch", Some(5), false, PLAIN),
            ("hosting", "Site amis-du-leman.ch", Some(-20), false, LOCKED),
            ("email_hosting", "amis-du-leman.ch", Some(90), false, PLAIN),
            ("drive", "kDrive Bénévoles", Some(300), false, PLAIN),
            (
                "public_cloud",
                "Public Cloud Léman",
                None,
                false,
                MAINTENANCE,
            ),
        ],
    },
    // A design studio with two legal representatives, where the person's login is a mailbox.
    OrgPlan {
        name: "Atelier Lumen Design Sàrl",
        domain: "atelier-lumen.ch",
        my_role: Role::Owner,
        other_owners: 1,
        admins: 1,
        normals: 4,
        externals: 2,
        partner_admins: 0,
        pending: 2,
        currency: "CHF",
        invoice_currencies: &["CHF", "EUR"],
        invoices: 12,
        prepaid: 22,
        payment_method: Some("twint"),
        two_fa: false,
        blocked: false,
        waiting_payment: 0,
        partner: false,
        tags: &["Clients", "Portfolio"],
        teams: &["Studio", "Clients", "Production"],
        products: &[
            ("domain", "atelier-lumen.ch", Some(13), true, PLAIN),
            ("ksuite", "kSuite Atelier Lumen", Some(58), true, PLAIN),
            (
                "hosting",
                "Portfolio atelier-lumen.ch",
                Some(400),
                true,
                PLAIN,
            ),
            ("email_hosting", "atelier-lumen.ch", Some(400), true, PLAIN),
            ("domain", "lumen-photo.ch", Some(-2), false, PLAIN),
            ("domain", "lumen-events.ch", Some(3), false, PLAIN),
            (
                "certificate",
                "atelier-lumen.ch (SSL)",
                Some(35),
                true,
                PLAIN,
            ),
            ("drive", "kDrive Clients", Some(150), false, IN_PROGRESS),
        ],
    },
    // A reseller's client: products managed by a partner; blocked; the person is a collaborator.
    OrgPlan {
        name: "Boulangerie Favre SA",
        domain: "boulangerie-favre.ch",
        my_role: Role::Normal,
        other_owners: 1,
        admins: 1,
        normals: 3,
        externals: 0,
        partner_admins: 0,
        pending: 1,
        currency: "CHF",
        invoice_currencies: &["CHF"],
        invoices: 5,
        prepaid: 0,
        payment_method: Some("card"),
        two_fa: false,
        blocked: true,
        waiting_payment: 0,
        partner: true,
        tags: &["Boutique"],
        teams: &["Boutique"],
        products: &[
            ("domain", "boulangerie-favre.ch", Some(25), false, PARTNER),
            (
                "hosting",
                "Boutique en ligne",
                Some(80),
                false,
                PARTNER_MAINTENANCE,
            ),
            (
                "email_hosting",
                "boulangerie-favre.ch",
                Some(25),
                false,
                PARTNER,
            ),
        ],
    },
    // A fiduciary where the person is only an external user.
    OrgPlan {
        name: "Fiduciaire Jaquet & Associés SA",
        domain: "fiduciaire-jaquet.ch",
        my_role: Role::External,
        other_owners: 2,
        admins: 2,
        normals: 6,
        externals: 1,
        partner_admins: 0,
        pending: 1,
        currency: "CHF",
        invoice_currencies: &["CHF", "EUR"],
        invoices: 6,
        prepaid: 0,
        payment_method: Some("card"),
        two_fa: true,
        blocked: false,
        waiting_payment: 0,
        partner: false,
        tags: &["Mandats"],
        teams: &["Révision", "Conseil"],
        products: &[
            ("domain", "fiduciaire-jaquet.ch", Some(120), true, PLAIN),
            (
                "email_hosting",
                "fiduciaire-jaquet.ch",
                Some(120),
                true,
                PLAIN,
            ),
            ("ksuite", "kSuite Jaquet", Some(7), true, PLAIN),
            ("swiss_backup", "Archives Jaquet", None, false, PLAIN),
            ("drive", "kDrive partagé", None, false, FREE),
        ],
    },
];

//! The file's reading and the row checks, without any API.

use super::check::check;
use super::parse::rows;
use super::{RowProblem, seconds_for};
use crate::organisations::Relation;
use crate::teams::TeamRow;
use crate::users::{Person, Role};
use infomaniak::{TeamId, UserId};

fn person(email: &str, pending: bool) -> Person {
    Person {
        key: email.into(),
        user_id: (!pending).then_some(UserId(1)),
        invitation_id: None,
        name: "Someone".into(),
        email: email.into(),
        role: Role::Collaborator,
        pending,
        billing_access: false,
        contact_products: false,
        contact_billing: false,
        last_login_at: None,
        team_ids: Vec::new(),
        external: false,
        invited_at: None,
        second_factor: None,
    }
}

fn team(id: u64, name: &str) -> TeamRow {
    TeamRow {
        id: TeamId(id),
        name: name.into(),
        leader_id: None,
        leader_name: None,
        member_count: None,
        product_count: None,
        service_ids: Vec::new(),
    }
}

fn problems_of(text: &str, caller: Relation) -> Vec<Vec<RowProblem>> {
    let people = [
        person("member@example.ch", false),
        person("invited@example.ch", true),
    ];
    let teams = [team(1, "Sales"), team(2, "Support")];
    check(&rows(text).unwrap(), &people, &teams, caller, "fr_FR")
        .into_iter()
        .map(|r| r.problems)
        .collect()
}

#[test]
fn headers_are_read_in_every_language_and_any_order() {
    let files = [
        "email,first name,last name,role,language,teams,billing\nlea@example.ch,Léa,Favre,admin,de,Sales,yes\n",
        "Prénom;Nom;Adresse e-mail;Rôle;Langue;Équipes;Facturation\nLéa;Favre;lea@example.ch;Administratrice;Deutsch;Sales;oui\n",
        "Vorname;Nachname;E-Mail;Rolle;Sprache;Teams;Rechnungen\nLéa;Favre;lea@example.ch;Administrator;deutsch;sales;ja\n",
        "Nome;Cognome;E-mail;Ruolo;Lingua;Team;Fatturazione\nLéa;Favre;lea@example.ch;amministratore;tedesco;Sales;sì\n",
        "Nombre\tApellido\tCorreo electrónico\tRol\tIdioma\tEquipos\tFacturación\nLéa\tFavre\tlea@example.ch\tadministrador\talemán\tSales\tsí\n",
    ];
    for file in files {
        let people: [Person; 0] = [];
        let checked = check(
            &rows(file).unwrap(),
            &people,
            &[team(1, "Sales")],
            Relation::Owner,
            "fr_FR",
        );
        assert_eq!(checked.len(), 1, "{file}");
        let row = &checked[0];
        assert_eq!(row.problems, Vec::new(), "{file}");
        assert_eq!(
            (
                row.email.as_str(),
                row.first_name.as_str(),
                row.last_name.as_str()
            ),
            ("lea@example.ch", "Léa", "Favre"),
            "{file}"
        );
        assert_eq!(row.role, Role::Administrator, "{file}");
        assert_eq!(row.locale, "de_DE", "{file}");
        assert_eq!(row.team_ids, vec![TeamId(1)], "{file}");
        assert!(row.billing_access, "{file}");
        assert_eq!(row.line, 2, "{file}");
    }
}

#[test]
fn each_problem_is_found_on_its_row_and_only_there() {
    let file = "\u{feff}E-mail,First name,Last name,Role,Language,Teams,Billing\n\
        good@example.ch,Ann,Good,,,,\n\
        not-an-address,Bad,Address,,,,\n\
        team@example.ch,No,Team,,,\"Sales, Marketing\",\n\
        GOOD@example.ch,Ann,Again,,,,\n\
        member@example.ch,Is,Member,,,,\n\
        invited@example.ch,Is,Invited,,,,\n\
        role@example.ch,Odd,Role,chief,,,\n\
        lang@example.ch,Odd,Language,,klingon,,\n\
        bill@example.ch,Odd,Billing,,,,maybe\n\
        ,No,Address,,,,\n\
        name@example.ch,,,,,,\n\
        \n\
        owner@example.ch,New,Owner,legal representative,,,\n";
    let found = problems_of(file, Relation::Admin);
    assert_eq!(
        found,
        vec![
            vec![],
            vec![RowProblem::BadAddress],
            vec![RowProblem::UnknownTeam {
                name: "Marketing".into()
            }],
            vec![RowProblem::DuplicateInFile { line: 2 }],
            vec![RowProblem::AlreadyMember],
            vec![RowProblem::AlreadyInvited],
            vec![RowProblem::UnknownRole {
                value: "chief".into()
            }],
            vec![RowProblem::UnknownLanguage {
                value: "klingon".into()
            }],
            vec![RowProblem::UnknownBilling {
                value: "maybe".into()
            }],
            vec![RowProblem::MissingEmail],
            vec![RowProblem::MissingFirstName, RowProblem::MissingLastName],
            vec![RowProblem::RoleNotAllowed],
        ]
    );
    // A legal representative may invite another one.
    assert_eq!(problems_of(file, Relation::Owner)[11], Vec::new());
}

#[test]
fn rows_without_a_language_take_the_default_and_lines_skip_blank_rows() {
    let file = "email;first name;last name\n\na@example.ch;A;B\n";
    let checked = check(&rows(file).unwrap(), &[], &[], Relation::Owner, "it_IT");
    assert_eq!(checked[0].locale, "it_IT");
    assert_eq!(checked[0].role, Role::Collaborator);
    assert_eq!(checked[0].line, 3);
}

#[test]
fn a_file_without_an_email_column_or_too_long_is_refused() {
    assert!(rows("name,phone\nAnn,123\n").is_err());
    let mut long = String::from("email\n");
    for i in 0..=super::MOST_ROWS {
        long.push_str(&format!("p{i}@example.ch\n"));
    }
    assert!(rows(&long).is_err());
}

#[test]
fn a_row_sent_back_by_the_window_checks_the_same() {
    let file = "email,first name,last name,role,language,teams,billing\nlea@example.ch,Léa,Favre,admin,es,Sales;Support,yes\n";
    let first = check(
        &rows(file).unwrap(),
        &[],
        &[team(1, "Sales"), team(2, "Support")],
        Relation::Owner,
        "fr_FR",
    );
    let raw = super::parse::RawRow::from(&first[0]);
    let again = check(
        &[raw],
        &[],
        &[team(1, "Sales"), team(2, "Support")],
        Relation::Owner,
        "fr_FR",
    );
    assert_eq!(first, again);
}

#[test]
fn sending_takes_a_second_per_invitation_and_one_to_read_back() {
    assert_eq!(seconds_for(0), 0);
    assert_eq!(seconds_for(4), 5);
    assert_eq!(seconds_for(120), 121);
}

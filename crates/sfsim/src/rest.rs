//! The slice of the REST API that clients call right after a login (§9, §12): API
//! versions, a user record, and SOQL on `Organization` (`ScratchOrgInfo` answers
//! `INVALID_TYPE`: this org is not a Dev Hub). A dead token answers 401
//! `INVALID_SESSION_ID`, which is what makes clients refresh.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::errors::{self, rest_error};
use crate::identity::{bearer, live_token};
use crate::store::{AccessToken, AppState, Shared, Store};
use crate::token::Params;

const VERSIONS: [&str; 8] = [
    "58.0", "59.0", "60.0", "61.0", "62.0", "63.0", "64.0", "65.0",
];

fn version(v: &str) -> Option<&'static str> {
    let n = v.strip_prefix('v')?;
    VERSIONS.iter().find(|known| **known == n).copied()
}

fn authed(
    shared: &Shared,
    store: &mut Store,
    headers: &HeaderMap,
    q: Option<&str>,
) -> Option<AccessToken> {
    live_token(shared, store, bearer(headers, q))
}

/// Salesforce lists versions without a session; a dead token that is sent is refused.
pub async fn versions(State(shared): State<AppState>, headers: HeaderMap) -> Response {
    let mut store = shared.store();
    if bearer(&headers, None).is_some() && authed(&shared, &mut store, &headers, None).is_none() {
        return errors::INVALID_SESSION.into_response();
    }
    let list: Vec<Value> = VERSIONS
        .iter()
        .map(
            |v| json!({"label": "Winter '26", "url": format!("/services/data/v{v}"), "version": v}),
        )
        .collect();
    Json(list).into_response()
}

pub async fn resources(
    State(shared): State<AppState>,
    Path(v): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut store = shared.store();
    if authed(&shared, &mut store, &headers, None).is_none() {
        return errors::INVALID_SESSION.into_response();
    }
    let Some(v) = version(&v) else {
        return errors::NOT_FOUND.into_response();
    };
    let base = format!("/services/data/v{v}");
    let mut map = Map::new();
    for r in [
        "sobjects", "query", "queryAll", "search", "limits", "tooling", "connect",
    ] {
        map.insert(r.into(), Value::String(format!("{base}/{r}")));
    }
    map.insert(
        "identity".into(),
        Value::String(format!("{}/id/{}", shared.base_url, store.org.id)),
    );
    Json(Value::Object(map)).into_response()
}

fn user_record(store: &Store, v: &str, id: &str) -> Option<Value> {
    let u = store.user_by_id(id)?;
    Some(json!({
        "attributes": {"type": "User", "url": format!("/services/data/v{v}/sobjects/User/{}", u.id)},
        "Id": u.id,
        "Username": u.username,
        "Name": u.name,
        "Email": u.email,
        "IsActive": u.active,
        "UserType": "Standard",
        "LanguageLocaleKey": "en_US",
        "TimeZoneSidKey": "Europe/London",
    }))
}

pub async fn sobject_user(
    State(shared): State<AppState>,
    Path((v, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let mut store = shared.store();
    if authed(&shared, &mut store, &headers, None).is_none() {
        return errors::INVALID_SESSION.into_response();
    }
    match version(&v).and_then(|v| user_record(&store, v, &id)) {
        Some(rec) => Json(rec).into_response(),
        None => errors::NOT_FOUND.into_response(),
    }
}

pub async fn query(
    State(shared): State<AppState>,
    Path(v): Path<String>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Response {
    let mut store = shared.store();
    let Some(token) = authed(&shared, &mut store, &headers, None) else {
        return errors::INVALID_SESSION.into_response();
    };
    let Some(v) = version(&v) else {
        return errors::NOT_FOUND.into_response();
    };
    let soql = Params::parse(q.unwrap_or_default().as_bytes())
        .get("q")
        .unwrap_or_default()
        .to_string();
    let Some((fields, object)) = parse_soql(&soql) else {
        return errors::MALFORMED_QUERY.into_response();
    };
    let record = match object.to_ascii_lowercase().as_str() {
        "organization" => organization(&store, v),
        "user" => match user_record(&store, v, &token.grant.user_id) {
            Some(r) => r,
            None => return errors::NOT_FOUND.into_response(),
        },
        _ => {
            let msg = format!(
                "\n{soql}\n^\nERROR at Row:1:Column:1\nsObject type '{object}' is not supported. \
                 If you are attempting to use a custom object, be sure to append the '__c' \
                 after the entity name. Please reference your WSDL or the describe call for \
                 the appropriate names."
            );
            return rest_error(400, "INVALID_TYPE", &msg);
        }
    };
    Json(json!({"totalSize": 1, "done": true, "records": [select(&record, &fields)]}))
        .into_response()
}

fn organization(store: &Store, v: &str) -> Value {
    let org = &store.org;
    json!({
        "attributes": {"type": "Organization", "url": format!("/services/data/v{v}/sobjects/Organization/{}", org.id)},
        "Id": org.id,
        "Name": org.name,
        "InstanceName": org.instance_name,
        "IsSandbox": org.sandbox,
        "OrganizationType": if org.sandbox { "Enterprise Edition" } else { "Developer Edition" },
        "TrialExpirationDate": null,
        "NamespacePrefix": null,
        "LanguageLocaleKey": "en_US",
        "TimeZoneSidKey": "Europe/London",
    })
}

/// `SELECT a, b FROM X …` → (["a", "b"], "X").
fn parse_soql(soql: &str) -> Option<(Vec<String>, String)> {
    let lower = soql.to_ascii_lowercase();
    let select = lower.trim_start().strip_prefix("select ")?;
    let offset = soql.len() - select.len();
    let from = lower.find(" from ")?;
    let fields = soql.get(offset..from)?;
    let object = soql.get(from + 6..)?.split_whitespace().next()?;
    let fields = fields
        .split(',')
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect();
    Some((fields, object.to_string()))
}

/// The selected fields, with Salesforce's capitalisation; unmodelled ones are null.
fn select(record: &Value, fields: &[String]) -> Value {
    let mut out = Map::new();
    if let Some(attrs) = record.get("attributes") {
        out.insert("attributes".into(), attrs.clone());
    }
    for f in fields {
        let found = record
            .as_object()
            .and_then(|m| m.iter().find(|(k, _)| k.eq_ignore_ascii_case(f)));
        match found {
            Some((k, v)) => out.insert(k.clone(), v.clone()),
            None => out.insert(f.clone(), Value::Null),
        };
    }
    Value::Object(out)
}

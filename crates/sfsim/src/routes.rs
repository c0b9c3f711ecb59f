//! The URL map. The My Domain (which is also the instance) is the root; the
//! `login.salesforce.com` and `test.salesforce.com` roles are the same OAuth routes
//! under `/__login` and `/__test`, each request tagged with its [`HostRole`].

use axum::routing::{get, post};
use axum::{Extension, Router, middleware};

use crate::fixtures::HostRole;
use crate::store::AppState;
use crate::{
    admin, authorize, device_page, faults, frontdoor, id_token, identity, log, redirect, rest,
    revoke, token,
};

fn oauth() -> Router<AppState> {
    Router::new()
        .route(
            "/services/oauth2/token",
            post(token::token).get(token::token_get),
        )
        .route(
            "/services/oauth2/authorize",
            get(authorize::authorize).post(authorize::authorize_post),
        )
        .route(
            "/services/oauth2/authorize/login",
            post(authorize::login_post),
        )
        .route(
            "/services/oauth2/authorize/approve",
            post(authorize::approve_post),
        )
        .route(
            "/setup/secur/RemoteAccessErrorPage.apexp",
            get(redirect::error_page_get),
        )
        .route(
            "/setup/connect",
            get(device_page::page).post(device_page::submit),
        )
        .route(
            "/services/oauth2/revoke",
            post(revoke::revoke_post).get(revoke::revoke_get),
        )
        .route("/services/oauth2/introspect", post(revoke::introspect))
        .route(
            "/services/oauth2/userinfo",
            get(identity::userinfo).post(identity::userinfo),
        )
        .route(
            "/id/{org}/{user}",
            get(identity::identity).post(identity::identity),
        )
        .route(
            "/.well-known/openid-configuration",
            get(identity::openid_configuration),
        )
        .route("/id/keys", get(id_token::jwks))
}

fn instance() -> Router<AppState> {
    Router::new()
        .route("/services/data", get(rest::versions))
        .route("/services/data/", get(rest::versions))
        .route("/services/data/{v}", get(rest::resources))
        .route("/services/data/{v}/", get(rest::resources))
        .route(
            "/services/data/{v}/sobjects/User/{id}",
            get(rest::sobject_user),
        )
        .route("/services/data/{v}/query", get(rest::query))
        .route("/services/data/{v}/query/", get(rest::query))
        .route(
            "/services/oauth2/singleaccess",
            get(frontdoor::singleaccess).post(frontdoor::singleaccess),
        )
        .route("/secur/frontdoor.jsp", get(frontdoor::frontdoor))
        .route("/", get(frontdoor::home))
        .route("/lightning/page/home", get(frontdoor::home))
        .route("/home/home.jsp", get(frontdoor::home))
}

pub fn router(shared: AppState) -> Router {
    Router::new()
        .nest("/__login", oauth().layer(Extension(HostRole::Login)))
        .nest("/__test", oauth().layer(Extension(HostRole::Test)))
        .merge(
            oauth()
                .merge(instance())
                .layer(Extension(HostRole::MyDomain)),
        )
        .merge(admin::routes(shared.clone()))
        .layer(middleware::from_fn_with_state(
            shared.clone(),
            faults::apply,
        ))
        .layer(middleware::from_fn_with_state(shared.clone(), log::log))
        .with_state(shared)
}

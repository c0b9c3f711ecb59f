//! sfsim is a local stand-in for Salesforce's OAuth endpoints, exactly as strict and as
//! lenient as the real thing (`shared/SALESFORCE-OAUTH.md`): the six token grants, the
//! login and approval pages, identity, revocation, introspection, single-access URLs
//! and the first REST calls clients make. Tests of OrgKey run against it, and the
//! desktop app's demo mode starts one in-process.
//!
//! It must never listen on anything but loopback (it hands tokens to anyone who asks),
//! never log a secret (passwords, tokens, codes, client secrets, assertions), and never
//! panic on request input: bad input gets Salesforce's own error answer.
//!
//! ```no_run
//! # async fn demo() -> Result<(), sfsim::SimError> {
//! let sim = sfsim::Sim::start(sfsim::Fixtures::demo()).await?;
//! let token_url = format!("{}/services/oauth2/token", sim.my_domain_url());
//! sim.switches().expire_all_sessions();
//! # let _ = token_url; Ok(()) }
//! ```

mod admin;
mod authorize;
mod browser;
pub mod clock;
mod device_page;
pub mod errors;
mod faults;
pub mod fixtures;
mod frontdoor;
mod html;
mod id_token;
mod identity;
pub mod log;
#[cfg(feature = "person")]
pub mod person;
mod redirect;
mod rest;
mod revoke;
mod routes;
mod server;
mod store;
pub mod switches;
mod token;
pub mod tokens;

pub use clock::Clock;
pub use fixtures::{
    App, DEMO_JWT_CERT_PEM, DEMO_JWT_KEY_PEM, FixtureError, Fixtures, HostRole, Org,
    PermittedUsers, RefreshPolicy, User,
};
pub use server::{Options, Sim, SimError};
pub use switches::{Endpoint, Fault, FaultKind, Switches};

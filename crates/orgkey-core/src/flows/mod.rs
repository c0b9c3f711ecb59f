//! One file per OAuth grant. Each is a function of settings + secrets + an `Http`
//! client that returns a `TokenSet` or an `AuthError`; none knows about windows,
//! terminals, the catalog or the keychain.

pub mod client_credentials;
pub mod device;
pub mod jwt_bearer;
pub mod loopback;
pub mod password;
pub mod refresh;
pub mod web_server;

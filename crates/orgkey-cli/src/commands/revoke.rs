//! `orgkey revoke ALIAS`.

use crate::cli::AliasArg;
use crate::context::Context;
use crate::failure::Failure;

pub async fn run(args: AliasArg) -> Result<(), Failure> {
    let context = Context::open()?;
    let org = context.catalog.get(&args.alias)?;
    orgkey_core::revoke::revoke(&context.http, &context.vault, &org).await?;
    eprintln!(
        "Revoked {}'s tokens; the next token needs a new login or refresh.",
        org.alias
    );
    Ok(())
}

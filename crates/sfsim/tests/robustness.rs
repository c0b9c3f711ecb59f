//! Bad input gets Salesforce's error, never a panic or a dropped connection.

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn garbage_everywhere_gets_an_answer() {
    let sim = sim().await;
    let base = sim.base_url();
    let c = client();
    let bodies: [&[u8]; 5] = [
        b"",
        b"%%%&&&===",
        b"\xff\xfe\x00binary",
        b"grant_type=%ZZ",
        b"grant_type=device&code=",
    ];
    for b in bodies {
        let resp = c
            .post(format!("{base}/services/oauth2/token"))
            .body(b.to_vec())
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 400);
    }
    let urls = [
        format!("{base}/services/oauth2/authorize?%FF=%FF&client_id"),
        format!("{base}/id/x/y"),
        format!("{base}/id/{ORG_ID}/\u{e9}"),
        format!("{base}/services/data/v65.0/query?q=SELECT+FROM"),
        format!("{base}/services/data/v65.0/query?q=select+%C3%A9+from+"),
        format!("{base}/secur/frontdoor.jsp?sid=&otp="),
        format!("{base}/setup/secur/RemoteAccessErrorPage.apexp?error=%3Cscript%3E"),
        format!("{base}/__login/setup/connect?user_code=%3Cb%3E"),
    ];
    for url in urls {
        let resp = c.get(&url).bearer_auth("x").send().await.unwrap();
        assert!(resp.status().as_u16() < 500, "{url}: {}", resp.status());
        assert!(
            !resp.text().await.unwrap().contains("<script>"),
            "pages escape input"
        );
    }
    let jwt = jwt_token(base, "eyJhbGciOiJub25lIn0.eyJpc3MiOjF9.").await;
    assert_eq!(jwt.0, 400);
    let advance = c
        .post(format!("{base}/__sfsim/clock/advance"))
        .json(&json!({"seconds": u64::MAX}))
        .send()
        .await
        .unwrap();
    assert_eq!(advance.status(), 204);
    let (status, _) = token(base, &password_form(ADA, &format!("{ADA_PW}{ADA_TOKEN}"))).await;
    assert_eq!(status, 200, "still answering after an absurd clock jump");
}

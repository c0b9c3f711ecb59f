//! The HTML pages a person (or a WebDriver test) sees: login, approval, device code,
//! error and home. Every input has an id, a name and a `<label>`; every button says
//! what it does.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

pub fn page(title: &str, body: &str) -> Response {
    page_status(StatusCode::OK, title, body)
}

pub fn page_status(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\">\
         <title>{title}</title><style>{CSS}</style></head>\
         <body><main><p class=\"brand\">sfsim · local Salesforce</p>{body}</main></body></html>",
        title = escape(title),
    );
    (status, Html(html)).into_response()
}

const CSS: &str = "body{font-family:system-ui,sans-serif;background:#f3f3f3;margin:0}\
main{max-width:380px;margin:48px auto;background:#fff;padding:24px;border-radius:8px;\
box-shadow:0 1px 4px #0003}label{display:block;margin-top:12px;font-weight:600}\
input[type=text],input[type=password],input[type=email]{width:100%;box-sizing:border-box;\
padding:8px;font-size:16px}button{margin-top:16px;margin-right:8px;padding:8px 16px;\
font-size:16px}.error{color:#b00020}.brand{color:#666;font-size:12px}";

/// The login form. `action` posts `request`, `username`, `password`.
pub fn login(action: &str, request: &str, username: &str, error: Option<&str>) -> Response {
    let error = error
        .map(|e| {
            format!(
                "<p class=\"error\" role=\"alert\" id=\"error\">{}</p>",
                escape(e)
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<h1>Log In</h1>{error}\
         <form method=\"post\" action=\"{action}\" id=\"login_form\">\
         <input type=\"hidden\" name=\"request\" value=\"{request}\">\
         <label for=\"username\">Username</label>\
         <input type=\"text\" id=\"username\" name=\"username\" value=\"{username}\" \
         autocomplete=\"username\" autofocus>\
         <label for=\"password\">Password</label>\
         <input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\">\
         <button type=\"submit\" id=\"Login\" name=\"Login\">Log In</button></form>",
        action = escape(action),
        request = escape(request),
        username = escape(username),
    );
    page("Login | Salesforce", &body)
}

/// The approval page: "Allow" or "Deny" posted as `action`.
pub fn approve(
    action: &str,
    request: &str,
    app_name: &str,
    username: &str,
    scopes: &[String],
) -> Response {
    let items: String = scopes
        .iter()
        .map(|s| format!("<li>{}</li>", escape(s)))
        .collect();
    let body = format!(
        "<h1>Allow Access?</h1>\
         <p><strong>{app}</strong> is asking to access your Salesforce data as \
         <span id=\"approve_user\">{user}</span>:</p><ul id=\"scopes\">{items}</ul>\
         <form method=\"post\" action=\"{action}\">\
         <input type=\"hidden\" name=\"request\" value=\"{request}\">\
         <button type=\"submit\" id=\"oaapprove\" name=\"action\" value=\"allow\">Allow</button>\
         <button type=\"submit\" id=\"oadeny\" name=\"action\" value=\"deny\">Deny</button></form>",
        app = escape(app_name),
        user = escape(username),
        action = escape(action),
        request = escape(request),
    );
    page("Allow Access? | Salesforce", &body)
}

/// The device verification page: the user types the code shown on the device.
pub fn device_code(action: &str, prefill: &str, error: Option<&str>) -> Response {
    let error = error
        .map(|e| {
            format!(
                "<p class=\"error\" role=\"alert\" id=\"error\">{}</p>",
                escape(e)
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<h1>Connect Your Device</h1>{error}\
         <form method=\"post\" action=\"{action}\">\
         <label for=\"user_code\">Code</label>\
         <input type=\"text\" id=\"user_code\" name=\"user_code\" value=\"{prefill}\" \
         autocomplete=\"off\" autofocus>\
         <button type=\"submit\" id=\"connect\">Connect</button></form>",
        action = escape(action),
        prefill = escape(prefill),
    );
    page("Connect Your Device | Salesforce", &body)
}

pub fn message(title: &str, text: &str) -> Response {
    page(
        title,
        &format!(
            "<h1>{}</h1><p id=\"message\">{}</p>",
            escape(title),
            escape(text)
        ),
    )
}

pub fn error_page(error: &str, description: &str) -> Response {
    page(
        "Error | Salesforce",
        &format!(
            "<h1>Remote Access Error</h1><p>error=<code id=\"error\">{}</code></p>\
             <p>error_description=<code id=\"error_description\">{}</code></p>",
            escape(error),
            escape(description)
        ),
    )
}

//! End-to-end tests of the OrgKey desktop app, driven through WebDriver.

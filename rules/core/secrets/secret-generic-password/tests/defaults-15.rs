// Identity and marking wrappers around a literal (default-positions.ts).
fn relay_keys() {
    // expect: secret-generic-password@32-56
    let api_key = Secret::new("ga6Ao3J5lYN3zrC2Vbjl0FWc");
    // expect: secret-generic-password@35-59
    let api_token = String::from("LvjqfBNoIFEDftywClc9RfDJ");
    // expect-not: secret-generic-password
    let api_token_name = String::from("relay-api-token");
    // expect-not: secret-generic-password
    let webhook_secret = Secret::new(std::env::var("RELAY_WEBHOOK_SECRET").unwrap());
}

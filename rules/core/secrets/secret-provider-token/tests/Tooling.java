// Synthetic credentials of each format, written the ways code carries them (arguments, headers,
// comments, fallbacks, neutral keys). None of them is real.
// expect: secret-provider-token@29-104
Client client = new Client("rdme_79jc9aqcgppwozg48dm8y6m0xer4ydtpxpoa0i4vi7g93xlawm859hlsc5ly0ibsox3h8t");
// expect: secret-provider-token@50-114
conn.setRequestProperty("Authorization", "Bearer PMAK-6c40cd17ec0555811fdac0db-0ef84c67f9cc2be213824f66f1110b6d67");
// expect: secret-provider-token@13-61
// rotated: lin_api_8kH4Qg2O7jgMlK4JMZI64mAYLATyPut67B95H3I5
// expect: secret-provider-token@66-267
String cred = Optional.ofNullable(System.getenv("CRED")).orElse("ATATT3xFfGF0BtOcm8AIpkv6x7PfdL2X5KuW2fuKSLYtJ7JLaZpl8TKvgif_oUkisrZRKtAEo0RzFyAG6dkf-RDg_VM6CUzJUNCVDqR55rQ2WBdvyEVNQ5dA3YSYm3M5MS5aZrVAIHaUZrj292B8E0OavgJZygH5YXjqI_PhXDhhVkYpHhLN7KGAWvbV1FWc=9CA4E94A");
// expect: secret-provider-token@21-66
props.put("value", "figd_QFOFbj4QkV83Ue30kB41ZKwpaokGAR1xWYyrB3ts");
// expect: secret-provider-token@29-92
Client client = new Client("tfp_ijcRfi_ddhRBr03lC0OPK5LGVRZ7yYmz4fewdgJg4DCIlJKA4OMSvS0razG");
// expect: secret-provider-token@50-120
conn.setRequestProperty("Authorization", "Bearer fio-u-JFyxsRpTevdKL4PDVpLv1Gdh3rnVBzeSgPPLV3MFw7Na589WAb_HXZ5U2HlJ4Ds4");
// expect: secret-provider-token@13-63
// rotated: 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
// expect: secret-provider-token@66-102
String cred = Optional.ofNullable(System.getenv("CRED")).orElse("dapi744426ef56f1b0f8be5e3ce039daedfc");
// expect: secret-provider-token@21-103
props.put("value", "patnxAHS9IR2nXXPq.66b41529b51f6962f04c473902739923c07fbbef342ec1f8c3172f03d3e0ca6d");
// expect: secret-provider-token@29-118
Client client = new Client("sk.eyJhMy3nfcIYgEsKX9znCzNcYenz5uU7XNpk6pwN05F1fAn043TAhAdd8y2s6Wt.1LZeJq4w-gMMJW5QNoXdHW");
// expect: secret-provider-token@50-174
conn.setRequestProperty("Authorization", "Bearer EAAMODzbX9IQNDWI8Ved1UqYYyJk1UonSGpXHeS0iq0OkDYUcRDqiouq0JVZAeXlDEkt5YKZVKhoHOnPwAZNTaoC70xNzjpW2CC8NIS3vG0wfjAJ96pO4tyDBKUA");
// expect: secret-provider-token@13-49
// rotated: p8e-VXUPvwWzz2cJKmQtmtbP0NNIe3g1Zlni
// expect: secret-provider-token@66-139
String cred = Optional.ofNullable(System.getenv("CRED")).orElse("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");
// expect: secret-provider-token@21-61
props.put("value", "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");
// expect: secret-provider-token@29-65
Client client = new Client("ico-U3ANWii4qsVzWFqyUkybB4ukBNYTlCHm");
// expect: secret-provider-token@50-90
conn.setRequestProperty("Authorization", "Bearer pnu_ZKKRpiKTUDYoCid03t4i3slGcMPsUOta6YtR");
// expect: secret-provider-token@13-67
// rotated: tk-us-NMCdKQmhE77B9-CT-YoEJfZO3wKQ1ZB8zkssQNylNpqPJFK5
// expect: secret-provider-token@66-89
String cred = Optional.ofNullable(System.getenv("CRED")).orElse("sm_pat_Z4Cc3tbd9qvRxHks");
// expect: secret-provider-token@21-93
props.put("value", "pat.k2QrzqvgkGeCKLswr_EaU1.ExI9oHrxmEYwynTxcbpAHHOs.j8sqg1mTj75FqJq4iIBv");
// expect: secret-provider-token@29-69
Client client = new Client("AQVN6_bdFeyR3ByiunKNoRvodm4K2H4fSbPOQb8r");
// expect: secret-provider-token@50-92
conn.setRequestProperty("Authorization", "Bearer 4b1dfF0F341Qt57s7u5gECFlW2XfppbeUb27yM3wo1");
// expect: secret-provider-token@19-61
okta_api_token = "00QXr8yXPpdMCP1MxCotMSfmTVuCBQiIyIVxgx3aQ1"
// expect: secret-provider-token@19-51
algoliaAdminKey: "3e33e8ee5d4f029c02cc42755bcb5af9"
// expect: secret-provider-token@21-53
ALGOLIA_SECRET_KEY="7c0d2e9b41f6a8350e9c2b7d4f1a6e83"
// Algolia's search-only key is public: browsers send it with every query.
// expect-not: secret-provider-token
NEXT_PUBLIC_ALGOLIA_SEARCH_KEY="5e81a3c09d7f2b64e1a0c9d83b7f2e56"
// expect-not: secret-provider-token
algoliaSearchOnlyApiKey: "9a3e7c1f05d2b846e0c7f3a19d5b2e84"
// expect: secret-provider-token@12-48
SNYK_TOKEN=4a2cb7c9-a492-e064-8e5a-79c237278260
// expect: secret-provider-token@18-42
jira_api_token: "nu7rur8ptf9smvjc5qcllw9k"

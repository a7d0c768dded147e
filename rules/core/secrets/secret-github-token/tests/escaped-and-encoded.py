# Tokens that follow an escaped line break or a URL-encoded "=" have no word boundary before them.
# expect: secret-github-token@26-66
payload = "deploy notes\nghp_Zq7R2mKx9TfW4bLc8NvY3pHs6Dj1Ge5aFAKE"
# expect: secret-github-token@45-85
callback = "https://ci.internal/hook?auth%3Dghs_W4bLc8NvY3pHs6Dj1Ge5aZq7R2mKx9TfFAKE"
# expect-not: secret-github-token
template = "ghp_" + "x" * 36

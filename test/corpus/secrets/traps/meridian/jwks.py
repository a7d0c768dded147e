"""Public material and digests the auth service publishes or checks: none of it is secret."""

JWKS = {
    "keys": [
        {
            "kty": "EC",
            "crv": "P-256",
            "kid": "aca17e65-68d4-4924-82c9-0f4fadd4a10c",
            "use": "sig",
            "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
            "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
        }
    ]
}

PUBLIC_KEY_PEM = """-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEf83OJ3D2xF1Bg8vub9tLe1gHMzV7
6e8Tus9uPHvRVEXH8UTNG72bfocs3+257rn0s2ldbqkLJK2KRiMohYjlrQ==
-----END PUBLIC KEY-----"""

TOKEN_ENDPOINT = "https://auth.meridianhealth.example/oauth/token"
PASSWORD_RESET_URL = "https://app.meridianhealth.example/password/reset"
API_KEY_PARAM = "api_key"
RELEASE_SHA256 = "00067a27ed9d835cc2ad7cc830d023c24cabd3bd3d9ac250263b04807e11cdc2"
GIT_COMMIT = "e749945bf1377a2b373ae885cea491ecfb675ec4"

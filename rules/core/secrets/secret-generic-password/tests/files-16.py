# Batch 16's forms in Python (learn16-files): password hashes in a self-describing format are no secret.
c = get_config()  # noqa: F821
# expect-not: secret-generic-password
c.PasswordIdentityProvider.hashed_password = "argon2:$argon2id$v=19$m=10240,t=10,p=8$Qm3dLx8vTz0aYp4Wc1nRkA$zH5sQ9uXbG2eV7tJm4LcP0yN8wRd3fKa6oBi1TqUvE0"
# expect-not: secret-generic-password
ADMIN_PASSWORD = "pbkdf2_sha256$870000$Wq3nZr8TyLb2Xc5Vd0Ka1p$Pz7Rm2Nc4Lx9Bv6Tq1Yk8Hs3Gd5Fw0Ja2Ue4Oi7QaE="
# expect-not: secret-generic-password
NOTEBOOK_PASSWORD = "sha1:3f9a2c71b5d4:9b8e2f1c3d4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c"
# expect: secret-generic-password@19-41
NOTEBOOK_TOKEN = "33AzEhse1qFFrpUIVCwElQ"

# Shared analysis server for the genomics group (RStudio runs beside it on :8787)
c = get_config()  # noqa: F821

c.ServerApp.ip = "0.0.0.0"
c.ServerApp.port = 8888
c.ServerApp.open_browser = False
# hashed with jupyter_server.auth.passwd(); not the password itself
c.PasswordIdentityProvider.hashed_password = "argon2:$argon2id$v=19$m=10240,t=10,p=8$Fh+AahL4Tup4Vi+s92FAXQ$4D0j/sEcCkVY68kD5Ou5dtgjjH1UHD26Q7h8N3Z325k"
c.ServerApp.allow_remote_access = True
c.ServerApp.tornado_settings = {
    "headers": {"Content-Security-Policy": "frame-ancestors 'self' https://eln.avocet.bio"},
    "cookie_options": {"SameSite": "None", "Secure": True},
}
c.ServerApp.cookie_secret = bytes("edf7dfe4493b0b3c38ffb3afc42ce81b25f9382a2f838cbbeb890d4d55666f18", "ascii")
